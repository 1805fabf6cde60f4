// Whole request bodies: containers, method names, encodings and the configurable limits.
import { DEFAULT_CODEC_LIMITS, parseMethodCall } from '../../../src/rpc/codec';
import { isStruct } from '../../../src/values';
import { callBody, callError, HEAD, parseValue } from './bodies';

const member = (name: string, inner: string) => `<member><name>${name}</name><value>${inner}</value></member>`;

describe('method calls', () => {
  it('reads the method name and positional params', () => {
    const body = callBody('<param><value><string>db</string></value></param><param><value><int>2</int></value></param>', 'login');
    expect(parseMethodCall(body)).toEqual({ methodName: 'login', params: ['db', 2] });
  });

  it('reads a call without params, or with empty params, as no params', () => {
    const bare = Buffer.from(`<methodCall><methodName>version</methodName></methodCall>`);
    expect(parseMethodCall(bare)).toEqual({ methodName: 'version', params: [] });
    const empty = Buffer.from(`${HEAD}<methodCall><methodName>version</methodName><params/></methodCall>`);
    expect(parseMethodCall(empty)).toEqual({ methodName: 'version', params: [] });
  });

  it('reads the exact body Python\'s xmlrpc.client sends', () => {
    const body = Buffer.from(
      "<?xml version='1.0'?>\n<methodCall>\n<methodName>execute_kw</methodName>\n<params>\n" +
      '<param>\n<value><string>refdb</string></value>\n</param>\n<param>\n<value><int>2</int></value>\n</param>\n' +
      '<param>\n<value><array><data>\n<value><array><data>\n</data></array></value>\n</data></array></value>\n</param>\n' +
      '<param>\n<value><struct>\n<member>\n<name>limit</name>\n<value><nil/></value></member>\n</struct></value>\n</param>\n' +
      '</params>\n</methodCall>\n',
    );
    const { methodName, params } = parseMethodCall(body);
    expect(methodName).toBe('execute_kw');
    expect(params).toEqual(['refdb', 2, [[]], { limit: null }]);
  });

  it('accepts namespace declarations (Apache clients declare ex: on the root)', () => {
    const body = Buffer.from(
      '<methodCall xmlns:ex="http://ws.apache.org/xmlrpc/namespaces/extensions"><methodName>m</methodName>' +
      '<params><param><value><ex:nil/></value></param></params></methodCall>',
    );
    expect(parseMethodCall(body).params).toEqual([null]);
  });

  it('trims a pretty-printed method name', () => {
    const body = Buffer.from(`<methodCall><methodName>\n  common.version\n</methodName></methodCall>`);
    expect(parseMethodCall(body).methodName).toBe('common.version');
  });
});

describe('arrays and structs', () => {
  it('reads empty and nested arrays', () => {
    expect(parseValue('<array><data/></array>')).toEqual([]);
    expect(parseValue('<array><data></data></array>')).toEqual([]);
    expect(parseValue('<array><data><value><array><data><value>1</value></data></array></value><value><i4>2</i4></value></data></array>'))
      .toEqual([['1'], 2]);
  });

  it('reads structs as objects without a prototype', () => {
    const s = parseValue(`<struct>${member('a', '<int>1</int>')}${member('toString', 'x')}${member('', '<boolean>1</boolean>')}</struct>`);
    expect(isStruct(s)).toBe(true);
    expect(Object.getPrototypeOf(s)).toBeNull();
    expect({ ...(s as object) }).toEqual({ a: 1, toString: 'x', '': true });
  });

  it('reads an empty struct', () => {
    const s = parseValue('<struct></struct>');
    expect(Object.keys(s as object)).toEqual([]);
    expect(Object.getPrototypeOf(s)).toBeNull();
  });

  it('keeps the last of repeated member names, as Python does', () => {
    const s = parseValue(`<struct>${member('a', '1')}${member('b', '2')}${member('a', '3')}</struct>`);
    expect({ ...(s as object) }).toEqual({ a: '3', b: '2' });
  });

  it('keeps member names exactly, whitespace included', () => {
    const s = parseValue(`<struct>${member(' a ', '1')}</struct>`);
    expect(Object.keys(s as object)).toEqual([' a ']);
  });

  it('accepts pretty-printed containers', () => {
    const xml = '\n <struct>\n  <member>\n   <name>ids</name>\n   <value>\n    <array>\n     <data>\n' +
      '      <value><int>1</int></value>\n     </data>\n    </array>\n   </value>\n  </member>\n </struct>\n';
    expect({ ...(parseValue(xml) as object) }).toEqual({ ids: [1] });
  });
});

