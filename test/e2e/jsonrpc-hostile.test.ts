// Hostile JSON-RPC requests against the real server on both backends: wrong verbs and content
// types, bodies that are not JSON or not UTF-8, too large, too deep, too many values, wrong
// types in the envelope and in each route's params, `__proto__` keys, and every service method
// with params of the wrong types. Each gets its JSON-RPC error (HTTP status as Odoo answers),
// and the same process keeps serving with the data intact.
import { BACKENDS } from '../support/backends';
import { SERVICE_METHODS, WRONG_PARAMS } from './support/hostile-http-cases';
import { JsonClient, type JsonAnswer } from './support/json-client';
import { rawRequest } from './support/raw-http';
import { startTestServer, type TestServer } from './support/server';

const LIMITS = { maxBodyBytes: 1024 * 1024, maxDepth: 64, maxElements: 5000, maxStringLength: 200_000 };
const envelope = (params: unknown) => JSON.stringify({ jsonrpc: '2.0', method: 'call', params, id: 1 });
const nested = (n: number) => `${'['.repeat(n)}1${']'.repeat(n)}`;

describe.each(BACKENDS)('hostile JSON-RPC on %s', (backend) => {
  let t: TestServer;
  let c: JsonClient;
  let partnersBefore: number;
  beforeAll(async () => {
    t = await startTestServer(backend, { config: { limits: LIMITS } });
    c = new JsonClient(t.url);
    await c.call('/web/session/authenticate', { db: t.db, login: t.login, password: t.password });
    partnersBefore = await c.callKw('res.partner', 'search_count', [[]]) as number;
  });
  afterAll(async () => { await t?.stop(); });

  const raw = (path: string, body: string | Buffer, headers: Record<string, string> = {}) => c.post(path, null, { rawBody: body, headers });
  function expectError(a: JsonAnswer, status: number, code: number, message: RegExp): void {
    expect(a.status).toBe(status);
    expect(a.contentType).toMatch(/^application\/json/);
    expect(a.body.jsonrpc).toBe('2.0');
    expect(a.body.error?.code).toBe(code);
    expect(a.body.error?.data.message).toMatch(message);
    expect(a.body.error?.data.debug).toBe('');
  }

  it.each(['GET', 'PUT', 'DELETE'])('answers %s with HTTP 400 and a JSON-RPC error', async (verb) => {
    for (const path of ['/jsonrpc', '/web/dataset/call_kw', '/web/session/authenticate']) {
      const res = await fetch(`${t.url}${path}`, { method: verb });
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: { data: { message: string } } }).error.data.message).toMatch(/POST/);
    }
  });

  it.each([
    ['text/plain', 'text/plain'], ['a form', 'application/x-www-form-urlencoded'], ['multipart', 'multipart/form-data; boundary=x'],
    ['XML', 'text/xml'],
  ])('refuses %s as the content type (a cross-site form cannot send JSON)', async (_name, type) => {
    expectError(await raw('/web/dataset/call_kw', envelope({ model: 'res.partner', method: 'unlink', args: [[1]] }), { 'Content-Type': type }),
      400, 400, /Content-Type must be application\/json/);
  });

  it.each([
    ['not JSON', '{"jsonrpc": "2.0", ', /Invalid JSON data/],
    ['empty', '', /Invalid JSON data/],
    ['invalid UTF-8', Buffer.concat([Buffer.from('{"params":{"x":"'), Buffer.from([0xc3, 0x28]), Buffer.from('"}}')]), /UTF-8/],
    ['nested too deep', `{"params":{"service":"common","method":"version","args":${nested(200)}}}`, /nested deeper than 64/],
    ['nested a hundred thousand deep', nested(100_000), /nested deeper/],
    ['too many values', `{"params":{"args":[${Array(6000).fill(0).join(',')}]}}`, /More than 5000 values/],
    ['a string too long', `{"params":{"args":["${'x'.repeat(200_001)}"]}}`, /longer than 200000/],
  ])('answers a body that is %s with HTTP 400 and a parse error', async (_name, body, message) => {
    expectError(await raw('/jsonrpc', body), 400, -32700, message);
  });

  it('refuses a large body of another content type at once and closes the connection', async () => {
    const r = await rawRequest(t.port, { pieces: [
      `POST /web/dataset/call_kw HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nContent-Length: ${LIMITS.maxBodyBytes}\r\n\r\n`, 'x'.repeat(1024),
    ], timeoutMs: 5000 });
    expect('response' in r && r.response).toMatchObject({ status: 400, headers: { connection: 'close' } });
  });

  it('refuses a body over the size limit with 413 before reading it all', async () => {
    const a = await raw('/jsonrpc', `{"params":{"args":["${'x'.repeat(LIMITS.maxBodyBytes)}"]}}`);
    expect(a.status).toBe(413);
  });

  it.each([
    ['a batch (a list)', '[{"jsonrpc":"2.0","method":"call","params":{},"id":1}]', /request must be object/],
    ['a bare string', '"hello"', /request must be object/],
    ['null', 'null', /request must be object/],
    ['params as a list', '{"jsonrpc":"2.0","params":["common","version"],"id":1}', /params must be object/],
    ['another protocol version', '{"jsonrpc":"1.0","params":{},"id":1}', /jsonrpc must be equal to constant/],
    ['an id that is a dict', '{"jsonrpc":"2.0","params":{},"id":{"a":1}}', /id must be/],
  ])('answers an envelope that is %s with a TypeError in the envelope', async (_name, body, message) => {
    const a = await raw('/web/webclient/version_info', body);
    expectError(a, 200, 200, message);
    expect(a.body.error?.data.name).toBe('builtins.TypeError');
  });

  it.each([
    ['/jsonrpc', { service: 1, method: 'version', args: [] }, /params.service must be string/],
    ['/jsonrpc', { service: 'common', method: 'version', args: { a: 1 } }, /params.args/],
    ['/jsonrpc', { method: 'version' }, /missing required argument 'service'/],
    ['/web/dataset/call_kw', { model: ['res.partner'], method: 'search', args: [] }, /params.model must be string/],
    ['/web/dataset/call_kw', { model: 'res.partner', method: 'search', args: 'x' }, /params.args/],
    ['/web/dataset/call_kw', { model: 'res.partner', method: 'search', args: [[]], kwargs: [1] }, /params.kwargs/],
    ['/web/dataset/search_read', { model: 'res.partner', limit: 'ten' }, /params.limit/],
    ['/web/dataset/exec_workflow', { model: 'res.partner', id: '1', signal: 'x' }, /params.id must be integer/],
    ['/web/session/authenticate', { db: 'any', login: 'admin', password: 1 }, /params.password must be string/],
    ['/web/action/load', { action_id: [1] }, /params.action_id/],
  ])('answers wrong params of %s with a TypeError naming them', async (path, params, message) => {
    const a = await c.post(path, params);
    expectError(a, 200, 200, message);
    expect(a.body.error?.data.name).toBe('builtins.TypeError');
  });

  it('keeps __proto__ and constructor keys as data: an unknown field, nothing polluted', async () => {
    const body = '{"jsonrpc":"2.0","params":{"model":"res.partner","method":"create","args":[{"name":"P","__proto__":{"isAdmin":true}}]},"id":3}';
    const a = await raw('/web/dataset/call_kw', body);
    expect(a.status).toBe(200);
    expect(a.body.error?.code).toBe(200);
    expect(a.body.error?.data.message).toMatch(/__proto__/);
    const ctor = await c.post('/web/dataset/call_kw', { model: 'res.partner', method: 'search', args: [[]], kwargs: { constructor: { prototype: 1 } } });
    expect(ctor.body.error?.data.message).toMatch(/constructor/);
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });

  describe.each(Object.entries(SERVICE_METHODS))('every %s method with wrong types', (service, methods) => {
    it.each(methods)('%s answers an error envelope for each wrong set of params', async (method) => {
      for (const wrong of WRONG_PARAMS) {
        const a = await c.post('/jsonrpc', { service, method, args: wrong.params });
        expect(a.status).toBe(200);
        // A method may accept odd values (common.version ignores nothing, report methods check credentials first).
        if (a.body.error) expect(a.body.error.data.message).toEqual(expect.any(String));
        else expect(a.body).toHaveProperty('id', expect.anything());
      }
    });
  });

  it('still serves, with the data intact and the admin able to log in', async () => {
    const fresh = new JsonClient(t.url);
    expect(await fresh.call('/web/webclient/version_info', {})).toMatchObject({ server_version: '7.0' });
    await fresh.call('/web/session/authenticate', { db: t.db, login: t.login, password: t.password });
    expect(await fresh.callKw('res.partner', 'search_count', [[]])).toBe(partnersBefore);
  });
});
