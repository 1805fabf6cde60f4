// The database going away under a running server: PostgreSQL cut off by a TCP relay in front of
// the shared server, a SQLite file held locked by another program. Calls get a retryable "database
// unavailable" fault on every path (never an internal error), each failure is one warning line
// without a stack, and calls work again once the database is back.
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { PG_URL } from '../support/backends';
import { TcpProxy } from '../support/tcp-proxy';
import { client, type FaultLike } from './support/npm-client';
import { expectPythonPasses } from './support/python';
import { startTestServer, type TestServer } from './support/server';

const UNAVAILABLE = 'Database unavailable, try again in a moment.';

describe('a PostgreSQL outage seen by clients', () => {
  let proxy: TcpProxy;
  let t: TestServer;
  let rpc: ReturnType<typeof client>;
  let uid: number;
  beforeAll(async () => {
    const target = new URL(PG_URL);
    proxy = await new TcpProxy(target.hostname, Number(target.port || 5432)).start();
    const viaProxy = new URL(PG_URL);
    viaProxy.port = String(proxy.port);
    t = await startTestServer('pg', { config: { databaseUrl: viaProxy.toString() } });
    rpc = client(t.port);
    uid = (await rpc.call('/xmlrpc/2/common', 'login', t.db, t.login, t.password)) as number;
  });
  afterAll(async () => {
    await proxy?.restore();
    await t?.stop();
    await proxy?.cut();
  });

  const search = (path: string) => (path === '/xmlrpc/2/object'
    ? ['execute_kw', t.db, uid, t.password, 'res.partner', 'search', [[]]]
    : ['execute', t.db, uid, t.password, 'res.partner', 'search', []]) as [string, ...unknown[]];

  it('answers a retryable fault while the database is away, and recovers by itself', async () => {
    expect(await rpc.call('/xmlrpc/2/object', ...search('/xmlrpc/2/object'))).toEqual(expect.arrayContaining([expect.any(Number)]));
    await proxy.cut();
    const logsBefore = t.logs.length;

    const odoo: FaultLike = await rpc.fault('/xmlrpc/2/object', ...search('/xmlrpc/2/object'));
    expect(odoo.faultCode).toBe(1);
    expect(odoo.faultString).toMatch(new RegExp(`^Traceback[^]*\\nOperationalError: ${UNAVAILABLE.replace(/\./g, '\\.')}$`));
    expect(odoo.faultString).not.toMatch(/ref /);
    const legacy = await rpc.fault('/xmlrpc/object', ...search('/xmlrpc/object'));
    expect(legacy.faultCode).toBe(UNAVAILABLE);
    // A login during the outage is not a wrong password: the client is told to retry.
    const login = await rpc.fault('/xmlrpc/common', 'login', t.db, t.login, t.password);
    expect(login.faultCode).toBe(UNAVAILABLE);

    const outage = t.logs.slice(logsBefore);
    expect(outage.filter((l) => / WARNING .* Unavailable /.test(l))).toHaveLength(3);
    // The same through Python's xmlrpc.client, on the 7.0 and the Odoo paths.
    await expectPythonPasses(['test_database_outage'], { url: t.url, db: t.db, login: t.login, password: t.password });
    expect(outage.every((l) => /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} \d+ [A-Z]+ /.test(l))).toBe(true);
    expect(t.logs.slice(logsBefore).some((l) => / ERROR |Internal server error|Login failed/.test(l))).toBe(false);

    await proxy.restore();
    expect(await rpc.call('/xmlrpc/2/object', ...search('/xmlrpc/2/object'))).toEqual(expect.arrayContaining([expect.any(Number)]));
    expect(await rpc.call('/xmlrpc/common', 'login', t.db, t.login, t.password)).toBe(uid);
  });
});

describe('a SQLite database locked by another program', () => {
  let t: TestServer;
  let rpc: ReturnType<typeof client>;
  let uid: number;
  beforeAll(async () => {
    t = await startTestServer('sqlite');
    rpc = client(t.port);
    uid = (await rpc.call('/xmlrpc/2/common', 'login', t.db, t.login, t.password)) as number;
  });
  afterAll(async () => { await t?.stop(); });

  it('answers the same retryable fault while the lock is held, and works once it is released', async () => {
    const search = ['execute_kw', t.db, uid, t.password, 'res.partner', 'search', [[]]] as const;
    // The server lets go of the file (as after a restart); a tool then takes it for itself.
    await t.server.dbm.closeAll();
    const tool = new BetterSqlite3(join(t.config.dataDir, `${t.db}.sqlite`));
    tool.pragma('locking_mode = EXCLUSIVE');
    tool.exec('BEGIN EXCLUSIVE; UPDATE res_partner SET color = color; COMMIT');
    const logsBefore = t.logs.length;
    try {
      const fault = await rpc.fault('/xmlrpc/2/object', ...search);
      expect(fault.faultCode).toBe(1);
      expect(fault.faultString).toMatch(/\nOperationalError: Database unavailable, try again in a moment\.$/);
      expect(t.logs.slice(logsBefore).filter((l) => / WARNING .* Unavailable .*SQLITE_BUSY/.test(l))).toHaveLength(1);
      expect(t.logs.slice(logsBefore).some((l) => / ERROR |Internal server error/.test(l))).toBe(false);
    } finally {
      tool.close();
    }
    expect(await rpc.call('/xmlrpc/2/object', ...search)).toEqual(expect.arrayContaining([expect.any(Number)]));
  });
});
