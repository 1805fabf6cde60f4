// Malicious and malformed XML-RPC request bodies, each of which must be answered with a fault
// (never a crash, a hang or a coerced value). The codec tests run them against parseMethodCall;
// the server's hostile-input suite sends the same bodies over HTTP.

export type HostilePyType = 'ExpatError' | 'ResponseError' | 'ValueError';

export interface HostileCase {
  name: string;
  body: Buffer;
  /** The Python exception name the CallError carries. */
  pyType: HostilePyType;
  /** What the error message says (checked by the codec tests). */
  message: RegExp;
}

const HEAD = '<?xml version="1.0"?>';
const text = (s: string) => Buffer.from(s, 'utf8');
const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));
const call = (paramsXml: string) =>
  `${HEAD}<methodCall><methodName>execute</methodName><params>${paramsXml}</params></methodCall>`;
/** A call whose single parameter is `<value>${inner}</value>`. */
const withValue = (inner: string) => text(call(`<param><value>${inner}</value></param>`));
const member = (name: string, valueXml = '<int>1</int>') =>
  `<member><name>${name}</name><value>${valueXml}</value></member>`;

function seededBytes(seed: number, n: number): Buffer {
  const out = Buffer.alloc(n);
  let s = seed >>> 0;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    out[i] = s >>> 24;
  }
  return out;
}

const BILLION_LAUGHS = [
  `${HEAD}\n<!DOCTYPE methodCall [\n <!ENTITY lol "lol">`,
  ...Array.from({ length: 9 }, (_, i) =>
    ` <!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`),
  ']>\n<methodCall><methodName>&lol9;</methodName></methodCall>',
].join('\n');

const QUADRATIC_BLOWUP = `${HEAD}<!DOCTYPE m [<!ENTITY a "${'x'.repeat(50_000)}">]>` +
  `<methodCall><methodName>m</methodName><params><param><value>${'&a;'.repeat(5_000)}</value></param></params></methodCall>`;

const nested = (open: string, close: string, n: number, core = '<int>1</int>') =>
  withValue(open.repeat(n) + core + close.repeat(n));
const ARRAY_OPEN = '<array><data><value>';
const ARRAY_CLOSE = '</value></data></array>';
const STRUCT_OPEN = '<struct><member><name>k</name><value>';
const STRUCT_CLOSE = '</value></member></struct>';

const XML = /./;
const DOCTYPE = /DOCTYPE is not allowed/;
const NO_ELEMENT = /no element found/;

