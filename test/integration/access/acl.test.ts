// ACLs as a user of the protocol meets them: a user without groups is refused with Odoo's text,
// an employee reads but may not create partners, implied groups grant their rights, and access
// control reads the user's groups and a model's ACLs once per call, not once per record.
import { AccessError } from '../../../src/errors';
import { BACKENDS } from '../../support/backends';
import { makeUser, openBaseDb, type BaseDb } from '../base/support';

describe.each(BACKENDS)('ACLs on %s', (backend) => {
  let base: BaseDb;
  let nobody: number;
  let employee: number;
  let settings: number;
  beforeAll(async () => {
    base = await openBaseDb(backend);
    nobody = await makeUser(base, 'nobody', []);
    employee = await makeUser(base, 'employee', ['base.group_user']);
    settings = await makeUser(base, 'settings', ['base.group_user', 'base.group_system']);
  });
  afterAll(async () => { await base?.destroy(); });

  it('refuses a user without groups, naming the groups that may', async () => {
    const err = await base.env(nobody).model('res.partner').search([]).catch((e) => e);
    expect(err).toBeInstanceOf(AccessError);
    expect(err.message).toBe("You are not allowed to access 'Contact' (res.partner) records.\n\n"
      + 'This operation is allowed for the following groups:\n'
      + '\t- Human Resources/Employee\n\t- Technical Settings/Contact Creation\n\n'
      + 'Contact your administrator to request access if necessary.');
  });

  it('lets an employee read partners but not create them', async () => {
    const env = base.env(employee);
    expect((await env.model('res.partner').search([['id', '=', 1]]))).toEqual([1]);
    const [company] = await env.model('res.partner').read([1], ['name']);
    expect(company.name).toBe('My Company');
    await expect(env.model('res.partner').create({ name: 'Not allowed' })).rejects.toThrow(
      "You are not allowed to create 'Contact' (res.partner) records.",
    );
    await expect(env.model('res.partner').write([1], { name: 'Renamed' })).rejects.toThrow(AccessError);
    expect((await base.db.knex('res_partner').where('id', 1).first()).name).toBe('My Company');
  });

  it('refuses employees the management of users, as Odoo 18 words it', async () => {
    const err = await base.env(employee).model('res.users').create({ name: 'x', login: 'x' }).catch((e) => e);
    expect(err).toBeInstanceOf(AccessError);
    expect(err.message).toBe("You are not allowed to create 'User' (res.users) records.\n\n"
      + 'This operation is allowed for the following groups:\n\t- Administration/Access Rights\n\n'
      + 'Contact your administrator to request access if necessary.');
  });

  it('grants the rights of implied groups (Settings implies Access Rights)', async () => {
    const env = base.env(settings);
    const uid = await env.model('res.users').create({ name: 'Made by settings', login: 'made' });
    expect(uid).toBeGreaterThan(1);
    expect(await env.userGroups()).toEqual(new Set([
      'base.group_user', 'base.group_system', 'base.group_erp_manager',
    ]));
    expect(await env.model('res.users').call('has_group', { group_ext_id: 'base.group_erp_manager' })).toBe(true);
    expect(await base.env(employee).model('res.users').call('has_group', { group_ext_id: 'base.group_erp_manager' })).toBe(false);
  });

  it('says when no group may do something', async () => {
    await expect(base.env(settings).model('ir.model').create({ name: 'X', model: 'x.y' })).rejects.toThrow(
      "You are not allowed to create 'Models' (ir.model) records.\n\nNo group currently allows this operation.",
    );
  });

  it('follows a change of groups on the next call', async () => {
    const uid = await makeUser(base, 'promoted', []);
    await expect(base.env(uid).model('res.country').search([['code', '=', 'BE']])).resolves.toHaveLength(1);
    await expect(base.env(uid).model('res.partner').search([])).rejects.toThrow(AccessError);
    const group = await base.env(1).model('ir.model.data').call('xmlid_to_res_id', { xmlid: 'base.group_user' });
    await base.env(1).model('res.users').write([uid], { groups_id: [[4, group]] });
    await expect(base.env(uid).model('res.partner').search([['id', '=', 1]])).resolves.toEqual([1]);
  });

  it('reads groups and ACLs once per call, whatever the number of records', async () => {
    const count = async (n: number): Promise<number> => {
      const env = base.env(employee);
      const ids = await env.sudo().model('res.country').search([], { limit: n });
      let queries = 0;
      const listener = (q: { sql: string }) => { if (/ir_model_access|res_groups_users_rel|ir_rule/.test(q.sql)) queries += 1; };
      base.db.knex.on('query', listener);
      try {
        await env.model('res.country').read(ids, ['name']);
        await env.model('res.country').search([['id', 'in', ids]]);
      } finally {
        base.db.knex.removeListener('query', listener);
      }
      return queries;
    };
    const few = await count(3);
    expect(few).toBeLessThanOrEqual(3);
    expect(await count(200)).toBe(few);
  });
});