describe('encodings', () => {
  const latin = (decl: string, bytes: number[]) => Buffer.concat([
    Buffer.from(`<?xml version="1.0" encoding="${decl}"?><methodCall><methodName>m</methodName><params><param><value>`),
    Buffer.from(bytes),
    Buffer.from('</value></param></params></methodCall>'),
  ]);

  it('honours a declared ISO-8859-1 (every byte is a character)', () => {
    expect(parseMethodCall(latin('iso-8859-1', [0x63, 0x61, 0x66, 0xe9, 0x80])).params).toEqual(['café\u0080']);
    expect(parseMethodCall(latin('ISO-8859-1', [0xe9])).params).toEqual(['é']);
    expect(parseMethodCall(latin('latin-1', [0xfc])).params).toEqual(['ü']);
  });

  it('reads characters beyond Latin-1 from character references in a Latin-1 body', () => {
    expect(parseMethodCall(latin('iso-8859-1', [...Buffer.from('&#8364;&#x1F600;')])).params).toEqual(['€\u{1F600}']);
  });

  it('honours a declared US-ASCII', () => {
    expect(parseMethodCall(latin('us-ascii', [...Buffer.from('plain')])).params).toEqual(['plain']);
  });

  it('reads UTF-8, declared or not, with or without a byte order mark', () => {
    expect(parseMethodCall(latin('UTF-8', [...Buffer.from('ñ🎉')])).params).toEqual(['ñ🎉']);
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), callBody('<param><value>ñ</value></param>')]);
    expect(parseMethodCall(bom).params).toEqual(['ñ']);
  });
});

describe('limits', () => {
  const nestedArrays = (n: number) => '<array><data><value>'.repeat(n) + '1' + '</value></data></array>'.repeat(n);

  it('has the documented defaults', () => {
    expect(DEFAULT_CODEC_LIMITS).toEqual({
      maxBodyBytes: 10 * 1024 * 1024, maxDepth: 64, maxElements: 1_000_000, maxStringLength: 10 * 1024 * 1024,
    });
  });

  it('accepts nesting up to maxDepth and refuses one level more', () => {
    expect(parseValue(nestedArrays(64))).toBeDefined();
    expect(callError(() => parseValue(nestedArrays(65))).message).toMatch(/nested too deeply \(limit 64\)/);
    expect(parseValue(nestedArrays(3), { maxDepth: 3 })).toEqual([[['1']]]);
    expect(callError(() => parseValue(nestedArrays(4), { maxDepth: 3 })).pyType).toBe('ValueError');
  });

  it('counts structs and arrays alike for depth', () => {
    const mixed = `<struct>${member('a', '<array><data><value><struct></struct></value></data></array>')}</struct>`;
    expect(parseValue(mixed, { maxDepth: 3 })).toBeDefined();
    expect(callError(() => parseValue(mixed, { maxDepth: 2 })).message).toMatch(/nested too deeply/);
  });

  it('bounds the element count', () => {
    // methodCall, methodName, params, param, value, array, data + 3 values = 10 elements
    const three = '<array><data><value/><value/><value/></data></array>';
    expect(parseValue(three, { maxElements: 10 })).toEqual(['', '', '']);
    expect(callError(() => parseValue(three, { maxElements: 9 })).message).toMatch(/too many XML elements \(limit 9\)/);
  });

  it('bounds the length of strings, member names, base64 and method names', () => {
    const limits = { maxStringLength: 10 };
    expect(parseValue('<string>0123456789</string>', limits)).toBe('0123456789');
    for (const inner of [
      '<string>0123456789A</string>', '0123456789A', `<struct>${member('0123456789A', '1')}</struct>`,
      '<base64>QUJDREVGR0hJSks=</base64>', '<string>&amp;&amp;&amp;&amp;&amp;&amp;&amp;&amp;&amp;&amp;&amp;</string>',
    ]) {
      expect(callError(() => parseValue(inner, limits)).message).toMatch(/string too long \(limit 10/);
    }
    const longName = callBody('', 'abcdefghijk');
    expect(callError(() => parseMethodCall(longName, limits)).message).toMatch(/string too long/);
  });

  it('refuses a body over maxBodyBytes before reading it', () => {
    const body = callBody('<param><value>x</value></param>');
    expect(parseMethodCall(body, { maxBodyBytes: body.length }).params).toEqual(['x']);
    const err = callError(() => parseMethodCall(body, { maxBodyBytes: body.length - 1 }));
    expect(err.message).toMatch(/body too large/);
    expect(err.pyType).toBe('ValueError');
  });
});
