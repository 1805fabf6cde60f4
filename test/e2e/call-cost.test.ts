// What one XML-RPC call costs in SQL statements once the database's cache is warm, as an employee
// (not the superuser) over /xmlrpc/2/object: the cache signal, the rows, the names of many2one
// targets, and no transaction for reads. A second identical call costs the same.
import { BACKENDS } from '../support/backends';
import { JsonClient } from './support/json-client';
import { client } from './support/npm-client';
import { startTestServer, type TestServer } from './support/server';

describe.each(BACKENDS)('the cost of a call on %s', (backend) => {
  let t: TestServer;
  let rpc: ReturnType<typeof client>;
  let uid: number;
  let partnerIds: number[];
  const statements: string[] = [];
  const PASSWORD = 'employee-pass';

  const asAdmin = (model: string, method: string, args: unknown[], kwargs: Record<string, unknown> = {}) =>
    rpc.call('/xmlrpc/2/object', 'execute_kw', t.db, 1, t.password, model, method, args, kwargs);
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
    const knex = (await t.server.dbm.get(t.db)).knex;
    knex.on('query', (q: { sql: string }) => { statements.push(q.sql); });
  });
  afterAll(async () => { await t.stop(); });

  test('read of 10 records with many2one fields: at most 3 statements, and no transaction', async () => {
    const rows = await asEmployee('res.partner', 'read', [partnerIds, ['name', 'parent_id', 'company_id']]) as Record<string, unknown>[];
    expect(rows).toHaveLength(10);
    expect(rows[3]).toMatchObject({ name: 'Cost probe 3', parent_id: false, company_id: [expect.any(Number), expect.any(String)] });
    const sql = await warmCost(() => asEmployee('res.partner', 'read', [partnerIds, ['name', 'parent_id', 'company_id']]));
    expect(sql.length).toBeLessThanOrEqual(3);
    expect(sql.some((s) => /^(begin|commit)/i.test(s.trim()))).toBe(false);
    statements.length = 0;
    await asEmployee('res.partner', 'read', [partnerIds, ['name', 'parent_id', 'company_id']]);
    expect(statements).toHaveLength(sql.length);
  });

  test('search_read of 10 rows with a many2one: at most 3 statements', async () => {
    const call = () => asEmployee('res.partner', 'search_read', [[['name', 'like', 'Cost probe']]], { fields: ['name', 'company_id'], limit: 10 });
    expect(await call()).toHaveLength(10);
    const sql = await warmCost(call);
    expect(sql.length).toBeLessThanOrEqual(3);
    statements.length = 0;
    await call();
    expect(statements).toHaveLength(sql.length);
  });

  // The signal, the search, then partners' own name_get: their rows, and their names with their parents'.
  test('name_search: at most 4 statements', async () => {
    const call = () => asEmployee('res.partner', 'name_search', [], { name: 'Cost probe 7', limit: 8 });
    expect(await call()).toEqual([[partnerIds[7], 'Cost probe 7']]);
    const sql = await warmCost(call);
    expect(sql.length).toBeLessThanOrEqual(4);
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

  // The session's row and its user's password stamp (read fresh: a password change ends the session),
  // then the same three statements as over XML-RPC.
  test('the web client\'s read through its session: at most 5 statements, no transaction either', async () => {
    const web = new JsonClient(t.url);
    await web.call('/web/session/authenticate', { db: t.db, login: 'employee', password: PASSWORD });
    const call = () => web.callKw('res.partner', 'read', [partnerIds, ['name', 'parent_id', 'company_id']]);
    expect(await call()).toHaveLength(10);
    const sql = await warmCost(call);
    expect(sql.length).toBeLessThanOrEqual(5);
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
});
