// Hostile input against the real server, on SQLite and on PostgreSQL: malformed bodies (the
// codec's list), broken HTTP, wrong verbs and paths, params of the wrong types for every service
// method, absurd ids and limits, SQL-looking names. Each is answered within a second with a
// fault or a 4xx, the same process keeps serving, and the data is intact afterwards.
import { parseMethodResponse } from '../../src/rpc/codec';
import { newStruct, type RpcValue } from '../../src/values';
import { BACKENDS } from '../support/backends';
import { HOSTILE_CASES } from '../unit/codec/hostile-cases';
import { httpCases, methodCall, SERVICE_METHODS, WRONG_PARAMS } from './support/hostile-http-cases';
import { post, rawRequest, type RawResponse } from './support/raw-http';
import { startTestServer, type TestServer } from './support/server';

const ANSWER_WITHIN_MS = 1000;

describe.each(BACKENDS)('hostile input on %s', (backend) => {
  let t: TestServer;
  let uid: number;
  let before: { partners: number; users: number };

  async function send(pieces: (string | Buffer | number)[]): Promise<RawResponse> {
    const r = await rawRequest(t.port, { pieces, timeoutMs: ANSWER_WITHIN_MS });
    if (!('response' in r)) throw new Error(`no answer within ${ANSWER_WITHIN_MS} ms: ${JSON.stringify(r)}`);
    return r.response;
  }
  async function rpc(path: string, method: string, params: RpcValue[]) {
    const r = await send(post(path, methodCall(method, params)));
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toMatch(/^text\/xml/);
    return parseMethodResponse(Buffer.from(r.body));
  }
  async function value(path: string, method: string, params: RpcValue[]): Promise<RpcValue> {
    const r = await rpc(path, method, params);
    if (!r.ok) throw new Error(`${method} faulted: ${String(r.faultCode)} ${r.faultString}`);
    return r.value;
  }
  async function stillServing(): Promise<void> {
    expect(await value('/xmlrpc/2/common', 'version', [])).toMatchObject({ server_version: '7.0' });
  }
  const counts = async () => ({
    partners: await value('/xmlrpc/2/object', 'execute_kw', [t.db, uid, t.password, 'res.partner', 'search_count', [[]]]) as number,
    users: await value('/xmlrpc/2/object', 'execute_kw', [t.db, uid, t.password, 'res.users', 'search_count', [[]]]) as number,
  });

  beforeAll(async () => {
    t = await startTestServer(backend, { config: { bodyTimeoutMs: 300 } });
    uid = await value('/xmlrpc/2/common', 'login', [t.db, t.login, t.password]) as number;
    before = await counts();
  });
  afterAll(async () => { await t?.stop(); });

  it.each(HOSTILE_CASES.map((c) => [c.name, c] as const))('malformed body: %s', async (_name, c) => {
    const r = await send(post('/xmlrpc/2/object', c.body));
    if (r.status === 200) {
      const answer = parseMethodResponse(Buffer.from(r.body));
      expect(answer).toMatchObject({ ok: false, faultCode: 1 });
    } else {
      expect(r.status).toBe(413);
    }
    await stillServing();
  });

  it.each(httpCases(10 * 1024 * 1024).map((c) => [c.name, c] as const))('HTTP: %s', async (_name, c) => {
    const r = await send(c.pieces);
    if (c.expect === 'fault' || c.expect === 'answer') {
      expect(r.status).toBe(200);
      const answer = parseMethodResponse(Buffer.from(r.body));
      if (c.expect === 'fault') expect(answer.ok).toBe(false);
    } else {
      expect(c.expect).toContain(r.status);
      expect(r.body).not.toMatch(/at .*\.(ts|js):\d+/);
    }
    await stillServing();
  });

  for (const [service, methods] of Object.entries(SERVICE_METHODS)) {
    it.each(methods)(`wrong types for every method: ${service}.%s`, async (method) => {
      for (const { params } of WRONG_PARAMS) {
        const r = await rpc(`/xmlrpc/2/${service}`, method, params);
        if (!r.ok) {
          expect([1, 2, 3, 4]).toContain(r.faultCode);
          expect(r.faultString).not.toMatch(/\/work\/|\.ts:\d+|node_modules|SELECT |INSERT |sqlite|postgres/i);
        }
      }
      await stillServing();
    });
  }

  const kw = (model: string, method: string, args: RpcValue[], kwargs: RpcValue = newStruct()) =>
    rpc('/xmlrpc/2/object', 'execute_kw', [t.db, uid, t.password, model, method, args, kwargs]);
  const struct = (o: Record<string, RpcValue>) => Object.assign(newStruct(), o);

  it.each([
    ['huge id read', () => kw('res.partner', 'read', [[2147483647], ['name']])],
    ['id beyond 32 bits', () => kw('res.partner', 'read', [[9007199254740991], ['name']])],
    ['negative id write', () => kw('res.partner', 'write', [[-1], struct({ name: 'x' })])],
    ['string ids', () => kw('res.partner', 'read', [['1', '2'], ['name']])],
    ['negative limit', () => kw('res.partner', 'search', [[]], struct({ limit: -1 }))],
    ['negative offset', () => kw('res.partner', 'search', [[]], struct({ offset: -5 }))],
    ['huge limit', () => kw('res.partner', 'search', [[]], struct({ limit: 2147483647 }))],
    ['limit as text', () => kw('res.partner', 'search', [[]], struct({ limit: '10; DROP TABLE res_partner' }))],
    ['SQL in the model name', () => kw('res_partner; DROP TABLE res_partner; --', 'search', [[]])],
    ['SQL in the method name', () => kw('res.partner', "search'; DELETE FROM res_partner; --", [[]])],
    ['SQL in a domain field', () => kw('res.partner', 'search', [[['name" = name; DROP TABLE res_partner; --', '=', 'x']]])],
    ['SQL in a domain operator', () => kw('res.partner', 'search', [[['name', '= 1 OR 1=1 --', 'x']]])],
    ['SQL in a domain value', () => kw('res.partner', 'search_count', [[['name', '=', "x' OR '1'='1"]]])],
    ['SQL in the order', () => kw('res.partner', 'search', [[]], struct({ order: 'id; DROP TABLE res_users' }))],
    ['SQL in read fields', () => kw('res.partner', 'read', [[1], ['name; DROP TABLE res_partner']])],
    ['SQL in write vals keys', () => kw('res.partner', 'write', [[1], struct({ 'name = 1; --': 'x' })])],
    ['SQL in a groupby', () => kw('res.partner', 'read_group', [[], ['name'], ['name; DROP TABLE res_partner']])],
    ['domain that is not a list', () => kw('res.partner', 'search', ['not a domain'])],
    ['domain of nested garbage', () => kw('res.partner', 'search', [[['|', ['&'], [[[[]]]]]]])],
    ['x2many command garbage', () => kw('res.partner', 'write', [[1], struct({ category_id: [[9, 9, 9], 'x', [6]] })])],
    ['kwargs named __proto__-like keys', () => kw('res.partner', 'search', [[]], struct({ constructor: 1, prototype: 2 }))],
    ['private method through execute', () => rpc('/xmlrpc/2/object', 'execute', [t.db, uid, t.password, 'res.users', '_check_credentials', 'x'])],
  ] as const)('object call: %s', async (_name, run) => {
    const r = await run();
    if (!r.ok) expect(r.faultString).not.toMatch(/\/work\/|\.ts:\d+|node_modules|SELECT |sqlite_|pg_/i);
    await stillServing();
  });

  it('leaves the data intact and the admin able to log in', async () => {
    expect(await counts()).toEqual(before);
    expect(await value('/xmlrpc/common', 'login', [t.db, t.login, t.password])).toBe(uid);
    expect(await value('/xmlrpc/db', 'list', [])).toEqual([t.db]);
  });
});
