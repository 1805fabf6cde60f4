// What we write: Odoo's exact wire shape, never <nil/>, ints vs doubles, text every client can
// parse, and the defensive conversions of non-RPC values.
import { CallError } from '../../../src/errors';
import { parseMethodResponse, serializeFault, serializeResponse } from '../../../src/rpc/codec';
import { Double, newStruct, RpcValue } from '../../../src/values';

/** The `<value>` line(s) of a response carrying `v`. */
function valueXml(v: unknown): string {
  const xml = serializeResponse(v as RpcValue);
  return xml.slice(xml.indexOf('<param>\n') + 8, xml.indexOf('</param>'));
}

const readBack = (v: unknown) => {
  const r = parseMethodResponse(Buffer.from(serializeResponse(v as RpcValue)));
  if (!r.ok) throw new Error('fault');
  return r.value;
};

describe('the envelope', () => {
  it('matches a real Odoo 18 version() answer byte for byte', () => {
    const version = {
      server_version: '18.0', server_version_info: [18, 0, 0, 'final', 0, ''], server_serie: '18.0', protocol_version: 1,
    };
    expect(serializeResponse(version)).toBe(
      '<?xml version="1.0"?>\n<methodResponse>\n<params>\n<param>\n<value><struct>\n' +
      '<member>\n<name>server_version</name>\n<value><string>18.0</string></value>\n</member>\n' +
      '<member>\n<name>server_version_info</name>\n<value><array><data>\n' +
      '<value><int>18</int></value>\n<value><int>0</int></value>\n<value><int>0</int></value>\n' +
      '<value><string>final</string></value>\n<value><int>0</int></value>\n<value><string></string></value>\n' +
      '</data></array></value>\n</member>\n' +
      '<member>\n<name>server_serie</name>\n<value><string>18.0</string></value>\n</member>\n' +
      '<member>\n<name>protocol_version</name>\n<value><int>1</int></value>\n</member>\n' +
      '</struct></value>\n</param>\n</params>\n\n</methodResponse>\n',
    );
  });

  it('matches a real Odoo 18 fault byte for byte', () => {
    expect(serializeFault(3, 'Access Denied')).toBe(
      '<?xml version="1.0"?>\n<methodResponse>\n<fault>\n<value><struct>\n' +
      '<member>\n<name>faultCode</name>\n<value><int>3</int></value>\n</member>\n' +
      '<member>\n<name>faultString</name>\n<value><string>Access Denied</string></value>\n</member>\n' +
      '</struct></value>\n</fault>\n\n</methodResponse>\n',
    );
  });

  it('writes string fault codes as strings and escapes fault text', () => {
    const xml = serializeFault('warning -- UserError\n\nA < B', 'x & y');
    expect(xml).toContain('<value><string>warning -- UserError\n\nA &lt; B</string></value>');
    expect(parseMethodResponse(Buffer.from(xml))).toEqual({
      ok: false, faultCode: 'warning -- UserError\n\nA < B', faultString: 'x & y',
    });
  });
});

