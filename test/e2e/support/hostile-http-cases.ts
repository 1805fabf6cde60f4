// Malformed and malicious requests at the HTTP level and at the service level, each named.
// The hostile-input suite sends them to a real server and expects a fault or a 4xx for each.
import { serializeMethodCall } from '../../../src/rpc/codec';
import { Double, newStruct, type RpcValue } from '../../../src/values';
import { post } from './raw-http';

export interface HttpCase {
  name: string;
  pieces: (string | Buffer | number)[];
  /** What the answer must be: an XML-RPC fault, any XML-RPC answer, or one of these statuses. */
  expect: 'fault' | 'answer' | number[];
}

const VERSION = serializeMethodCall('version', []);
const CLIENT_ERRORS = [400, 404, 405, 408, 411, 413, 414, 415, 431];
const head = (line: string, headers = 'Host: x\r\n') => `${line}\r\n${headers}`;

/** Requests that are wrong as HTTP: verbs, paths, lengths, encodings, slow bodies. */
export function httpCases(maxBodyBytes: number): HttpCase[] {
  const cases: HttpCase[] = [];
  for (const verb of ['GET', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD']) {
    for (const path of ['/xmlrpc/common', '/xmlrpc/2/object', '/openerp/xmlrpc/1/db']) {
      cases.push({ name: `${verb} ${path}`, pieces: [head(`${verb} ${path} HTTP/1.1`, 'Host: x\r\nContent-Length: 0\r\n') + '\r\n'], expect: [405] });
    }
  }
  for (const path of ['/', '/xmlrpc', '/web/database/manager', '/../../etc/passwd', '/xmlrpcx/common', '/%2e%2e/%2e%2e/etc/passwd']) {
    cases.push({ name: `POST to ${path}`, pieces: post(path, VERSION), expect: [404] });
  }
  for (const path of ['/xmlrpc/3/common', '/xmlrpc/2/common/../db', '/xmlrpc/%00', '/xmlrpc/2/..%2f..%2fetc', '/openerp/xmlrpc/1/a/b/c',
    '/openerp/xmlrpc/1/model/x', `/xmlrpc/${'a'.repeat(4000)}`, "/xmlrpc/common'--", '/openerp/xmlrpc/9']) {
    cases.push({ name: `POST to unknown service ${path.slice(0, 40)}`, pieces: post(path, VERSION), expect: 'fault' });
  }
  cases.push(
    { name: 'URL longer than the header limit', pieces: post(`/xmlrpc/${'x'.repeat(20_000)}`, VERSION), expect: CLIENT_ERRORS },
    { name: 'declared body over the limit', pieces: [head('POST /xmlrpc/2/common HTTP/1.1', `Host: x\r\nContent-Length: ${maxBodyBytes + 1}\r\n`) + '\r\n', 'x'.repeat(4096)], expect: [413] },
    { name: 'declared body of a petabyte', pieces: [head('POST /xmlrpc/2/common HTTP/1.1', 'Host: x\r\nContent-Length: 1125899906842624\r\n') + '\r\n'], expect: [413] },
    { name: 'chunked body growing past the limit', pieces: chunked(Buffer.alloc(maxBodyBytes + 64 * 1024, 'a'), 256 * 1024), expect: [413] },
    { name: 'body shorter than its Content-Length, then silence', pieces: [head('POST /xmlrpc/2/common HTTP/1.1', 'Host: x\r\nContent-Length: 1000\r\n') + '\r\n<?xml', 3000], expect: [408] },
    { name: 'chunked body that stops mid-chunk', pieces: [head('POST /xmlrpc/2/common HTTP/1.1', 'Host: x\r\nTransfer-Encoding: chunked\r\n') + '\r\n10\r\n<?xml', 3000], expect: [408] },
    { name: 'malformed chunk size', pieces: [head('POST /xmlrpc/2/common HTTP/1.1', 'Host: x\r\nTransfer-Encoding: chunked\r\n') + '\r\nzz\r\nabc\r\n0\r\n\r\n'], expect: [400] },
    { name: 'non-numeric Content-Length', pieces: [head('POST /xmlrpc/2/common HTTP/1.1', 'Host: x\r\nContent-Length: abc\r\n') + '\r\n'], expect: [400] },
    { name: 'two different Content-Lengths', pieces: [head('POST /xmlrpc/2/common HTTP/1.1', 'Host: x\r\nContent-Length: 5\r\nContent-Length: 6\r\n') + '\r\nhello!'], expect: [400] },
    { name: 'Content-Length and chunked together', pieces: [head('POST /xmlrpc/2/common HTTP/1.1', 'Host: x\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n') + '\r\n0\r\n\r\n'], expect: [400] },
    { name: 'unknown Content-Encoding', pieces: post('/xmlrpc/2/common', VERSION, { 'Content-Encoding': 'x-evil' }), expect: [415] },
    { name: 'gzip header on a plain body', pieces: post('/xmlrpc/2/common', VERSION, { 'Content-Encoding': 'gzip' }), expect: [400] },
    { name: 'request line garbage', pieces: ['\x00\x01\x02 GARBAGE\r\n\r\n'], expect: [400] },
    { name: 'JSON body with a JSON content type', pieces: post('/xmlrpc/2/common', '{"method":"version","params":[]}', { 'Content-Type': 'application/json' }), expect: 'fault' },
    { name: 'form body', pieces: post('/xmlrpc/2/common', 'a=1&b=2', { 'Content-Type': 'application/x-www-form-urlencoded' }), expect: 'fault' },
    { name: 'XML with an EBCDIC charset in the header', pieces: post('/xmlrpc/2/common', VERSION, { 'Content-Type': 'text/xml; charset=ebcdic' }), expect: 'answer' },
    { name: 'UTF-16 body', pieces: post('/xmlrpc/2/common', Buffer.from(`\ufeff${VERSION}`, 'utf16le')), expect: 'fault' },
    { name: 'empty body', pieces: post('/xmlrpc/2/common', ''), expect: 'fault' },
    { name: 'methodResponse instead of methodCall', pieces: post('/xmlrpc/2/common', '<?xml version="1.0"?><methodResponse><params/></methodResponse>'), expect: 'fault' },
  );
  return cases;
}

function chunked(body: Buffer, size: number): (string | Buffer)[] {
  const pieces: (string | Buffer)[] = [head('POST /xmlrpc/2/common HTTP/1.1', 'Host: x\r\nTransfer-Encoding: chunked\r\n') + '\r\n'];
  for (let i = 0; i < body.length; i += size) {
    const part = body.subarray(i, i + size);
    pieces.push(`${part.length.toString(16)}\r\n`, part, '\r\n');
  }
  pieces.push('0\r\n\r\n');
  return pieces;
}

/** Every method of every service, for the wrong-types sweep. */
export const SERVICE_METHODS: Record<string, string[]> = {
  common: ['version', 'about', 'login', 'authenticate', 'timezone_get', 'login_message', 'get_server_environment',
    'get_stats', 'check_connectivity', 'list_http_services', 'set_loglevel', 'get_os_time', 'get_sqlcount',
    'get_available_updates', 'get_migration_scripts'],
  db: ['list', 'server_version', 'db_exist', 'list_lang', 'create_database', 'create', 'get_progress', 'drop',
    'duplicate_database', 'dump', 'restore', 'rename', 'change_admin_password', 'migrate_databases'],
  object: ['execute', 'execute_kw', 'exec_workflow', 'obj_list'],
  report: ['report', 'report_get', 'render_report'],
};

const deep = (n: number): RpcValue => (n === 0 ? 'bottom' : [deep(n - 1)]);
const struct = (o: Record<string, RpcValue>) => Object.assign(newStruct(), o);

/** Params of the wrong types. None carries the master password, so nothing is changed. */
export const WRONG_PARAMS: { name: string; params: RpcValue[] }[] = [
  { name: 'no params', params: [] },
  { name: 'ints', params: [1, 2, 3, 4, 5, 6, 7] },
  { name: 'structs', params: [struct({}), struct({ a: 1 }), struct({}), struct({}), struct({}), struct({})] },
  { name: 'arrays', params: [[], [1], [[]], [], [], []] },
  { name: 'empty values', params: [null, null, null, null, null, null] },
  { name: 'mixed', params: [true, new Double(1.5), 'x', [], struct({}), null, -1] },
  { name: 'long strings', params: ['d'.repeat(100_000), 'l'.repeat(100_000), 'p'.repeat(100_000), 'm', 'f'] },
  { name: 'deep nesting', params: [deep(50), deep(50), deep(50)] },
];

export function methodCall(name: string, params: RpcValue[]): Buffer {
  return Buffer.from(serializeMethodCall(name, params), 'utf8');
}
