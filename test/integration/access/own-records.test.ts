// Every user reads their own user record and partner and changes their own preferences, even
// without the Employee group (7.0 reads and writes a user's own record as the superuser), and
// reaches no other user or partner that way: searches and other ids stay refused.
import { AccessError } from '../../../src/errors';
import { callModelMethod } from '../../../src/orm/call-method';
import { verifyPassword } from '../../../src/orm/password';
import { BACKENDS } from '../../support/backends';
import { makeUser, openBaseDb, type BaseDb } from '../base/support';

describe.each(BACKENDS)('own user record on %s', (backend) => {
  let base: BaseDb;
  let loner: number;
  let technical: number;
  let employee: number;
  const partnerOf = async (uid: number): Promise<number> => {
    const [row] = await base.env(1).model('res.users').read([uid], ['partner_id']);
    return (row.partner_id as [number, string])[0];
  };
  beforeAll(async () => {
    base = await openBaseDb(backend);
    loner = await makeUser(base, 'loner', [], { name: 'Lone User', lang: 'en_US' });
    // In a group that has no rights on users or partners: the same as no group for them.
    technical = await makeUser(base, 'technical', ['base.group_no_one']);
    employee = await makeUser(base, 'employee', ['base.group_user']);
  });
  afterAll(async () => { await base?.destroy(); });

  it('lets a user without groups read their own user record and partner over RPC', async () => {
    const env = base.env(loner);
    const row = await callModelMethod(env, 'res.users', 'read', [loner, ['name', 'login', 'lang', 'tz', 'signature', 'partner_id']]);
    const partner = await partnerOf(loner);
    expect(row).toEqual({
      id: loner, name: 'Lone User', login: 'loner', lang: 'en_US', tz: false, signature: false, partner_id: [partner, 'Lone User'],
    });
    expect(await callModelMethod(env, 'res.partner', 'read', [[partner], ['name']])).toEqual([{ id: partner, name: 'Lone User' }]);
    expect(await base.env(technical).model('res.users').read([technical], ['login'])).toEqual([{ id: technical, login: 'technical' }]);
  });

  it('opens them no other user or partner, and no search', async () => {
    for (const uid of [loner, technical]) {
      const env = base.env(uid);
      await expect(env.model('res.users').read([uid, employee], ['name'])).rejects.toThrow(AccessError);
      await expect(env.model('res.users').read([1], ['name'])).rejects.toThrow(AccessError);
      await expect(env.model('res.users').search([['id', '=', uid]])).rejects.toThrow(AccessError);
      await expect(env.model('res.partner').read([await partnerOf(employee)], ['name'])).rejects.toThrow(AccessError);
      await expect(env.model('res.partner').search([])).rejects.toThrow(AccessError);
      await expect(env.model('res.partner').write([await partnerOf(uid)], { name: 'x' })).rejects.toThrow(AccessError);
      await expect(env.model('res.users').create({ name: 'New', login: `new-${uid}` })).rejects.toThrow(AccessError);
    }
    // Employees keep reading every user.
    expect((await base.env(employee).model('res.users').read([1, loner], ['login'])).map((r) => r.login).sort()).toEqual(['admin', 'loner']);
  });

  it('lets them change their own preferences and password, and nothing else', async () => {
    const env = base.env(loner);
    await env.model('res.users').write([loner], { name: 'Lone Ranger', lang: 'es_ES', tz: 'Europe/Madrid', signature: '-- L' });
    const [row] = await env.model('res.users').read([loner], ['name', 'lang', 'tz', 'signature']);
    expect(row).toEqual({ id: loner, name: 'Lone Ranger', lang: 'es_ES', tz: 'Europe/Madrid', signature: '-- L' });
    expect(await env.model('res.users').call('context_get', {})).toEqual({ lang: 'es_ES', tz: 'Europe/Madrid' });
    await expect(env.model('res.users').write([loner], { login: 'boss' })).rejects.toThrow(AccessError);
    await expect(env.model('res.users').write([loner], { groups_id: [[6, 0, [1]]] })).rejects.toThrow(AccessError);
    await expect(env.model('res.users').write([employee], { signature: 'hacked' })).rejects.toThrow(AccessError);
    expect((await base.db.knex('res_users').where('id', employee).first()).signature).toBeNull();
    expect(await callModelMethod(env, 'res.users', 'preference_change_password', ['loner-pw', 'new-loner-pw'])).toBe(true);
    const stored = (await base.db.knex('res_users').where('id', loner).first()).password as string;
    expect(await verifyPassword('new-loner-pw', stored)).toBe(true);
  });
});
