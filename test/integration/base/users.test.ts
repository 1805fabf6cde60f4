// Users as clients see them: a user is backed by a partner (name, email, language, timezone),
// its password is write-only and stored hashed, context_get gives the session context, users
// change their own preferences and password, and the administrator cannot be removed.
import { AccessDenied, AccessError, MissingError, UserError } from '../../../src/errors';
import baseModule from '../../../models/base/module';
import { createAccessPolicy } from '../../../src/orm/access';
import { createEnv } from '../../../src/orm/env';
import { hashRounds, verifyPassword } from '../../../src/orm/password';
import { buildRegistry } from '../../../src/orm/registry';
import { BACKENDS } from '../../support/backends';
import { baseDbWithEmployee, ADMIN_PASSWORD } from './support';

describe.each(BACKENDS)('res.users on %s', (backend) => {
  const base = baseDbWithEmployee(backend);
  const storedHash = async (uid: number) => (await base.db.knex('res_users').where('id', uid).first()).password as string;

  it('creates a partner with the user and reads name, email, lang and tz from it', async () => {
    const su = base.env(1);
    const uid = await su.model('res.users').create({
      name: 'Ana Pérez', login: 'ana', email: 'ana@example.com', lang: 'es_ES', tz: 'Europe/Madrid',
    });
    const [user] = await su.model('res.users').read([uid], ['name', 'email', 'lang', 'tz', 'partner_id', 'company_id', 'groups_id']);
    const partnerId = (user.partner_id as [number, string])[0];
    expect(user).toMatchObject({ name: 'Ana Pérez', email: 'ana@example.com', lang: 'es_ES', tz: 'Europe/Madrid',
      partner_id: [partnerId, 'Ana Pérez'], company_id: [1, 'My Company'] });
    // New users are employees unless told otherwise.
    const employeeGroup = await su.model('ir.model.data').call('xmlid_to_res_id', { xmlid: 'base.group_user' });
    expect(user.groups_id).toEqual([employeeGroup]);
    const [partner] = await su.model('res.partner').read([partnerId], ['name', 'email', 'lang', 'tz', 'user_ids']);
    expect(partner).toMatchObject({ name: 'Ana Pérez', email: 'ana@example.com', lang: 'es_ES', tz: 'Europe/Madrid', user_ids: [uid] });

    await su.model('res.partner').write([partnerId], { name: 'Ana P. Gómez' });
    expect((await su.model('res.users').read([uid], ['name']))[0].name).toBe('Ana P. Gómez');
    await su.model('res.users').write([uid], { email: 'ana@new.example.com' });
    expect((await su.model('res.partner').read([partnerId], ['email']))[0].email).toBe('ana@new.example.com');
    expect(await su.model('res.users').nameGet([uid])).toEqual([[uid, 'Ana P. Gómez']]);
  });

  it('keeps the password write-only and hashed, and checks it afterwards', async () => {
    const su = base.env(1);
    const uid = await su.model('res.users').create({ name: 'Bob', login: 'bob', password: 'b0b-secret' });
    const [row] = await su.model('res.users').read([uid], ['password', 'login']);
    expect(row).toEqual({ id: uid, password: false, login: 'bob' });
    const [all] = await su.model('res.users').read([uid]);
    expect(all.password === false || !('password' in all)).toBe(true);
    const stored = await storedHash(uid);
    expect(stored).not.toContain('b0b-secret');
    expect(await verifyPassword('b0b-secret', stored)).toBe(true);
    expect(await verifyPassword('wrong', stored)).toBe(false);
    await su.model('res.users').write([uid], { password: 'n3w-secret' });
    expect(await verifyPassword('n3w-secret', await storedHash(uid))).toBe(true);
    await expect(su.model('res.users').write([uid], { password: '' })).rejects.toThrow(
      'Setting empty passwords is not allowed for security reasons!',
    );
  });

  it('hashes new passwords at the cost the registry was built with', async () => {
    const uid = await base.env(1).model('res.users').create({ name: 'Cost', login: 'cost', password: 'c0st-pw' });
    expect(hashRounds(await storedHash(uid))).toBe(1000);
    const registry = buildRegistry([baseModule], { access: createAccessPolicy(), passwordRounds: 1500 });
    const env = createEnv({ cr: base.db.knex, uid: 1, su: true, registry, dbName: base.db.name });
    await env.model('res.users').write([uid], { password: 'c0st-pw2' });
    expect(hashRounds(await storedHash(uid))).toBe(1500);
    expect(await verifyPassword('c0st-pw2', await storedHash(uid))).toBe(true);
    await base.env(1).model('res.users').unlink([uid]);
  });

  it('answers context_get with the user\'s language and timezone', async () => {
    const env = base.env(base.employee);
    expect(await env.model('res.users').call('context_get', {})).toEqual({ lang: 'en_US', tz: false });
    await env.model('res.users').write([base.employee], { lang: 'es_ES', tz: 'America/Havana' });
    expect(await env.model('res.users').call('context_get', {})).toEqual({ lang: 'es_ES', tz: 'America/Havana' });
    expect(await base.env(1).model('res.users').call('context_get', {})).toEqual({ lang: 'en_US', tz: false });
  });

  it('lets a user change their own password when they know the old one', async () => {
    const env = base.env(base.employee);
    await expect(env.model('res.users').call('change_password', { old_passwd: 'nope', new_passwd: 'x1' }))
      .rejects.toThrow(AccessDenied);
    expect(await env.model('res.users').call('change_password', { old_passwd: 'employee-pw', new_passwd: 'fresh-pw' })).toBe(true);
    expect(await verifyPassword('fresh-pw', await storedHash(base.employee))).toBe(true);
    expect(await env.model('res.users').call('preference_change_password', { old_passwd: 'fresh-pw', new_passwd: 'employee-pw' })).toBe(true);
    expect(await verifyPassword('employee-pw', await storedHash(base.employee))).toBe(true);
  });

  it('lets employees change only their own preferences', async () => {
    const env = base.env(base.employee);
    await env.model('res.users').write([base.employee], { signature: '-- E', name: 'Employee One' });
    expect((await env.model('res.users').read([base.employee], ['signature', 'name']))[0]).toMatchObject({ signature: '-- E', name: 'Employee One' });
    await expect(env.model('res.users').write([base.employee], { groups_id: [[6, 0, []]] })).rejects.toThrow(AccessError);
    await expect(env.model('res.users').write([base.employee], { login: 'boss' })).rejects.toThrow(AccessError);
    await expect(env.model('res.users').write([1], { signature: 'hacked' })).rejects.toThrow(MissingError);
    expect((await base.db.knex('res_users').where('id', 1).first()).signature).toBeNull();
    // Everyone may still read other users (names on documents).
    expect((await env.model('res.users').read([1], ['name']))[0].name).toBe('Administrator');
  });

  it('keeps the administrator: it can be neither deleted nor deactivated', async () => {
    const su = base.env(1);
    await expect(su.model('res.users').unlink([1])).rejects.toThrow(UserError);
    await expect(su.model('res.users').write([1], { active: false })).rejects.toThrow('You cannot deactivate the admin user.');
    expect(await verifyPassword(ADMIN_PASSWORD, await storedHash(1))).toBe(true);
  });

  it('refuses two users with the same login', async () => {
    await expect(base.env(1).model('res.users').create({ name: 'Other admin', login: 'admin' }))
      .rejects.toThrow('You can not have two users with the same login !');
  });
});
