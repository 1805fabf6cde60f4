// Record rules as users meet them: hidden records are missing from searches, reads skip them and
// writes or deletes of them fail as for a deleted record; global rules are all applied, the rules
// of the user's groups are alternatives; {"$user": ...} placeholders stand for the caller.
import { MissingError } from '../../../src/errors';
import { BACKENDS } from '../../support/backends';
import { makeUser, openBaseDb, type BaseDb } from '../base/support';

describe.each(BACKENDS)('record rules on %s', (backend) => {
  let base: BaseDb;
  let employee: number;
  let manager: number;
  const tags: Record<string, number> = {};
  const rules: number[] = [];

  const xmlid = async (x: string): Promise<number> =>
    Number(await base.env(1).model('ir.model.data').call('xmlid_to_res_id', { xmlid: x }));
  const addRule = async (name: string, domain: unknown[], groups: string[] = [], perms: Record<string, boolean> = {}) => {
    const [modelId] = await base.env(1).model('ir.model').search([['model', '=', 'res.partner.category']]);
    const gids = await Promise.all(groups.map(xmlid));
    const id = await base.env(1).model('ir.rule').create({
      name, model_id: modelId, domain_force: JSON.stringify(domain), groups: [[6, 0, gids]], ...perms,
    });
    rules.push(id);
    return id;
  };
  const visible = async (uid: number) => {
    const env = base.env(uid);
    const ids = await env.model('res.partner.category').search([]);
    const rows = await env.model('res.partner.category').read(ids, ['name']);
    return rows.map((r) => r.name).sort();
  };

  beforeAll(async () => {
    base = await openBaseDb(backend);
    employee = await makeUser(base, 'employee', ['base.group_user']);
    manager = await makeUser(base, 'manager', ['base.group_user', 'base.group_partner_manager']);
    for (const name of ['A1', 'A2', 'B1', 'B2']) {
      tags[name] = await base.env(1).model('res.partner.category').create({ name });
    }
  });
  afterEach(async () => {
    await base.env(1).model('ir.rule').unlink(rules.splice(0));
  });
  afterAll(async () => { await base?.destroy(); });

  it('hides records from search and read, and makes them missing to write and unlink', async () => {
    await addRule('only A', [['name', 'like', 'A']]);
    expect(await visible(employee)).toEqual(['A1', 'A2']);
    const env = base.env(manager);
    expect(await env.model('res.partner.category').search([['name', '=', 'B1']])).toEqual([]);
    expect(await env.model('res.partner.category').read([tags.B1, tags.A1], ['name'])).toEqual([{ id: tags.A1, name: 'A1' }]);
    const err = await env.model('res.partner.category').write([tags.B1], { name: 'changed' }).catch((e) => e);
    expect(err).toBeInstanceOf(MissingError);
    expect(err.message).toBe(`Record does not exist or has been deleted.\n(Record: res.partner.category(${tags.B1},), User: ${manager})`);
    await expect(env.model('res.partner.category').unlink([tags.B2])).rejects.toThrow(MissingError);
    expect((await base.db.knex('res_partner_category').where('id', tags.B1).first()).name).toBe('B1');
    // The superuser is not bound by rules.
    expect(await base.env(1).model('res.partner.category').search([['name', 'in', ['B1', 'B2']]])).toHaveLength(2);
  });

  it('ANDs global rules and ORs the rules of the user\'s groups', async () => {
    await addRule('ones', [['name', 'like', '1']]);
    await addRule('employees see A', [['name', 'like', 'A']], ['base.group_user']);
    await addRule('partner managers see B', [['name', 'like', 'B']], ['base.group_partner_manager']);
    expect(await visible(employee)).toEqual(['A1']);
    expect(await visible(manager)).toEqual(['A1', 'B1']);
  });

  it('applies a rule only to the operations it names', async () => {
    await addRule('write only A', [['name', 'like', 'A']], [], { perm_read: false, perm_create: false, perm_unlink: false });
    expect(await visible(manager)).toEqual(['A1', 'A2', 'B1', 'B2']);
    const env = base.env(manager);
    await expect(env.model('res.partner.category').write([tags.B1], { name: 'B1' })).rejects.toThrow(MissingError);
    await expect(env.model('res.partner.category').write([tags.A1], { name: 'A1' })).resolves.toBe(true);
  });

  it('resolves {"$user": ...} placeholders for the calling user', async () => {
    await addRule('own tags', [['create_uid', '=', { $user: 'id' }]]);
    const mine = await base.env(manager).model('res.partner.category').create({ name: 'C mine' });
    expect(await visible(manager)).toEqual(['C mine']);
    expect(await visible(employee)).toEqual([]);
    await base.env(1).model('res.partner.category').unlink([mine]);
  });

  it('checks a record created under a create rule', async () => {
    await addRule('create only A', [['name', 'like', 'A']], [], { perm_read: false, perm_write: false, perm_unlink: false });
    const env = base.env(manager);
    const ok = await env.model('res.partner.category').create({ name: 'A3' });
    expect(ok).toBeGreaterThan(0);
    await expect(env.model('res.partner.category').create({ name: 'B3' })).rejects.toThrow(
      'The requested operation cannot be completed due to security restrictions. Please contact your system '
      + 'administrator.\n\n(Document type: Partner Tags, Operation: create)',
    );
    expect(await base.db.knex('res_partner_category').where('name', 'B3')).toHaveLength(0);
    await base.env(1).model('res.partner.category').unlink([ok]);
  });

  it('applies the rules of a model a domain reaches only through a related field', async () => {
    const [partnerModel] = await base.env(1).model('ir.model').search([['model', '=', 'res.partner']]);
    rules.push(await base.env(1).model('ir.rule').create({
      name: 'no hidden partners', model_id: partnerModel, domain_force: JSON.stringify([['name', 'not like', 'Hidden']]),
    }));
    const hidden = await makeUser(base, 'hidden', ['base.group_user'], { name: 'Hidden Person' });
    const users = base.env(employee).model('res.users');
    // res.users.name is related to partner_id.name: the partner rule applies to that sub-search too.
    expect(await users.search([['name', '=', 'Hidden Person']])).toEqual([]);
    expect(await users.search([['partner_id.name', '=', 'Hidden Person']])).toEqual([]);
    expect(await users.search([['login', '=', 'hidden']])).toEqual([hidden]);
    expect(await base.env(1).model('res.users').search([['name', '=', 'Hidden Person']])).toEqual([hidden]);
  });

  it('shows menus only to the members of their groups', async () => {
    const settingsMenu = await xmlid('base.menu_administration');
    const contactsMenu = await xmlid('base.menu_base_partner');
    const roots = async (uid: number) => base.env(uid).model('ir.ui.menu').search([['parent_id', '=', false]]);
    expect(await roots(employee)).toEqual([contactsMenu]);
    const settings = await makeUser(base, 'settings', ['base.group_user', 'base.group_system']);
    expect(await roots(settings)).toEqual([contactsMenu, settingsMenu]);
    expect(await base.env(employee).model('ir.ui.menu').read([settingsMenu], ['name'])).toEqual([]);
  });
});
