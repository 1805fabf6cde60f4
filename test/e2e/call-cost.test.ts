// What one XML-RPC call costs in SQL statements once the database's cache is warm, as an employee
// (not the superuser) over /xmlrpc/2/object: the cache signal, the rows, the names of many2one
// targets, and no transaction for reads; on PostgreSQL a read's first SELECT carries the signal.
// A second identical call costs the same. A partner
// manager's create is its INSERT alone (with its links on PostgreSQL), its parent's name checked
// in it; a plain write of one record, its UPDATE alone.
import { BACKENDS } from '../support/backends';
import { JsonClient } from './support/json-client';
import { client } from './support/npm-client';
import { startTestServer, type TestServer } from './support/server';

describe.each(BACKENDS)('the cost of a call on %s', (backend) => {
  let t: TestServer;
  let rpc: ReturnType<typeof client>;
  let uid: number;
  let partnerIds: number[];
  let managerUid: number;
  let companyPartner: number;
  /** The signal's own statement: PostgreSQL reads it with a read's first SELECT. */
  const signal = backend === 'pg' ? 0 : 1;
  let contacts: number[];
  const statements: string[] = [];
  const PASSWORD = 'employee-pass';
  const MANAGER_PASSWORD = 'manager-pass';

  const asAdmin = (model: string, method: string, args: unknown[], kwargs: Record<string, unknown> = {}) =>
    rpc.call('/xmlrpc/2/object', 'execute_kw', t.db, 1, t.password, model, method, args, kwargs);
  const asManager = (model: string, method: string, args: unknown[], kwargs: Record<string, unknown> = {}) =>
    rpc.call('/xmlrpc/2/object', 'execute_kw', t.db, managerUid, MANAGER_PASSWORD, model, method, args, kwargs);
  const managerFault = (model: string, method: string, args: unknown[]) =>
    asManager(model, method, args).then(() => { throw new Error('no fault'); }, (e: { faultString: string }) => e);
  const xmlid = async (name: string) => (await asAdmin('ir.model.data', 'search_read',
    [[['module', '=', 'base'], ['name', '=', name]]], { fields: ['res_id'] }) as { res_id: number }[])[0].res_id;
  const asEmployee = (model: string, method: string, args: unknown[], kwargs: Record<string, unknown> = {}) =>
    rpc.call('/xmlrpc/2/object', 'execute_kw', t.db, uid, PASSWORD, model, method, args, kwargs);

  /** The statements one call sends to the database, after two identical calls warmed the cache. */
  async function warmCost(fn: () => Promise<unknown>): Promise<string[]> {
    await fn();
    await fn();
    statements.length = 0;
    await fn();
    return [...statements];
  }

  beforeAll(async () => {
    t = await startTestServer(backend);
    rpc = client(t.port);
    const company = await asAdmin('res.company', 'search', [[]]) as number[];
    partnerIds = [];
    for (let i = 0; i < 10; i++) {
      partnerIds.push(await asAdmin('res.partner', 'create', [{ name: `Cost probe ${i}`, company_id: company[0] }]) as number);
    }
    uid = await asAdmin('res.users', 'create', [{ name: 'Employee', login: 'employee', password: PASSWORD }]) as number;
    managerUid = await asAdmin('res.users', 'create', [{
      name: 'Partner Manager', login: 'partner-manager', password: MANAGER_PASSWORD,
      groups_id: [[6, 0, [await xmlid('group_user'), await xmlid('group_partner_manager')]]],
    }]) as number;
    companyPartner = await asAdmin('res.partner', 'create', [{ name: 'Cost Company', is_company: true }]) as number;
    contacts = [];
    for (let i = 0; i < 10; i++) {
      contacts.push(await asAdmin('res.partner', 'create', [{ name: `Cost contact ${i}`, parent_id: companyPartner, city: 'Lima' }]) as number);
    }
    const knex = (await t.server.dbm.get(t.db)).knex;
    knex.on('query', (q: { sql: string }) => { statements.push(q.sql); });
  });
  afterAll(async () => { await t.stop(); });

  // The signal and the rows, the names of the many2one targets joined in.
  test('read of 10 records with many2one fields: at most 2 statements (1 on PostgreSQL), and no transaction', async () => {
    const rows = await asEmployee('res.partner', 'read', [partnerIds, ['name', 'parent_id', 'company_id']]) as Record<string, unknown>[];
    expect(rows).toHaveLength(10);
    expect(rows[3]).toMatchObject({ name: 'Cost probe 3', parent_id: false, company_id: [expect.any(Number), expect.any(String)] });
    const sql = await warmCost(() => asEmployee('res.partner', 'read', [partnerIds, ['name', 'parent_id', 'company_id']]));
    expect(sql.length).toBeLessThanOrEqual(1 + signal);
    expect(sql[0]).toMatch(/ir_cache_signal/);
    expect(sql.some((s) => /^(begin|commit)/i.test(s.trim()))).toBe(false);
    statements.length = 0;
    await asEmployee('res.partner', 'read', [partnerIds, ['name', 'parent_id', 'company_id']]);
    expect(statements).toHaveLength(sql.length);
  });

  test('search_read of 10 rows with a many2one: at most 2 statements (1 on PostgreSQL)', async () => {
    const call = () => asEmployee('res.partner', 'search_read', [[['name', 'like', 'Cost probe']]], { fields: ['name', 'company_id'], limit: 10 });
    expect(await call()).toHaveLength(10);
    const sql = await warmCost(call);
    expect(sql.length).toBeLessThanOrEqual(1 + signal);
    statements.length = 0;
    await call();
    expect(statements).toHaveLength(sql.length);
  });

  // The signal, then the search with the stored complete names.
  test('name_search: at most 2 statements (1 on PostgreSQL)', async () => {
    const call = () => asEmployee('res.partner', 'name_search', [], { name: 'Cost probe 7', limit: 8 });
    expect(await call()).toEqual([[partnerIds[7], 'Cost probe 7']]);
    const sql = await warmCost(call);
    expect(sql.length).toBeLessThanOrEqual(1 + signal);
    statements.length = 0;
    await call();
    expect(statements).toHaveLength(sql.length);
  });

  test('fields_view_get of a stored form: the signal alone, and a changed view is seen at once', async () => {
    const arch = '<form string="Partner"><field name="name"/></form>';
    const viewId = await asAdmin('ir.ui.view', 'create', [{ name: 'res.partner.form', model: 'res.partner', type: 'form', arch }]);
    const call = () => asEmployee('res.partner', 'fields_view_get', [], { view_type: 'form' }) as Promise<{ arch: string; view_id: number }>;
    expect((await call()).view_id).toBe(viewId);
    expect(await warmCost(call)).toHaveLength(1);
    await asAdmin('ir.ui.view', 'write', [[viewId], { arch: arch.replace('</form>', '<field name="comment"/></form>') }]);
    expect((await call()).arch).toContain('<field name="comment"/>');
    await asAdmin('ir.ui.view', 'write', [[viewId], { arch }]);
    expect((await call()).arch).not.toContain('<field name="comment"/>');
  });

  test('fields_get: the signal alone once warm, and a right granted since is seen on the next call', async () => {
    const login = 'fields-reader';
    const reader = await asAdmin('res.users', 'create', [{ name: 'Fields Reader', login, password: PASSWORD }]) as number;
    const call = () => rpc.call('/xmlrpc/2/object', 'execute_kw', t.db, reader, PASSWORD, 'res.partner', 'fields_get', [],
      { attributes: ['string', 'readonly'] }) as Promise<Record<string, { string: string; readonly?: boolean }>>;
    expect((await call()).name).toEqual({ string: 'Name', readonly: true });
    expect(await warmCost(call)).toHaveLength(1);
    await asAdmin('res.users', 'write', [[reader], { groups_id: [[4, await xmlid('group_partner_manager')]] }]);
    expect((await call()).name).toEqual({ string: 'Name', readonly: false });
  });

  test('fields_get in made-up languages: answered in English, kept as English once, and Spanish still translated', async () => {
    const cache = (await t.server.dbm.get(t.db)).cache!;
    const call = (lang: string) => asEmployee('helpdesk.request', 'fields_get', [],
      { attributes: ['string', 'selection'], context: { lang } }) as Promise<Record<string, { string: string }>>;
    const english = await call('en_US');
    expect(english.subject.string).toBe('Subject');
    expect((await call('es_ES')).subject.string).toBe('Asunto');
    const kept = cache.size('fields_get');
    for (let i = 1; i <= 40; i++) expect(await call(`xx_${i}`)).toEqual(english);
    expect(cache.size('fields_get')).toBe(kept);
    expect(await warmCost(() => call('xx_41'))).toHaveLength(1);
    expect((await call('es_ES')).subject.string).toBe('Asunto');
    expect(cache.size('fields_get')).toBe(kept);
  });

  test('fields_get hands out its own copy: what fields_view_get adds to an entry stays out of the next answer', async () => {
    const view = await asAdmin('res.users', 'fields_view_get', [], { view_type: 'form' }) as { fields: Record<string, Record<string, unknown>> };
    const marked = Object.entries(view.fields).filter(([, d]) => d.password === true).map(([n]) => n);
    expect(marked.length).toBeGreaterThan(0);
    const fields = await asAdmin('res.users', 'fields_get', [marked]) as Record<string, Record<string, unknown>>;
    for (const name of marked) expect(fields[name]).not.toHaveProperty('password');
  });

  // The session's row and its user's password stamp (read fresh: a password change ends the session),
  // then the same two statements as over XML-RPC.
  test('the web client\'s read through its session: at most 4 statements, no transaction either', async () => {
    const web = new JsonClient(t.url);
    await web.call('/web/session/authenticate', { db: t.db, login: 'employee', password: PASSWORD });
    const call = () => web.callKw('res.partner', 'read', [partnerIds, ['name', 'parent_id', 'company_id']]);
    expect(await call()).toHaveLength(10);
    const sql = await warmCost(call);
    expect(sql.length).toBeLessThanOrEqual(4);
    expect(sql.some((q) => /^(begin|commit)/i.test(q.trim()))).toBe(false);
  });

  test('a write costs its transaction, and the next read sees it at the warm cost again', async () => {
    await asAdmin('res.partner', 'write', [[partnerIds[0]], { name: 'Cost probe renamed' }]);
    const rows = await asEmployee('res.partner', 'read', [[partnerIds[0]], ['name']]) as Record<string, unknown>[];
    expect(rows[0].name).toBe('Cost probe renamed');
    statements.length = 0;
    await asEmployee('res.partner', 'read', [partnerIds, ['name', 'parent_id', 'company_id']]);
    expect(statements.length).toBeLessThanOrEqual(3);
  });

  const transactionOnly = (sql: string[]) => sql.filter((q) => !/^(begin|commit|select ["`]value["`] from ["`]ir_cache_signal["`])/i.test(q.trim()));

  // A plain write of one record is one statement: it commits on its own, with no BEGIN or COMMIT.
  test('a partner manager\'s write: at most 2 statements (the signal, the UPDATE), no transaction', async () => {
    let n = 0;
    const sql = await warmCost(() => asManager('res.partner', 'write', [[contacts[0]], { phone: `555-${++n}`, city: 'Quito' }]));
    expect(sql.length).toBeLessThanOrEqual(2);
    expect(sql.some((q) => /^(savepoint|begin)/i.test(q.trim()))).toBe(false);
    expect(transactionOnly(sql).filter((q) => !/^update/i.test(q.trim()))).toEqual([]);
    expect(await asManager('res.partner', 'read', [[contacts[0]], ['phone', 'city']])).toEqual([{ id: contacts[0], phone: '555-3', city: 'Quito' }]);
  });

  // The signal, then the INSERT, which checks the company and the parent itself, and that the
  // parent's name (in the stored complete name) is still the one read by the create before: one
  // statement that commits on its own.
  test('a partner manager\'s create: at most 2 statements, no transaction, the user\'s company as its default', async () => {
    let n = 0;
    const create = () => asManager('res.partner', 'create', [{ name: `Cost new ${++n}`, email: 'new@example.com', city: 'Lima', parent_id: companyPartner }]);
    const sql = await warmCost(create);
    expect(sql.length).toBeLessThanOrEqual(2);
    expect(sql.some((q) => /^(savepoint|begin)/i.test(q.trim()))).toBe(false);
    const id = await create() as number;
    const [company] = await asAdmin('res.users', 'read', [[managerUid], ['company_id']]) as { company_id: [number, string] }[];
    const [row] = await asManager('res.partner', 'read', [[id], ['name', 'company_id', 'parent_id']]) as Record<string, unknown>[];
    expect(row).toEqual({ id, name: 'Cost new 4', company_id: company.company_id, parent_id: [companyPartner, 'Cost Company'] });
  });

  // Nothing for a stored compute to read: the signal and the INSERT, which checks the company itself.
  test('a partner manager\'s create of a company: at most 2 statements', async () => {
    let n = 0;
    const create = () => asManager('res.partner', 'create', [{ name: `Cost firm ${++n}`, is_company: true, city: 'Lima' }]);
    const sql = await warmCost(create);
    expect(sql.length).toBeLessThanOrEqual(2);
    const id = await create() as number;
    const [row] = await asManager('res.partner', 'read', [[id], ['complete_name', 'company_id']]) as Record<string, unknown>[];
    expect(row).toMatchObject({ complete_name: 'Cost firm 4', company_id: [expect.any(Number), expect.any(String)] });
  });

  // As above, the links to its tags in the INSERT's statement on PostgreSQL; SQLite cannot insert
  // into two tables in one statement: there, BEGIN, the look at the targets, the INSERT, the links, COMMIT.
  test('a create with a country and tags: at most 2 statements on PostgreSQL, and the record reads back as written', async () => {
    const [country] = await asAdmin('res.country', 'search', [[]], { limit: 1 }) as number[];
    const tags = [
      await asAdmin('res.partner.category', 'create', [{ name: 'Cost tag A' }]) as number,
      await asAdmin('res.partner.category', 'create', [{ name: 'Cost tag B' }]) as number,
    ];
    let n = 0;
    const create = () => asManager('res.partner', 'create', [{
      name: `Cost tagged ${++n}`, email: 'tagged@example.com', city: 'Lima', parent_id: companyPartner,
      country_id: country, category_id: [[6, 0, tags]],
    }]);
    const sql = await warmCost(create);
    expect(sql.length).toBeLessThanOrEqual(backend === 'pg' ? 2 : 6);
    if (backend === 'pg') expect(sql.some((q) => /^(savepoint|begin)/i.test(q.trim()))).toBe(false);
    const id = await create() as number;
    const [row] = await asManager('res.partner', 'read', [[id], ['name', 'parent_id', 'country_id', 'category_id']]) as Record<string, unknown>[];
    expect(row).toMatchObject({ name: 'Cost tagged 4', parent_id: [companyPartner, 'Cost Company'], category_id: tags });
    expect((row.country_id as unknown[])[0]).toBe(country);
  });

  test('a create naming missing records: the first field sent names its model, and nothing is created', async () => {
    const [country] = await asAdmin('res.country', 'search', [[]], { limit: 1 }) as number[];
    const missing = 999999;
    const faultOf = async (vals: Record<string, unknown>) => (await managerFault('res.partner', 'create', [vals])).faultString;
    const text = (model: string, ids: string) => `Record does not exist or has been deleted.\n(Record: ${model}(${ids}), User: ${managerUid})`;
    expect(await faultOf({ name: 'Cost ghost', parent_id: missing, country_id: missing })).toBe(text('res.partner', `${missing},`));
    expect(await faultOf({ name: 'Cost ghost', country_id: missing, parent_id: missing })).toBe(text('res.country', `${missing},`));
    expect(await faultOf({ name: 'Cost ghost', country_id: country, parent_id: missing })).toBe(text('res.partner', `${missing},`));
    expect(await faultOf({ name: 'Cost ghost', country_id: country, category_id: [[6, 0, [missing - 1, missing]]] }))
      .toBe(text('res.partner.category', `${missing - 1}, ${missing}`));
    expect(await faultOf({ name: 'Cost ghost', parent_id: companyPartner, country_id: country, category_id: [[6, 0, [missing]]] }))
      .toBe(text('res.partner.category', `${missing},`));
    expect(await asAdmin('res.partner', 'search', [[['name', '=', 'Cost ghost']]])).toEqual([]);
  });

  // The signal, the rows with the company's and country's names joined in, the tags and contacts together.
  test('read of 10 contacts with 8 fields: at most 3 statements (2 on PostgreSQL), their company\'s name without a look at it first', async () => {
    const fields = ['name', 'email', 'city', 'is_company', 'parent_id', 'country_id', 'category_id', 'child_ids'];
    const rows = await asManager('res.partner', 'read', [contacts, fields]) as Record<string, unknown>[];
    expect(rows).toHaveLength(10);
    expect(rows[5]).toMatchObject({ name: 'Cost contact 5', city: 'Lima', parent_id: [companyPartner, 'Cost Company'], category_id: [], child_ids: [] });
    const sql = await warmCost(() => asManager('res.partner', 'read', [contacts, fields]));
    expect(sql.length).toBeLessThanOrEqual(2 + signal);
    const [company] = await asManager('res.partner', 'read', [[companyPartner], ['child_ids']]) as { child_ids: number[] }[];
    expect(company.child_ids).toEqual(expect.arrayContaining(contacts));
  });

  test('a company\'s rename runs in a transaction: its contacts\' complete names change with it', async () => {
    const sql = await warmCost(() => asManager('res.partner', 'write', [[companyPartner], { name: 'Cost Company' }]));
    expect(sql.some((q) => /^begin/i.test(q.trim()))).toBe(true);
    await asManager('res.partner', 'write', [[companyPartner], { name: 'Renamed Company' }]);
    const rows = await asAdmin('res.partner', 'read', [[contacts[0]], ['complete_name']]) as { complete_name: string }[];
    expect(rows[0].complete_name).toBe('Renamed Company, Cost contact 0');
    // A contact created next has the new name in its own, as do those created before.
    const added = await asManager('res.partner', 'create', [{ name: 'Cost contact new', parent_id: companyPartner }]) as number;
    expect(await asAdmin('res.partner', 'read', [[added], ['complete_name']])).toEqual([{ id: added, complete_name: 'Renamed Company, Cost contact new' }]);
    await asManager('res.partner', 'write', [[companyPartner], { name: 'Cost Company' }]);
  });

  test('a write with a missing id: the same fault as ever, and the existing record keeps its values', async () => {
    await asManager('res.partner', 'write', [[contacts[1]], { city: 'Cusco' }]);
    const missing = 999999;
    const fault = await managerFault('res.partner', 'write', [[contacts[1], missing], { city: 'Arequipa' }]);
    expect(fault.faultString).toBe(`Record does not exist or has been deleted.\n(Record: res.partner(${missing},), User: ${managerUid})`);
    expect(await asManager('res.partner', 'read', [[contacts[1]], ['city']])).toEqual([{ id: contacts[1], city: 'Cusco' }]);
  });

  test('a record a write rule hides: the same fault as a missing one, and nothing written', async () => {
    const modelId = (await asAdmin('ir.model', 'search', [[['model', '=', 'res.partner']]]) as number[])[0];
    const rule = await asAdmin('ir.rule', 'create', [{
      name: 'contact 2 is not written', model_id: modelId, domain_force: JSON.stringify([['id', '!=', contacts[2]]]),
      perm_read: false, perm_write: true, perm_create: false, perm_unlink: false,
    }]) as number;
    try {
      const fault = await managerFault('res.partner', 'write', [[contacts[2]], { city: 'Tacna' }]);
      expect(fault.faultString).toBe(`Record does not exist or has been deleted.\n(Record: res.partner(${contacts[2]},), User: ${managerUid})`);
      expect(await asManager('res.partner', 'write', [[contacts[3]], { city: 'Tacna' }])).toBe(true);
      const rows = await asManager('res.partner', 'read', [[contacts[2], contacts[3]], ['city']]);
      expect(rows).toEqual([{ id: contacts[2], city: 'Lima' }, { id: contacts[3], city: 'Tacna' }]);
    } finally {
      await asAdmin('ir.rule', 'unlink', [[rule]]);
    }
  });
});
