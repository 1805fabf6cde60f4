// Two server processes on one database (a SQLite file, a PostgreSQL database): the server built in
// this test process changes users, groups, access rows and rules; a second server, a real child
// process with its own per-database cache, sees each change on its very next call.
import { uniqueName, BACKENDS } from '../support/backends';
import { killChildServers, startChildServer, type ChildServer } from './support/child-server';
import { client, type FaultLike } from './support/npm-client';
import { startTestServer, type TestServer } from './support/server';

jest.setTimeout(180_000);

describe.each(BACKENDS)('two server processes on one %s database', (backend) => {
  const tag = uniqueName('two');
  let first: TestServer;
  let second: ChildServer;
  let one: ReturnType<typeof client>;
  let two: ReturnType<typeof client>;
  let uid: number;
  let password = 'first-pass';
  let ids: { visible: number; hidden: number; partnerGroup: number; companyAcl: number };

  const admin = (model: string, method: string, args: unknown[], kwargs: Record<string, unknown> = {}) =>
    one.call('/xmlrpc/2/object', 'execute_kw', first.db, 1, first.password, model, method, args, kwargs);
  /** The employee's call, sent to the other process. */
  const employee = (model: string, method: string, args: unknown[], kwargs: Record<string, unknown> = {}) =>
    two.call('/xmlrpc/2/object', 'execute_kw', first.db, uid, password, model, method, args, kwargs);
  const employeeFault = (model: string, method: string, args: unknown[]): Promise<FaultLike> =>
    two.fault('/xmlrpc/2/object', 'execute_kw', first.db, uid, password, model, method, args, {});
  const xmlid = async (name: string): Promise<number> =>
    (await admin('ir.model.data', 'search_read', [[['module', '=', 'base'], ['name', '=', name]]], { fields: ['res_id'] }) as { res_id: number }[])[0].res_id;

  beforeAll(async () => {
    first = await startTestServer(backend, { pgTag: tag });
    one = client(first.port);
    second = await startChildServer({
      PORT: '0', HOST: '127.0.0.1', DATA_DIR: first.config.dataDir, MASTER_PASSWORD: first.masterPassword,
      PASSWORD_ROUNDS: '1000', LOG_LEVEL: 'info', MAIL_TRANSPORT: 'off', LOGIN_MAX_FAILURES: '100000',
      ...(backend === 'pg' ? { DATABASE_URL: first.config.databaseUrl ?? '', DATABASE_TAG: tag } : {}),
    });
    two = client(second.port);
    uid = await admin('res.users', 'create', [{ name: 'Employee', login: 'employee', password }]) as number;
    ids = {
      visible: await admin('res.partner', 'create', [{ name: 'Twin probe visible' }]) as number,
      hidden: await admin('res.partner', 'create', [{ name: 'Twin probe hidden' }]) as number,
      partnerGroup: await xmlid('group_partner_manager'),
      companyAcl: await xmlid('access_res_company_user'),
    };
  });
  afterAll(async () => {
    second?.child.kill('SIGINT');
    await second?.exited;
    killChildServers();
    await first?.stop();
  });

  test('a change of the user\'s groups', async () => {
    expect(await employee('res.partner', 'check_access_rights', ['create'], { raise_exception: false })).toBe(false);
    await admin('res.users', 'write', [[uid], { groups_id: [[4, ids.partnerGroup]] }]);
    expect(await employee('res.partner', 'check_access_rights', ['create'], { raise_exception: false })).toBe(true);
  });

  test('a change of the user\'s language', async () => {
    const copy = async (): Promise<string> => {
      const id = await employee('res.partner', 'copy', [ids.visible]) as number;
      return ((await employee('res.partner', 'read', [[id], ['name']])) as { name: string }[])[0].name;
    };
    expect(await copy()).toBe('Twin probe visible (copy)');
    await admin('res.users', 'write', [[uid], { lang: 'es_ES' }]);
    expect(await copy()).toBe('Twin probe visible (copia)');
    await admin('res.users', 'write', [[uid], { lang: 'en_US' }]);
    expect(await copy()).toBe('Twin probe visible (copy)');
  });

  test('a change of an access control row', async () => {
    expect(await employee('res.company', 'check_access_rights', ['read'], { raise_exception: false })).toBe(true);
    await admin('ir.model.access', 'write', [[ids.companyAcl], { perm_read: false }]);
    const fault = await employeeFault('res.company', 'search', [[]]);
    expect(fault.faultString).toContain("You are not allowed to access 'Companies' (res.company) records.");
    await admin('ir.model.access', 'write', [[ids.companyAcl], { perm_read: true }]);
    expect(await employee('res.company', 'search_count', [[]])).toBeGreaterThan(0);
  });

  test('a new record rule, and its removal', async () => {
    const both = [['id', 'in', [ids.visible, ids.hidden]]];
    const names = async () => ((await employee('res.partner', 'search_read', [both], { fields: ['name'], order: 'id' })) as { id: number }[]).map((r) => r.id);
    const readable = async () => ((await employee('res.partner', 'read', [[ids.visible, ids.hidden], ['name']])) as { id: number }[]).map((r) => r.id);
    // Twice before the rule: the statements of these shapes are compiled and kept.
    for (let i = 0; i < 2; i++) {
      expect(await names()).toEqual([ids.visible, ids.hidden].sort((a, b) => a - b));
      expect(await readable()).toEqual([ids.visible, ids.hidden]);
    }
    expect(await employee('res.partner', 'search', [[['id', 'in', [ids.visible, ids.hidden]]]])).toEqual(expect.arrayContaining([ids.visible, ids.hidden]));
    const modelId = (await admin('ir.model', 'search', [[['model', '=', 'res.partner']]]) as number[])[0];
    const rule = await admin('ir.rule', 'create', [{
      name: 'hide the hidden probe', model_id: modelId, domain_force: JSON.stringify([['name', '!=', 'Twin probe hidden']]),
    }]) as number;
    expect(await employee('res.partner', 'search', [[['id', 'in', [ids.visible, ids.hidden]]]])).toEqual([ids.visible]);
    expect(await names()).toEqual([ids.visible]);
    expect(await readable()).toEqual([ids.visible]);
    await admin('ir.rule', 'unlink', [[rule]]);
    expect(await names()).toEqual([ids.visible, ids.hidden].sort((a, b) => a - b));
    expect(await readable()).toEqual([ids.visible, ids.hidden]);
    expect(await employee('res.partner', 'search_count', [[['id', 'in', [ids.visible, ids.hidden]]]])).toBe(2);
  });

  test('a password change refuses the old password and accepts the new one', async () => {
    expect(await employee('res.partner', 'search_count', [[]])).toBeGreaterThan(0);
    await admin('res.users', 'write', [[uid], { password: 'second-pass' }]);
    const refused = await employeeFault('res.partner', 'search_count', [[]]);
    expect(refused.faultString).toContain('Access Denied');
    password = 'second-pass';
    expect(await employee('res.partner', 'search_count', [[]])).toBeGreaterThan(0);
  });

  test('a password change: the new password is accepted on the very next call, with no refusal before it', async () => {
    expect(await employee('res.partner', 'search_count', [[]])).toBeGreaterThan(0);
    await admin('res.users', 'write', [[uid], { password: 'third-pass' }]);
    password = 'third-pass';
    expect(await employee('res.partner', 'search_count', [[]])).toBeGreaterThan(0);
    expect(await employee('res.partner', 'read', [[ids.visible], ['name']])).toEqual([{ id: ids.visible, name: 'Twin probe visible' }]);
  });

  test('a deactivated user is refused at once', async () => {
    expect(await employee('res.partner', 'search_count', [[]])).toBeGreaterThan(0);
    await admin('res.users', 'write', [[uid], { active: false }]);
    const refused = await employeeFault('res.partner', 'search_count', [[]]);
    expect(refused.faultString).toContain('Access Denied');
    expect(await two.call('/xmlrpc/2/common', 'login', first.db, 'employee', password)).toBe(false);
  });
});
