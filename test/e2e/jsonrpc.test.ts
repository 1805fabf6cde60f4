// The JSON-RPC API against the real server on both backends: version_info, the session cookie
// (authenticate, get_session_info, destroy), call_kw as the session's user, call_button,
// /jsonrpc's stateless services, and Odoo's error envelope with code 100 for a missing session.
import { BACKENDS } from '../support/backends';
import { JsonClient } from './support/json-client';
import { startTestServer, type TestServer } from './support/server';

describe.each(BACKENDS)('JSON-RPC core on %s', (backend) => {
  let t: TestServer;
  beforeAll(async () => { t = await startTestServer(backend); });
  afterAll(async () => { await t?.stop(); });

  const login = async (): Promise<JsonClient> => {
    const c = new JsonClient(t.url);
    await c.call('/web/session/authenticate', { db: t.db, login: t.login, password: t.password });
    return c;
  };

  it('answers version_info with the advertised version, as common.version()', async () => {
    const c = new JsonClient(t.url);
    const a = await c.post('/web/webclient/version_info', {});
    expect(a.status).toBe(200);
    expect(a.contentType).toMatch(/^application\/json/);
    expect(a.body).toEqual({ jsonrpc: '2.0', id: expect.any(Number), result: {
      server_version: '7.0', server_version_info: [7, 0, 0, 'final', 0], server_serie: '7.0', protocol_version: 1,
    } });
    expect(await c.service('common', 'version', [])).toEqual(a.body.result);
  });

  it('opens a session in an HttpOnly SameSite=Lax cookie and describes the user', async () => {
    const c = new JsonClient(t.url);
    const a = await c.post('/web/session/authenticate', { db: t.db, login: t.login, password: t.password });
    expect(a.setCookie).toMatch(/^session_id=[^;]+; Path=\/; HttpOnly; SameSite=Lax; Max-Age=\d+$/);
    expect(a.body.result).toMatchObject({
      uid: 1, db: t.db, username: 'admin', is_admin: true, server_version: '7.0',
      user_context: { lang: 'en_US', uid: 1 }, csrf_token: expect.stringMatching(/^[0-9a-f]{40}$/),
      partner_id: expect.any(Number), company_id: expect.any(Number),
    });
    const info = await c.call('/web/session/get_session_info', {});
    expect(info).toEqual(a.body.result);
  });

  it('refuses a wrong password with AccessDenied in the Odoo envelope and sets no cookie', async () => {
    const c = new JsonClient(t.url);
    const a = await c.post('/web/session/authenticate', { db: t.db, login: t.login, password: 'wrong' });
    expect(a.status).toBe(200);
    expect(a.setCookie).toBeNull();
    expect(a.body.error).toEqual({ code: 200, message: 'Odoo Server Error', data: {
      name: 'odoo.exceptions.AccessDenied', message: 'Access Denied', arguments: ['Access Denied'], context: {}, debug: '',
    } });
  });

  it('runs call_kw as the session user and answers code 100 without a session', async () => {
    const c = await login();
    const id = await c.callKw('res.partner', 'create', [{ name: 'Json Partner' }]);
    expect(typeof id).toBe('number');
    expect(await c.callKw('res.partner', 'read', [[id], ['name']])).toEqual([{ id, name: 'Json Partner' }]);
    expect(await c.call('/web/dataset/call_kw', { model: 'res.partner', method: 'search', args: [[['name', '=', 'Json Partner']]] }))
      .toEqual([id]);
    const anonymous = await new JsonClient(t.url).post('/web/dataset/call_kw', { model: 'res.partner', method: 'search', args: [[]] });
    expect(anonymous.body).toEqual({ jsonrpc: '2.0', id: null, error: {
      code: 100, message: 'Odoo Session Expired',
      data: { name: 'odoo.http.SessionExpiredException', message: 'Session expired', arguments: ['Session expired'], context: {}, debug: '' },
    } });
  });

  it('maps ORM errors to Odoo exception names', async () => {
    const c = await login();
    const missing = await c.post('/web/dataset/call_kw', { model: 'res.partner', method: 'write', args: [[99999999], { name: 'x' }], kwargs: {} });
    expect(missing.body.error?.data.name).toBe('odoo.exceptions.MissingError');
    const unknown = await c.post('/web/dataset/call_kw', { model: 'no.such.model', method: 'search', args: [[]] });
    expect(unknown.body.error?.data).toMatchObject({ name: 'odoo.exceptions.UserError', message: "Object no.such.model doesn't exist" });
    const priv = await c.post('/web/dataset/call_kw', { model: 'res.partner', method: '_foo', args: [] });
    expect(priv.body.error?.data.name).toBe('odoo.exceptions.AccessError');
  });

  it('answers call_button with an action or false', async () => {
    const c = await login();
    const id = await c.callKw('res.partner', 'create', [{ name: 'Button Partner' }]);
    expect(await c.call('/web/dataset/call_button', { model: 'res.partner', method: 'read', args: [[id], ['name']], kwargs: {} })).toBe(false);
  });

  it('destroys the session: no result member, the cookie cleared, later calls code 100', async () => {
    const c = await login();
    const sid = c.cookie;
    const a = await c.post('/web/session/destroy', {});
    expect(a.body).toEqual({ jsonrpc: '2.0', id: expect.any(Number) });
    expect(a.setCookie).toMatch(/^session_id=; .*Max-Age=0/);
    const again = new JsonClient(t.url);
    again.cookie = sid;
    expect((await again.post('/web/session/get_session_info', {})).body.error?.code).toBe(100);
  });

  it('serves /jsonrpc statelessly: login, execute_kw, and the credentials checked per call', async () => {
    const c = new JsonClient(t.url);
    expect(await c.service('common', 'login', [t.db, t.login, 'wrong'])).toBe(false);
    const uid = await c.service('common', 'login', [t.db, t.login, t.password]);
    expect(uid).toBe(1);
    const ctx = await c.service('object', 'execute', [t.db, uid, t.password, 'res.users', 'context_get']);
    expect(ctx).toMatchObject({ lang: 'en_US' });
    const ids = await c.service('object', 'execute_kw', [t.db, uid, t.password, 'res.users', 'search', [[['login', '=', 'admin']]], { context: ctx }]);
    expect(ids).toEqual([1]);
    const denied = await c.post('/jsonrpc', { service: 'object', method: 'execute_kw', args: [t.db, uid, 'wrong', 'res.users', 'search', [[]]] });
    expect(denied.body.error?.data).toMatchObject({ name: 'odoo.exceptions.AccessDenied', message: 'Access Denied' });
    expect((await c.post('/jsonrpc', { service: 'nosuch', method: 'x', args: [] })).body.error?.data)
      .toMatchObject({ name: 'builtins.KeyError', message: 'nosuch' });
    expect(await c.service('db', 'list', [])).toContain(t.db);
  });

  it('logs each web call on one line with its user, never with a password', async () => {
    const c = await login();
    await c.callKw('res.partner', 'search_count', [[]]);
    const line = t.logs.find((l) => l.includes('odoo web./web/dataset/call_kw/res.partner/search_count ok'));
    expect(line).toMatch(new RegExp(`^.* INFO ${t.db} rpc: odoo web\\.\\S+ ok [\\d.]+ms model=res\\.partner fn=search_count uid=1 `));
    expect(t.logs.join('\n')).not.toContain(t.password);
  });

  it('lists databases on /web/database/list and /web/database/get_list', async () => {
    const c = new JsonClient(t.url);
    expect(await c.call('/web/database/list', {})).toContain(t.db);
    expect(await c.call('/web/database/get_list', {})).toContain(t.db);
  });
});
