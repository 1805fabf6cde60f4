// The real server on SQLite and on PostgreSQL, spoken to with the `xmlrpc` npm client: every
// path family, the faults of each profile, and the db service over HTTP.
import { BACKENDS } from '../support/backends';
import { client } from './support/npm-client';
import { rawRequest } from './support/raw-http';
import { startTestServer, type TestServer } from './support/server';

const PATHS = { legacy: '/xmlrpc', odoo: '/xmlrpc/2', v7int: '/openerp/xmlrpc/1' } as const;
const PROFILES = Object.keys(PATHS) as (keyof typeof PATHS)[];

describe.each(BACKENDS)('XML-RPC end to end on %s', (backend) => {
  let t: TestServer;
  let rpc: ReturnType<typeof client>;
  let uid: number;
  beforeAll(async () => {
    t = await startTestServer(backend);
    rpc = client(t.port);
    uid = await rpc.call('/xmlrpc/common', 'login', t.db, t.login, t.password) as number;
  });
  afterAll(async () => { await t?.stop(); });

  const obj = (p: keyof typeof PATHS) => `${PATHS[p]}/object`;

  it.each(PROFILES)('version, about, login and authenticate on the %s paths', async (p) => {
    expect(await rpc.call(`${PATHS[p]}/common`, 'version')).toEqual({
      server_version: '7.0', server_version_info: [7, 0, 0, 'final', 0], server_serie: '7.0', protocol_version: 1,
    });
    expect(typeof await rpc.call(`${PATHS[p]}/common`, 'about')).toBe('string');
    expect(await rpc.call(`${PATHS[p]}/common`, 'about', true)).toEqual([expect.any(String), '7.0']);
    expect(await rpc.call(`${PATHS[p]}/common`, 'login', t.db, t.login, t.password)).toBe(uid);
    expect(await rpc.call(`${PATHS[p]}/common`, 'authenticate', t.db, t.login, t.password, {})).toBe(uid);
    expect(await rpc.call(`${PATHS[p]}/common`, 'login', t.db, t.login, 'wrong')).toBe(false);
    expect(await rpc.call(`${PATHS[p]}/common`, 'authenticate', t.db, t.login, 'wrong', {})).toBe(false);
    expect(await rpc.call(`${PATHS[p]}/common`, 'login', 'no_such_db', t.login, t.password)).toBe(false);
  });

  it('logs every call on one line, never with a password', async () => {
    await rpc.call('/xmlrpc/2/common', 'login', t.db, t.login, t.password);
    await rpc.call('/xmlrpc/2/object', 'execute_kw', t.db, uid, t.password, 'res.partner', 'search_count', [[]]);
    const line = t.logs.find((l) => l.includes('odoo object.execute_kw ok'));
    expect(line).toMatch(new RegExp(` INFO ${t.db} rpc: odoo object\\.execute_kw ok \\d+\\.\\dms .*uid=${uid}.*model=res\\.partner`));
    expect(t.logs.join('\n')).not.toContain(t.password);
  });

  it('answers a wrong password in each profile exactly', async () => {
    const expected = {
      legacy: { faultCode: 'AccessDenied', faultString: 'Access denied.' },
      v7int: { faultCode: 3, faultString: 'Access denied.' },
      odoo: { faultCode: 3, faultString: 'Access Denied' },
    };
    for (const p of PROFILES) {
      expect(await rpc.fault(obj(p), 'execute_kw', t.db, uid, 'wrong', 'res.partner', 'search', [[]])).toEqual(expected[p]);
      expect(await rpc.fault(obj(p), 'execute', t.db, 999999, t.password, 'res.partner', 'search', [])).toEqual(expected[p]);
    }
  });

  it('refuses private methods', async () => {
    const msg = "Private methods (such as 'res.partner._read') cannot be called remotely.";
    expect(await rpc.fault(obj('legacy'), 'execute', t.db, uid, t.password, 'res.partner', '_read', []))
      .toEqual({ faultCode: `warning -- AccessError\n\n${msg}`, faultString: '' });
    expect(await rpc.fault(obj('odoo'), 'execute', t.db, uid, t.password, 'res.partner', '_read', []))
      .toEqual({ faultCode: 4, faultString: msg });
    expect(await rpc.fault(obj('v7int'), 'execute', t.db, uid, t.password, 'res.partner', '_read', []))
      .toEqual({ faultCode: 2, faultString: msg });
  });

  it('answers an unknown model', async () => {
    const msg = "Object no.such.model doesn't exist";
    expect(await rpc.fault(obj('legacy'), 'execute_kw', t.db, uid, t.password, 'no.such.model', 'search', [[]]))
      .toEqual({ faultCode: `warning -- Object Error\n\n${msg}`, faultString: '' });
    expect(await rpc.fault(obj('odoo'), 'execute_kw', t.db, uid, t.password, 'no.such.model', 'search', [[]]))
      .toEqual({ faultCode: 2, faultString: msg });
  });

  it('answers unknown services and methods', async () => {
    expect(await rpc.fault('/xmlrpc/nosuch', 'version')).toMatchObject({ faultCode: 'nosuch' });
    expect(await rpc.fault('/xmlrpc/2/nosuch', 'version')).toMatchObject({ faultCode: 1, faultString: expect.stringMatching(/KeyError: nosuch$/) });
    expect(await rpc.fault('/xmlrpc/common', 'no_such_method')).toMatchObject({ faultCode: 'Method not found: no_such_method' });
    expect(await rpc.fault('/xmlrpc/2/object', 'no_such_method')).toMatchObject({ faultCode: 1 });
    const onModel = await rpc.fault(obj('odoo'), 'execute_kw', t.db, uid, t.password, 'res.partner', 'no_such_method', [[]]);
    expect(onModel).toEqual({
      faultCode: 1,
      faultString: "Traceback (most recent call last):\n  [...]\nAttributeError: The method 'no_such_method' does not exist on the model 'res.partner'",
    });
  });

  it('answers GET with 405', async () => {
    const r = await rawRequest(t.port, { pieces: ['GET /xmlrpc/2/common HTTP/1.1\r\nHost: x\r\n\r\n'] });
    expect('response' in r && r.response.status).toBe(405);
  });

  it('runs object calls on every path, each profile with its read shape', async () => {
    const pid = await rpc.call(obj('legacy'), 'execute', t.db, uid, t.password, 'res.partner', 'create', { name: 'E2E Partner' }) as number;
    expect(await rpc.call(obj('legacy'), 'execute', t.db, uid, t.password, 'res.partner', 'read', pid, ['name']))
      .toEqual({ id: pid, name: 'E2E Partner' });
    expect(await rpc.call(obj('odoo'), 'execute_kw', t.db, uid, t.password, 'res.partner', 'read', [pid, ['name']]))
      .toEqual([{ id: pid, name: 'E2E Partner' }]);
    expect(await rpc.call(`/openerp/xmlrpc/1/model/${t.db}/res.partner`, 'execute', uid, t.password, 'search', [['id', '=', pid]]))
      .toEqual([pid]);
    expect(await rpc.call(obj('v7int'), 'execute', t.db, uid, t.password, 'res.partner', 'unlink', [pid])).toBe(true);
    expect(await rpc.call(obj('legacy'), 'exec_workflow', t.db, uid, t.password, 'res.partner', 'go', pid)).toBe(false);
  });

  it('serves the db service over HTTP', async () => {
    for (const p of PROFILES) expect(await rpc.call(`${PATHS[p]}/db`, 'server_version')).toBe('7.0');
    expect(await rpc.call('/xmlrpc/db', 'list')).toEqual([t.db]);
    expect(await rpc.call('/xmlrpc/db', 'db_exist', t.db)).toBe(true);
    expect(await rpc.call('/xmlrpc/2/db', 'list_lang')).toEqual(expect.arrayContaining([['en_US', expect.any(String)]]));
    expect(await rpc.fault('/xmlrpc/db', 'drop', 'wrong-master', t.db)).toMatchObject({ faultCode: 'AccessDenied' });
    expect(await rpc.fault('/xmlrpc/2/db', 'drop', 'wrong-master', t.db)).toMatchObject({ faultCode: 3 });
    expect(await rpc.call('/xmlrpc/db', 'db_exist', t.db)).toBe(true);
  });

  it('creates a database over HTTP, logs into it, and drops it', async () => {
    const name = `${t.db}_made`;
    expect(await rpc.call('/xmlrpc/2/db', 'create_database', t.masterPassword, name, false, 'en_US', 'fresh-pw')).toBe(true);
    const newUid = await rpc.call('/xmlrpc/2/common', 'login', name, 'admin', 'fresh-pw');
    expect(newUid).toEqual(expect.any(Number));
    expect(await rpc.call('/xmlrpc/2/object', 'execute_kw', name, newUid, 'fresh-pw', 'res.users', 'search_count', [[['login', '=', 'admin']]])).toBe(1);
    expect(await rpc.call('/xmlrpc/db', 'drop', t.masterPassword, name)).toBe(true);
    expect(await rpc.call('/xmlrpc/db', 'db_exist', name)).toBe(false);
    expect(await rpc.call('/xmlrpc/common', 'login', name, 'admin', 'fresh-pw')).toBe(false);
  });
});
