// The HTTP side of the XML-RPC transport: verbs, statuses, content types, body limits and
// deadlines, on a real socket (no database needed: the common service with a stand-in auth).
import { gzipSync } from 'node:zlib';
import { parseMethodResponse, serializeMethodCall } from '../../src/rpc/codec';
import { post, rawRequest, RawResponse } from './support/raw-http';
import { FakeServer, startFakeServer } from './support/fake-services';

let server: FakeServer;
beforeAll(async () => { server = await startFakeServer(); });
afterAll(async () => { await server.close(); });

const VERSION = serializeMethodCall('version', []);

async function send(pieces: (string | Buffer | number)[], timeoutMs = 3000): Promise<RawResponse> {
  const r = await rawRequest(server.port, { pieces, timeoutMs });
  if (!('response' in r)) throw new Error(`no response: ${JSON.stringify(r)}`);
  return r.response;
}

async function stillServing(): Promise<void> {
  const r = await send(post('/xmlrpc/2/common', VERSION));
  expect(parseMethodResponse(Buffer.from(r.body))).toMatchObject({ ok: true, value: { server_version: '7.0' } });
}

describe('XML-RPC over HTTP', () => {
  it('answers a call with 200 text/xml and a Content-Length', async () => {
    const r = await send(post('/xmlrpc/common', VERSION));
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toMatch(/^text\/xml/);
    expect(Number(r.headers['content-length'])).toBe(Buffer.byteLength(r.body));
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect(r.body.startsWith('<?xml version="1.0"?>\n<methodResponse>')).toBe(true);
  });

  it('answers faults with 200 text/xml too', async () => {
    const r = await send(post('/xmlrpc/2/common', serializeMethodCall('no_such_method', [])));
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toMatch(/^text\/xml/);
    expect(parseMethodResponse(Buffer.from(r.body))).toMatchObject({ ok: false, faultCode: 1 });
  });

  it.each(['GET', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD'])('answers %s with 405 and Allow: POST', async (verb) => {
    const r = await send([`${verb} /xmlrpc/2/common HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n`]);
    expect(r.status).toBe(405);
    expect(r.headers.allow).toBe('POST');
    await stillServing();
  });

  it.each(['/xmlrpc/2/common?debug=1', '/xmlrpc/2/common#top', '/xmlrpc/2/common?a=1#top', 'http://localhost/xmlrpc/2/common'])(
    'reads the path of %s without its query, fragment, scheme or host', async (target) => {
      const r = await send(post(target, VERSION));
      expect(r.status).toBe(200);
      expect(parseMethodResponse(Buffer.from(r.body))).toMatchObject({ ok: true, value: { server_version: '7.0' } });
    });

  it('answers a GET with a query string on an XML-RPC path with 405', async () => {
    const r = await send(['GET /xmlrpc/2/common?x=1 HTTP/1.1\r\nHost: x\r\n\r\n']);
    expect(r.status).toBe(405);
    expect(r.headers.allow).toBe('POST');
    expect(r.body).toBe('Method Not Allowed\n');
  });

  it('answers other paths with a plain 404 that says so', async () => {
    const r = await send(post('/web/login', VERSION));
    expect(r.status).toBe(404);
    expect(r.body).toContain('Not Found');
  });

  it.each([undefined, 'application/json', 'multipart/form-data; boundary=x', 'text/plain', 'text/xml; charset=utf-8'])(
    'does not care about the Content-Type (%s)', async (type) => {
      const headers: Record<string, string> = type === undefined ? {} : { 'Content-Type': type };
      const raw = post('/xmlrpc/2/common', VERSION, headers);
      if (type === undefined) raw[0] = String(raw[0]).replace('Content-Type: text/xml\r\n', '');
      const r = await send(raw);
      expect(parseMethodResponse(Buffer.from(r.body))).toMatchObject({ ok: true });
    });

  it('accepts a chunked body', async () => {
    const body = Buffer.from(VERSION);
    const half = Math.floor(body.length / 2);
    const chunk = (b: Buffer) => [`${b.length.toString(16)}\r\n`, b, '\r\n'];
    const r = await send([
      'POST /xmlrpc/2/common HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n',
      ...chunk(body.subarray(0, half)), 20, ...chunk(body.subarray(half)), '0\r\n\r\n',
    ]);
    expect(parseMethodResponse(Buffer.from(r.body))).toMatchObject({ ok: true, value: { server_version: '7.0' } });
  });

  it('reads a body of declared length that arrives in pieces, split inside a character', async () => {
    const body = Buffer.from(serializeMethodCall('login', ['db', 'admin', 'Zürich – 東京']));
    const cut = body.indexOf(Buffer.from('東')) + 1;
    const r = await send([
      `POST /xmlrpc/2/common HTTP/1.1\r\nHost: x\r\nContent-Length: ${body.length}\r\n\r\n`,
      body.subarray(0, cut), 20, body.subarray(cut, cut + 5), 20, body.subarray(cut + 5),
    ]);
    expect(r.status).toBe(200);
    // A wrongly joined body would be a fault (bad UTF-8 or XML); whole, it is a refused login.
    expect(parseMethodResponse(Buffer.from(r.body))).toEqual({ ok: true, value: false });
  });

  it('accepts a gzip-encoded body and refuses an unknown encoding with 415', async () => {
    const ok = await send(post('/xmlrpc/2/common', gzipSync(VERSION), { 'Content-Encoding': 'gzip' }));
    expect(parseMethodResponse(Buffer.from(ok.body))).toMatchObject({ ok: true });
    const bad = await send(post('/xmlrpc/2/common', VERSION, { 'Content-Encoding': 'snappy' }));
    expect(bad.status).toBe(415);
    await stillServing();
  });

  it('refuses a declared oversized body with 413 before reading it', async () => {
    const r = await send([`POST /xmlrpc/2/common HTTP/1.1\r\nHost: x\r\nContent-Length: ${10 * 1024 * 1024}\r\n\r\n`, 'x'.repeat(1000)]);
    expect(r.status).toBe(413);
    await stillServing();
  });

  it('refuses a chunked body that grows past the limit with 413', async () => {
    const block = Buffer.alloc(16 * 1024, 'a');
    const pieces: (string | Buffer)[] = ['POST /xmlrpc/2/common HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n'];
    for (let i = 0; i < 10; i += 1) pieces.push(`${block.length.toString(16)}\r\n`, block, '\r\n');
    pieces.push('0\r\n\r\n');
    const r = await send(pieces);
    expect(r.status).toBe(413);
    await stillServing();
  });

  it('refuses a gzip body that inflates past the limit with 413', async () => {
    const bomb = gzipSync(Buffer.alloc(5 * 1024 * 1024, ' '));
    const r = await send(post('/xmlrpc/2/common', bomb, { 'Content-Encoding': 'gzip' }));
    expect(r.status).toBe(413);
    await stillServing();
  });

  it('gives up on a body that stops arriving (408) and closes the connection', async () => {
    const r = await send(['POST /xmlrpc/2/common HTTP/1.1\r\nHost: x\r\nContent-Length: 500\r\n\r\n<?xml ', 2000], 1500);
    expect(r.status).toBe(408);
    await stillServing();
  });

  it('answers an empty POST with a fault, not an empty 404', async () => {
    const r = await send(['POST /xmlrpc/2/common HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n']);
    expect(r.status).toBe(200);
    expect(parseMethodResponse(Buffer.from(r.body))).toMatchObject({ ok: false, faultCode: 1, faultString: expect.stringContaining('ExpatError') });
  });
});
