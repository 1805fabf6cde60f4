// The JSON-RPC API against the real server on both backends: version_info, the session cookie
// (authenticate, get_session_info, destroy), call_kw as the session's user, call_button,
// /jsonrpc's stateless services, Odoo's error envelope with code 100 for a missing session; then
// the other /web routes (check, modules, search_read, exec_workflow, translations, action/load,
// logout over GET) and sessions that expire, die with a password change and stay on their database.
import { randomBytes } from 'node:crypto';
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

  describe('web routes and the life of a session', () => {
    let admin: JsonClient;
    beforeAll(async () => { admin = await loginAs(t.login, t.password); });

    async function loginAs(login: string, password: string, db = t.db): Promise<JsonClient> {
      const c = new JsonClient(t.url);
      await c.call('/web/session/authenticate', { db, login, password });
      return c;
    }

    async function newUser(groups: string[]): Promise<{ login: string; password: string; id: number }> {
      const login = `u_${randomBytes(4).toString('hex')}`;
      const ids: number[] = [];
      for (const g of groups) {
        const [module, name] = g.split('.');
        ids.push((await admin.callKw('ir.model.data', 'get_object_reference', [module, name]) as [string, number])[1]);
      }
      const id = await admin.callKw('res.users', 'create', [{ name: `User ${login}`, login, password: `${login}_pw`, groups_id: [[6, 0, ids]] }]) as number;
      return { login, password: `${login}_pw`, id };
    }

    it('answers check with no result for a live session and code 100 without one', async () => {
      expect((await admin.post('/web/session/check', {})).body).toEqual({ jsonrpc: '2.0', id: expect.any(Number) });
      expect((await new JsonClient(t.url).post('/web/session/check', {})).body.error?.code).toBe(100);
    });

    it('lists the installed modules', async () => {
      const mods = await admin.call('/web/session/modules', {});
      expect(mods).toEqual(expect.arrayContaining(['base', 'mail', 'helpdesk_master']));
    });

    it('answers 7.0 search_read with the total length and the page of records', async () => {
      for (const n of [1, 2, 3]) await admin.callKw('res.partner', 'create', [{ name: `Page ${n}`, city: 'Paginas' }]);
      const page = await admin.call('/web/dataset/search_read', {
        model: 'res.partner', fields: ['name'], domain: [['city', '=', 'Paginas']], offset: 0, limit: 2, sort: 'name desc',
      });
      expect(page).toEqual({ length: 3, records: [{ id: expect.any(Number), name: 'Page 3' }, { id: expect.any(Number), name: 'Page 2' }] });
      const rest = await admin.call('/web/dataset/search_read', { model: 'res.partner', fields: ['name'], domain: [['city', '=', 'Paginas']], offset: 2, limit: 2, sort: 'name desc' });
      expect(rest).toEqual({ length: 3, records: [{ id: expect.any(Number), name: 'Page 1' }] });
    });

    it('moves a request on exec_workflow as the session user, and refuses a signal outside their groups', async () => {
      const help = await newUser(['helpdesk_master.group_help_center']);
      const c = await loginAs(help.login, help.password);
      const id = await c.callKw('helpdesk.request', 'create', [{ subject: 'Sin red', category: 'technical', description: 'No hay red' }]);
      expect(await c.call('/web/dataset/exec_workflow', { model: 'helpdesk.request', id, signal: 'notify' })).toBe(true);
      expect(await c.callKw('helpdesk.request', 'read', [[id], ['state']])).toEqual([{ id, state: 'notified' }]);
      const refused = await c.post('/web/dataset/exec_workflow', { model: 'helpdesk.request', id, signal: 'review' });
      expect(refused.body.error?.data.name).toBe('odoo.exceptions.AccessError');
    });

    it("words errors of call_kw in the session user's language", async () => {
      const help = await newUser(['helpdesk_master.group_help_center']);
      const partner = (await admin.callKw('res.users', 'read', [[help.id], ['partner_id']], { load: '_classic_write' }) as { partner_id: number }[])[0].partner_id;
      await admin.callKw('res.partner', 'write', [[partner], { lang: 'es_ES' }]);
      const c = await loginAs(help.login, help.password);
      expect(await c.call('/web/session/get_session_info', {})).toMatchObject({ user_context: { lang: 'es_ES', uid: help.id } });
      const id = await c.callKw('helpdesk.request', 'create', [{ subject: 'Sin luz', category: 'technical' }]);
      const es = await c.post('/web/dataset/call_kw', { model: 'helpdesk.request', method: 'write', args: [[id], { state: 'closed' }] });
      expect(es.body.error?.data.message).toContain('Solicitud de servicio');
      // The context the client sends wins, as in Odoo.
      const en = await c.post('/web/dataset/call_kw', { model: 'helpdesk.request', method: 'write', args: [[id], { state: 'closed' }], kwargs: { context: { lang: 'en_US' } } });
      expect(en.body.error?.data.message).toContain('Service request');
    });

    it('gives translated labels and the language formats of the user', async () => {
      const es = await admin.call('/web/webclient/translations', { mods: ['helpdesk_resources'], lang: 'es_ES' }) as
        { lang: string; modules: Record<string, { messages: { id: string; string: string }[] }>; lang_parameters: Record<string, unknown> };
      expect(es.lang).toBe('es_ES');
      expect(Object.keys(es.modules)).toEqual(['helpdesk_resources']);
      expect(es.modules.helpdesk_resources.messages).toContainEqual({ id: 'Salary', string: 'Salario' });
      expect(es.lang_parameters).toHaveProperty('decimal_point');
    });

    it('loads an action by id and by external id', async () => {
      const [actionId] = await admin.callKw('ir.actions.act_window', 'search', [[]], { limit: 1 }) as number[];
      const byId = await admin.call('/web/action/load', { action_id: actionId }) as Record<string, unknown>;
      expect(byId).toMatchObject({ id: actionId, type: 'ir.actions.act_window', res_model: expect.any(String) });
      const [xmlid] = await admin.callKw('ir.model.data', 'search_read', [[['model', '=', 'ir.actions.act_window'], ['res_id', '=', actionId]], ['module', 'name']]) as { module: string; name: string }[];
      expect(await admin.call('/web/action/load', { action_id: `${xmlid.module}.${xmlid.name}` })).toEqual(byId);
      const missing = await admin.post('/web/action/load', { action_id: 'base.no_such_action' });
      expect(missing.body.error?.data.name).toBe('builtins.ValueError');
    });

    it('logs out over GET: the session ends, the cookie is cleared and the browser goes to /web', async () => {
      const c = await loginAs(t.login, t.password);
      const res = await fetch(`${t.url}/web/session/logout`, { headers: { Cookie: c.cookie! }, redirect: 'manual' });
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toBe('/web');
      expect(res.headers.get('set-cookie')).toMatch(/^session_id=; .*Max-Age=0/);
      expect((await c.post('/web/session/check', {})).body.error?.code).toBe(100);
    });

    it('ends a session that expired, with code 100', async () => {
      const c = await loginAs(t.login, t.password);
      const db = await t.server.dbm.get(t.db);
      const before = await db.knex('web_session').count({ n: '*' }).first();
      await db.knex('web_session').where('uid', 1).update({ expires_ms: 1 });
      expect((await c.post('/web/session/get_session_info', {})).body.error?.code).toBe(100);
      expect(Number(before?.n)).toBeGreaterThan(0);
      admin = await loginAs(t.login, t.password);
    });

    it('revokes every session of a user whose password changes', async () => {
      const user = await newUser(['base.group_user']);
      const c = await loginAs(user.login, user.password);
      expect(await c.call('/web/session/get_session_info', {})).toMatchObject({ uid: user.id });
      await admin.callKw('res.users', 'write', [[user.id], { password: 'another-password' }]);
      expect((await c.post('/web/session/get_session_info', {})).body.error?.code).toBe(100);
      expect(await (await loginAs(user.login, 'another-password')).call('/web/session/get_session_info', {})).toMatchObject({ uid: user.id });
    });

    it('binds a session to its database: the cookie opens nothing on a copy of that database', async () => {
      const c = await loginAs(t.login, t.password);
      const copy = `${t.db}_cp`;
      await t.server.dbm.duplicate(t.db, copy);
      try {
        const [, token] = c.cookie!.split('=')[1].split('.');
        const forged = new JsonClient(t.url);
        forged.cookie = `session_id=${Buffer.from(copy).toString('base64url')}.${token}`;
        expect((await forged.post('/web/session/get_session_info', {})).body.error?.code).toBe(100);
        expect(await c.call('/web/session/get_session_info', {})).toMatchObject({ db: t.db });
      } finally {
        await t.server.dbm.drop(copy);
      }
    });

    it('sends the cookie again with a longer Max-Age when a session in use is renewed', async () => {
      const c = await loginAs(t.login, t.password);
      const database = await t.server.dbm.get(t.db);
      // As if the last use were two minutes ago and the session had ten seconds left.
      const now = Date.now();
      await database.knex('web_session').where({ uid: 1 }).update({ last_used_ms: now - 120_000, expires_ms: now + 10_000 });
      const res = await fetch(`${t.url}/web/session/get_session_info`, {
        method: 'POST', headers: { 'Content-Type': 'application/json', Cookie: c.cookie! },
        body: JSON.stringify({ jsonrpc: '2.0', method: 'call', params: {}, id: 1 }),
      });
      expect(((await res.json()) as { result: { uid: number } }).result.uid).toBe(1);
      const maxAge = Number(/Max-Age=(\d+)/.exec(res.headers.get('set-cookie') ?? '')?.[1]);
      expect(maxAge).toBeGreaterThan(3600);
      expect(res.headers.get('set-cookie')).toContain(c.cookie!);
      // The next call within the minute does not send it again.
      const again = await fetch(`${t.url}/web/session/get_session_info`, {
        method: 'POST', headers: { 'Content-Type': 'application/json', Cookie: c.cookie! },
        body: JSON.stringify({ jsonrpc: '2.0', method: 'call', params: {}, id: 2 }),
      });
      expect(again.headers.get('set-cookie')).toBeNull();
    });

    it('accepts a session in another process serving the same database (the session is in the database)', async () => {
      const c = await loginAs(t.login, t.password);
      const { createSessionStore } = await import('../../src/auth/sessions');
      const { checkCsrfToken, findRequestSession } = await import('../../src/rpc/transports/web-session');
      const other = createSessionStore({ dbm: t.server.dbm, config: { sessionTtlSeconds: 60 } });
      const found = await findRequestSession(other, { headers: { cookie: `theme=dark; ${c.cookie!}` } });
      expect(found).toMatchObject({ db: t.db, uid: 1, csrfToken: expect.any(String) });
      // Cookie-only routes that change data compare the page's token with the session's.
      const info = await c.call('/web/session/get_session_info', {}) as { csrf_token: string };
      expect(checkCsrfToken(found!, info.csrf_token)).toBe(true);
      const wrong = info.csrf_token.replace(/^./, (ch) => (ch === 'a' ? 'b' : 'a'));
      expect(checkCsrfToken(found!, wrong)).toBe(false);
      expect(checkCsrfToken(found!, undefined)).toBe(false);
      expect(await findRequestSession(other, { headers: { cookie: 'session_id=garbage' } })).toBeNull();
      expect(await findRequestSession(other, { headers: {} })).toBeNull();
    });
  });
});