describe('values', () => {
  it('never writes <nil/>: null and undefined are False, at any depth', () => {
    expect(valueXml(null)).toBe('<value><boolean>0</boolean></value>\n');
    expect(valueXml(undefined)).toBe('<value><boolean>0</boolean></value>\n');
    const xml = serializeResponse({ a: null, b: [undefined, null], c: undefined } as unknown as RpcValue);
    expect(xml).not.toContain('nil');
    expect(readBack({ a: null, b: [undefined, null] })).toEqual({ a: false, b: [false, false] });
  });

  it('writes booleans as 0/1', () => {
    expect(valueXml(true)).toBe('<value><boolean>1</boolean></value>\n');
    expect(valueXml(false)).toBe('<value><boolean>0</boolean></value>\n');
  });

  it.each([
    [0, '<int>0</int>'], [-1, '<int>-1</int>'], [2147483647, '<int>2147483647</int>'],
    [-2147483648, '<int>-2147483648</int>'], [2147483648, '<double>2147483648.0</double>'],
    [-2147483649, '<double>-2147483649.0</double>'], [Number.MAX_SAFE_INTEGER, '<double>9007199254740991.0</double>'],
    [1e21, '<double>1e+21</double>'], [2.5, '<double>2.5</double>'], [-0.1, '<double>-0.1</double>'],
    [1.5e-7, '<double>1.5e-7</double>'],
  ])('writes the number %p as %s', (n, xml) => {
    expect(valueXml(n)).toBe(`<value>${xml}</value>\n`);
  });

  it.each([
    [1, '1.0'], [0, '0.0'], [-0, '-0.0'], [0.1, '0.1'], [1 / 3, '0.3333333333333333'], [1e100, '1e+100'],
    [5e-324, '5e-324'], [NaN, 'nan'], [Infinity, 'inf'], [-Infinity, '-inf'],
  ])('writes Double(%p) as <double>%s</double> (Python float() reads it back)', (n, text) => {
    expect(valueXml(new Double(n))).toBe(`<value><double>${text}</double></value>\n`);
  });

  it('writes non-finite plain numbers the way Python does, and reads them back', () => {
    expect(valueXml(NaN)).toBe('<value><double>nan</double></value>\n');
    expect(readBack([Infinity, -Infinity])).toEqual([Infinity, -Infinity]);
    expect(readBack(NaN)).toBeNaN();
  });

  it('writes arrays and structs, empty ones included', () => {
    expect(valueXml([])).toBe('<value><array><data>\n</data></array></value>\n');
    expect(valueXml({})).toBe('<value><struct>\n</struct></value>\n');
    expect(valueXml(newStruct())).toBe('<value><struct>\n</struct></value>\n');
    const s = newStruct();
    s.__proto__ = 1;
    expect(valueXml(s)).toContain('<name>__proto__</name>');
  });

  it('writes bigints as ints or doubles', () => {
    expect(valueXml(BigInt(7))).toBe('<value><int>7</int></value>\n');
    expect(valueXml(BigInt('12345678901234567890'))).toBe('<value><double>12345678901234567890.0</double></value>\n');
  });
});

describe('text', () => {
  it('escapes &, <, > and writes CR as a character reference that survives parsing', () => {
    expect(valueXml('a&b<c>d]]>e\r\nf')).toBe('<value><string>a&amp;b&lt;c&gt;d]]&gt;e&#13;\nf</string></value>\n');
    expect(readBack('a&b<c>\r\n\r')).toBe('a&b<c>\r\n\r');
  });

  it('keeps tab and newline but strips other control characters', () => {
    const all = Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)).join('');
    expect(readBack(`[${all}]`)).toBe('[\t\n\r]');
  });

  it('strips lone surrogates and U+FFFE/U+FFFF but keeps astral characters', () => {
    expect(readBack('a\ud800b\udc00c\ud83d\ude00d\ufffee\uffff')).toBe('abc\u{1F600}de');
    expect(readBack('\ud83d')).toBe('');
  });

  it('cleans and escapes struct member names too', () => {
    expect(valueXml({ 'a<b\u0001': 1 })).toContain('<name>a&lt;b</name>');
  });

  it('writes plain text unchanged', () => {
    const text = 'Hello, world — ünïcödé 日本 🎉'.repeat(100);
    expect(readBack(text)).toBe(text);
  });
});

describe('non-RPC values', () => {
  it('writes Dates as UTC datetime strings, and an invalid Date as False', () => {
    expect(valueXml(new Date(Date.UTC(2026, 10, 27, 10, 20, 30, 999)))).toBe(
      '<value><string>2026-11-27 10:20:30</string></value>\n',
    );
    expect(valueXml(new Date(NaN))).toBe('<value><boolean>0</boolean></value>\n');
  });

  it('writes Buffers and byte arrays as base64 text', () => {
    expect(valueXml(Buffer.from('hello'))).toBe('<value><string>aGVsbG8=</string></value>\n');
    expect(valueXml(new Uint8Array([0, 255]))).toBe('<value><string>AP8=</string></value>\n');
    expect(valueXml(Buffer.from('xxhelloxx').subarray(2, 7))).toBe('<value><string>aGVsbG8=</string></value>\n');
  });

  it.each([
    ['a function', () => 1], ['a symbol', Symbol('s')], ['a Map', new Map()], ['a class instance', new (class Thing {})()],
  ])('refuses %s with a TypeError CallError', (_label, v) => {
    let err: unknown;
    try {
      serializeResponse([v] as unknown as RpcValue);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(CallError);
    expect((err as CallError).pyType).toBe('TypeError');
  });

  it('refuses cyclic values instead of overflowing the stack', () => {
    const a: unknown[] = [];
    a.push(a);
    expect(() => serializeResponse(a as RpcValue)).toThrow(CallError);
    const s: Record<string, unknown> = {};
    s.self = s;
    expect(() => serializeResponse(s as RpcValue)).toThrow(/recursive/);
  });
});