export const HOSTILE_CASES: HostileCase[] = [
  // Truncated, empty and non-XML bodies.
  { name: 'empty body', body: text(''), pyType: 'ExpatError', message: NO_ELEMENT },
  { name: 'whitespace-only body', body: text(' \n\t '), pyType: 'ExpatError', message: NO_ELEMENT },
  { name: 'truncated in method name', body: text('<methodCall><methodName>version'), pyType: 'ExpatError', message: /no element found: line 1, column 31/ },
  { name: 'truncated inside a tag', body: text('<methodCall><methodNa'), pyType: 'ExpatError', message: XML },
  { name: 'truncated after params', body: text(`${HEAD}<methodCall><methodName>m</methodName><params><param><value><int>1</int></value></param>`), pyType: 'ExpatError', message: NO_ELEMENT },
  { name: 'truncated declaration', body: text('<?xml version="1.0"'), pyType: 'ExpatError', message: XML },
  { name: 'mismatched close tag', body: text('<methodCall><methodName>m</methodname></methodCall>'), pyType: 'ExpatError', message: XML },
  { name: 'JSON instead of XML', body: text('{"method": "version", "params": []}'), pyType: 'ExpatError', message: XML },
  { name: 'plain text body', body: text('hello'), pyType: 'ExpatError', message: XML },
  { name: 'binary garbage', body: bytes([0x00, 0xff], [...seededBytes(7, 4096)]), pyType: 'ExpatError', message: XML },
  { name: 'NUL bytes', body: bytes('<methodCall>', [0, 0, 0], '</methodCall>'), pyType: 'ExpatError', message: XML },
  { name: 'unescaped < in a string', body: withValue('<string>a < b</string>'), pyType: 'ExpatError', message: XML },
  { name: 'bare ampersand', body: withValue('<string>fish & chips</string>'), pyType: 'ExpatError', message: XML },
  { name: 'unterminated comment', body: text(`${HEAD}<methodCall><!-- never closed <methodName>m</methodName></methodCall>`), pyType: 'ExpatError', message: XML },
  { name: 'unterminated CDATA', body: withValue('<string><![CDATA[abc</string>'), pyType: 'ExpatError', message: XML },
  { name: 'declaration not at the start', body: text(` \n${HEAD}<methodCall><methodName>m</methodName></methodCall>`), pyType: 'ExpatError', message: XML },
  { name: 'XML 1.1 declaration', body: text('<?xml version="1.1"?><methodCall><methodName>m</methodName></methodCall>'), pyType: 'ExpatError', message: /XML 1\.0/ },
  // Trailing garbage and extra roots.
  { name: 'text after the root', body: text(`${call('')}garbage`), pyType: 'ExpatError', message: XML },
  { name: 'second root element', body: text(`${call('')}<methodCall><methodName>x</methodName></methodCall>`), pyType: 'ExpatError', message: XML },
  { name: 'element after the root', body: text(`${call('')}<x/>`), pyType: 'ExpatError', message: XML },
  // DTDs and entities.
  { name: 'DOCTYPE without subset', body: text(`${HEAD}<!DOCTYPE methodCall><methodCall><methodName>m</methodName></methodCall>`), pyType: 'ExpatError', message: DOCTYPE },
  { name: 'billion laughs', body: text(BILLION_LAUGHS), pyType: 'ExpatError', message: DOCTYPE },
  { name: 'quadratic blowup entity', body: text(QUADRATIC_BLOWUP), pyType: 'ExpatError', message: DOCTYPE },
  { name: 'external entity (file)', body: text(`${HEAD}<!DOCTYPE m [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><methodCall><methodName>&xxe;</methodName></methodCall>`), pyType: 'ExpatError', message: DOCTYPE },
  { name: 'external entity (http)', body: text(`${HEAD}<!DOCTYPE m [<!ENTITY xxe SYSTEM "http://127.0.0.1:1/x">]><methodCall><methodName>m</methodName><params><param><value>&xxe;</value></param></params></methodCall>`), pyType: 'ExpatError', message: DOCTYPE },
  { name: 'external parameter entity', body: text(`${HEAD}<!DOCTYPE m [<!ENTITY % p SYSTEM "http://127.0.0.1:1/evil.dtd"> %p;]><methodCall><methodName>m</methodName></methodCall>`), pyType: 'ExpatError', message: DOCTYPE },
  { name: 'external DTD', body: text(`${HEAD}<!DOCTYPE methodCall SYSTEM "http://127.0.0.1:1/x.dtd"><methodCall><methodName>m</methodName></methodCall>`), pyType: 'ExpatError', message: DOCTYPE },
  { name: 'undefined entity', body: withValue('<string>&xxe;</string>'), pyType: 'ExpatError', message: /undefined entity/ },
  { name: 'HTML entity', body: withValue('<string>&nbsp;</string>'), pyType: 'ExpatError', message: /undefined entity/ },
  { name: 'character reference to NUL', body: withValue('<string>&#0;</string>'), pyType: 'ExpatError', message: XML },
  { name: 'character reference to a control character', body: withValue('<string>&#x1;</string>'), pyType: 'ExpatError', message: XML },
  { name: 'character reference to a surrogate', body: withValue('<string>&#xD800;</string>'), pyType: 'ExpatError', message: XML },
  { name: 'character reference beyond Unicode', body: withValue('<string>&#x110000;</string>'), pyType: 'ExpatError', message: XML },
  { name: 'raw control character', body: withValue('<string>a\u0001b</string>'), pyType: 'ExpatError', message: XML },
  // Encodings.
  { name: 'invalid UTF-8 byte', body: bytes(call('<param><value><string>'), [0xff], '</string></value></param>'), pyType: 'ExpatError', message: /invalid token/ },
  { name: 'overlong UTF-8', body: bytes(call('<param><value><string>'), [0xc0, 0xaf], '</string></value></param>'), pyType: 'ExpatError', message: /invalid token/ },
  { name: 'UTF-8 encoded surrogate', body: bytes(call('<param><value><string>'), [0xed, 0xa0, 0x80], '</string></value></param>'), pyType: 'ExpatError', message: /invalid token/ },
  { name: 'truncated UTF-8 sequence', body: bytes(call(''), [0xe2, 0x82]), pyType: 'ExpatError', message: /invalid token/ },
  { name: 'lone UTF-8 continuation byte', body: bytes(call('<param><value>'), [0x80], '</value></param>'), pyType: 'ExpatError', message: /invalid token/ },
  { name: 'unsupported declared encoding', body: text('<?xml version="1.0" encoding="shift_jis"?><methodCall><methodName>m</methodName></methodCall>'), pyType: 'ExpatError', message: /unknown encoding/ },
  { name: 'declared us-ascii with a high byte', body: bytes('<?xml version="1.0" encoding="us-ascii"?><methodCall><methodName>m', [0xe9], '</methodName></methodCall>'), pyType: 'ExpatError', message: /invalid token/ },
  { name: 'UTF-16 body', body: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(call(''), 'utf16le')]), pyType: 'ExpatError', message: /UTF-16/ },
  { name: 'BOM with a latin-1 declaration', body: bytes([0xef, 0xbb, 0xbf], '<?xml version="1.0" encoding="iso-8859-1"?><methodCall><methodName>m</methodName></methodCall>'), pyType: 'ExpatError', message: /encoding/ },
  // Not an XML-RPC call.
  { name: 'methodResponse as a request', body: text(`${HEAD}<methodResponse><params><param><value>1</value></param></params></methodResponse>`), pyType: 'ResponseError', message: /expected <methodCall>/ },
  { name: 'unknown root element', body: text(`${HEAD}<foo/>`), pyType: 'ResponseError', message: /expected <methodCall>/ },
  { name: 'HTML page', body: text('<html><body><h1>hi</h1></body></html>'), pyType: 'ResponseError', message: /expected <methodCall>/ },
  { name: 'missing methodName', body: text(`${HEAD}<methodCall><params/></methodCall>`), pyType: 'ResponseError', message: XML },
  { name: 'empty methodCall', body: text(`${HEAD}<methodCall/>`), pyType: 'ResponseError', message: /without <methodName>/ },
  { name: 'empty methodName', body: text(`${HEAD}<methodCall><methodName></methodName></methodCall>`), pyType: 'ResponseError', message: /empty <methodName>/ },
  { name: 'whitespace-only methodName', body: text(`${HEAD}<methodCall><methodName> \n </methodName></methodCall>`), pyType: 'ResponseError', message: /empty <methodName>/ },
  { name: 'methodName with inner space', body: text(`${HEAD}<methodCall><methodName>exec ute</methodName></methodCall>`), pyType: 'ResponseError', message: /whitespace/ },
  { name: 'methodName twice', body: text(`${HEAD}<methodCall><methodName>a</methodName><methodName>b</methodName></methodCall>`), pyType: 'ResponseError', message: /unexpected <methodName>/ },
  { name: 'params before methodName', body: text(`${HEAD}<methodCall><params/><methodName>a</methodName></methodCall>`), pyType: 'ResponseError', message: /unexpected <params>/ },
  { name: 'params twice', body: text(`${HEAD}<methodCall><methodName>a</methodName><params/><params/></methodCall>`), pyType: 'ResponseError', message: /unexpected <params>/ },
  { name: 'element inside methodName', body: text(`${HEAD}<methodCall><methodName><b>a</b></methodName></methodCall>`), pyType: 'ResponseError', message: /unexpected <b>/ },
  { name: 'unknown element in params', body: text(call('<foo/>')), pyType: 'ResponseError', message: /unexpected <foo>/ },
  { name: 'unknown type in value', body: withValue('<foo>1</foo>'), pyType: 'ResponseError', message: /unexpected <foo>/ },
  { name: 'unknown namespaced type', body: withValue('<ex:serializable>rO0=</ex:serializable>'), pyType: 'ResponseError', message: /unexpected/ },
  { name: 'param without value', body: text(call('<param></param>')), pyType: 'ResponseError', message: /without <value>/ },
  { name: 'param with two values', body: text(call('<param><value>a</value><value>b</value></param>')), pyType: 'ResponseError', message: /unexpected <value>/ },
  { name: 'value with two typed children', body: withValue('<int>1</int><int>2</int>'), pyType: 'ResponseError', message: /unexpected <int>/ },
  { name: 'value nested in value', body: withValue('<value>1</value>'), pyType: 'ResponseError', message: /unexpected <value>/ },
  { name: 'text before a typed child', body: withValue('abc<int>1</int>'), pyType: 'ResponseError', message: /mixed content/ },
  { name: 'text after a typed child', body: withValue('<int>1</int>abc'), pyType: 'ResponseError', message: /mixed content/ },
  { name: 'text inside params', body: text(call('junk<param><value>1</value></param>')), pyType: 'ResponseError', message: /text is not allowed/ },
  { name: 'text inside a struct', body: withValue(`<struct>junk${member('a')}</struct>`), pyType: 'ResponseError', message: /text is not allowed/ },
  { name: 'text inside nil', body: withValue('<nil>x</nil>'), pyType: 'ResponseError', message: /text is not allowed/ },
  { name: 'element inside int', body: withValue('<int><int>1</int></int>'), pyType: 'ResponseError', message: /unexpected <int>/ },
  { name: 'array without data', body: withValue('<array><value>1</value></array>'), pyType: 'ResponseError', message: /unexpected <value>/ },
  { name: 'empty array element', body: withValue('<array/>'), pyType: 'ResponseError', message: /without <data>/ },
  { name: 'member without name', body: withValue('<struct><member><value>1</value></member></struct>'), pyType: 'ResponseError', message: /unexpected <value>/ },
  { name: 'member without value', body: withValue('<struct><member><name>a</name></member></struct>'), pyType: 'ResponseError', message: /needs a <name> and a <value>/ },
  { name: 'member with value before name', body: withValue('<struct><member><value>1</value><name>a</name></member></struct>'), pyType: 'ResponseError', message: /unexpected <value>/ },
  { name: 'value directly in struct', body: withValue('<struct><value>1</value></struct>'), pyType: 'ResponseError', message: /unexpected <value>/ },
  { name: 'attribute on an element', body: withValue('<string lang="en">x</string>'), pyType: 'ResponseError', message: /attributes are not allowed/ },
  // Bad scalars.
  { name: 'int with trailing letters', body: withValue('<int>12abc</int>'), pyType: 'ValueError', message: /invalid literal for int\(\)/ },
  { name: 'int with a fraction', body: withValue('<int>1.5</int>'), pyType: 'ValueError', message: /invalid literal for int\(\)/ },
  { name: 'int above 32 bits', body: withValue('<int>2147483648</int>'), pyType: 'ValueError', message: /exceeds XML-RPC limits/ },
  { name: 'i4 below 32 bits', body: withValue('<i4>-2147483649</i4>'), pyType: 'ValueError', message: /exceeds XML-RPC limits/ },
  { name: 'empty int', body: withValue('<int></int>'), pyType: 'ValueError', message: /invalid literal/ },
  { name: 'hexadecimal int', body: withValue('<int>0x10</int>'), pyType: 'ValueError', message: /invalid literal/ },
  { name: 'int with underscores', body: withValue('<int>1_000</int>'), pyType: 'ValueError', message: /invalid literal/ },
  { name: 'int with inner space', body: withValue('<int>1 000</int>'), pyType: 'ValueError', message: /invalid literal/ },
  { name: 'int with a huge digit string', body: withValue(`<int>${'9'.repeat(100_000)}</int>`), pyType: 'ValueError', message: /exceeds XML-RPC limits/ },
  { name: 'i8 beyond safe integers', body: withValue('<i8>9007199254740992</i8>'), pyType: 'ValueError', message: /exceeds XML-RPC limits/ },
  { name: 'i8 not a number', body: withValue('<i8>ten</i8>'), pyType: 'ValueError', message: /invalid literal/ },
  { name: 'boolean 2', body: withValue('<boolean>2</boolean>'), pyType: 'ValueError', message: /bad boolean value/ },
  { name: 'boolean true', body: withValue('<boolean>true</boolean>'), pyType: 'ValueError', message: /bad boolean value/ },
  { name: 'empty boolean', body: withValue('<boolean/>'), pyType: 'ValueError', message: /bad boolean value/ },
  { name: 'double not a number', body: withValue('<double>abc</double>'), pyType: 'ValueError', message: /could not convert string to float/ },
  { name: 'double with two points', body: withValue('<double>1.5.5</double>'), pyType: 'ValueError', message: /could not convert/ },
  { name: 'double with a bare exponent', body: withValue('<double>1e</double>'), pyType: 'ValueError', message: /could not convert/ },
  { name: 'empty double', body: withValue('<double></double>'), pyType: 'ValueError', message: /could not convert/ },
  { name: 'double with a comma', body: withValue('<double>1,5</double>'), pyType: 'ValueError', message: /could not convert/ },
  { name: 'impossible date (30 February)', body: withValue('<dateTime.iso8601>20260230T10:00:00</dateTime.iso8601>'), pyType: 'ValueError', message: /invalid dateTime/ },
  { name: 'impossible hour', body: withValue('<dateTime.iso8601>2026-11-27T25:00:00</dateTime.iso8601>'), pyType: 'ValueError', message: /invalid dateTime/ },
  { name: 'year zero', body: withValue('<dateTime.iso8601>00000101T00:00:00</dateTime.iso8601>'), pyType: 'ValueError', message: /invalid dateTime/ },
  { name: 'dateTime in words', body: withValue('<dateTime.iso8601>yesterday</dateTime.iso8601>'), pyType: 'ValueError', message: /invalid dateTime/ },
  { name: 'date without time', body: withValue('<dateTime.iso8601>2026-11-27</dateTime.iso8601>'), pyType: 'ValueError', message: /invalid dateTime/ },
  { name: 'empty dateTime', body: withValue('<dateTime.iso8601/>'), pyType: 'ValueError', message: /invalid dateTime/ },
  { name: 'base64 outside the alphabet', body: withValue('<base64>QUJD$A==</base64>'), pyType: 'ValueError', message: /invalid base64/ },
  { name: 'base64 URL-safe alphabet', body: withValue('<base64>-_-_</base64>'), pyType: 'ValueError', message: /invalid base64/ },
  { name: 'base64 without padding', body: withValue('<base64>QQ</base64>'), pyType: 'ValueError', message: /invalid base64/ },
  { name: 'base64 with three pads', body: withValue('<base64>Q===</base64>'), pyType: 'ValueError', message: /invalid base64/ },
  { name: 'base64 padding in the middle', body: withValue('<base64>QQ==QUJD</base64>'), pyType: 'ValueError', message: /invalid base64/ },
  // Prototype pollution.
  { name: '__proto__ member', body: withValue(`<struct>${member('__proto__', '<struct><member><name>admin</name><value><boolean>1</boolean></value></member></struct>')}</struct>`), pyType: 'ValueError', message: /__proto__/ },
  { name: 'constructor member', body: withValue(`<struct>${member('constructor')}</struct>`), pyType: 'ValueError', message: /constructor/ },
  { name: 'prototype member', body: withValue(`<struct>${member('prototype')}</struct>`), pyType: 'ValueError', message: /prototype/ },
  { name: '__proto__ member deep inside arrays', body: nested(ARRAY_OPEN, ARRAY_CLOSE, 5, `<struct>${member('__proto__')}</struct>`), pyType: 'ValueError', message: /__proto__/ },
  // Limits.
  { name: 'arrays nested 65 deep', body: nested(ARRAY_OPEN, ARRAY_CLOSE, 65), pyType: 'ValueError', message: /nested too deeply/ },
  { name: 'structs nested 65 deep', body: nested(STRUCT_OPEN, STRUCT_CLOSE, 65), pyType: 'ValueError', message: /nested too deeply/ },
  { name: 'arrays nested 100000 deep', body: nested(ARRAY_OPEN, ARRAY_CLOSE, 100_000), pyType: 'ValueError', message: /nested too deeply/ },
  { name: 'unclosed nesting 100000 deep', body: text(call(`<param><value>${ARRAY_OPEN.repeat(100_000)}`)), pyType: 'ValueError', message: /nested too deeply/ },
  { name: 'more than a million elements', body: withValue(`<array><data>${'<value/>'.repeat(1_000_001)}</data></array>`), pyType: 'ValueError', message: /too many XML elements/ },
  { name: 'body over 10 MiB (overlong string)', body: withValue(`<string>${'A'.repeat(10 * 1024 * 1024)}</string>`), pyType: 'ValueError', message: /body too large/ },
];
