// The JSON body codec: strict UTF-8, the XML codec's limits, null-prototype structs with
// `__proto__` and `constructor` as plain keys (the same values the XML codec gives), and the
// ajv checks of the envelope and of route params.
import { parseJsonBody, parseMethodCall } from '../../../src/rpc/codec';
import { checkEnvelope, checkParams } from '../../../src/rpc/json/schemas';
import { CallError } from '../../../src/errors';
import type { RpcStruct, RpcValue } from '../../../src/values';

const LIMITS = { maxBodyBytes: 10_000, maxDepth: 4, maxElements: 50, maxStringLength: 20 };
const parse = (text: string | Buffer) => parseJsonBody(Buffer.isBuffer(text) ? text : Buffer.from(text, 'utf8'), LIMITS);
const refusal = (text: string | Buffer): string => {
  try {
    parse(text);
  } catch (err) {
    expect(err).toBeInstanceOf(CallError);
    return (err as Error).message;
  }
  throw new Error('accepted');
};
const nested = (n: number): string => `${'['.repeat(n)}1${']'.repeat(n)}`;

describe('parseJsonBody', () => {
  it('gives null-prototype structs whose __proto__ and constructor keys are data', () => {
    const v = parse('{"params":{"args":[{"__proto__":{"polluted":true},"constructor":{"prototype":1},"name":"x"}]}}') as RpcStruct;
    const arg = ((v.params as RpcStruct).args as RpcValue[])[0] as RpcStruct;
    expect(Object.getPrototypeOf(v)).toBeNull();
    expect(Object.getPrototypeOf(arg)).toBeNull();
    expect(Object.keys(arg)).toEqual(['__proto__', 'constructor', 'name']);
    expect(Object.getPrototypeOf(arg.__proto__)).toBeNull();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  // The XML codec refuses the member names __proto__, constructor and prototype outright; JSON
  // keeps them as data (Odoo's clients may send any key), in the same kind of struct.
  it('gives the same values as the XML codec for the same call', () => {
    const member = (name: string, value: string) => `<member><name>${name}</name><value>${value}</value></member>`;
    const xmlText = '<?xml version="1.0"?><methodCall><methodName>m</methodName><params><param><value><struct>'
      + member('a', '<int>1</int>') + member('b', '<string>c</string>')
      + member('list', '<array><data><value><int>1</int></value><value><string>a</string></value>'
        + '<value><boolean>1</boolean></value><value><nil/></value></data></array>')
      + '</struct></value></param></params></methodCall>';
    const xml = parseMethodCall(Buffer.from(xmlText, 'utf8')).params[0];
    const json = parse('{"a":1,"b":"c","list":[1,"a",true,null]}');
    expect(json).toEqual(xml);
    expect(Object.getPrototypeOf(json)).toBe(Object.getPrototypeOf(xml));
  });

  it.each([
    ['not JSON', '{"a":', /Invalid JSON data/],
    ['invalid UTF-8', Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]), /not valid UTF-8/],
    ['too deep', nested(LIMITS.maxDepth + 4), /nested deeper than 4/],
    ['too many values', `[${Array(60).fill(1).join(',')}]`, /More than 50 values/],
    ['a long string', `["${'x'.repeat(21)}"]`, /longer than 20/],
    ['a long key', `{"${'k'.repeat(21)}":1}`, /longer than 20/],
    ['too large', ' '.repeat(10_001), /too large/],
  ])('refuses %s', (_name, body, message) => {
    expect(refusal(body)).toMatch(message);
  });

  it('accepts the deepest nesting the limits allow, envelope levels not counted', () => {
    expect(parse(nested(LIMITS.maxDepth + 3))).toBeDefined();
  });
});

describe('the JSON-RPC schemas', () => {
  const struct = (v: unknown) => parse(JSON.stringify(v)) as RpcStruct;
  it('accept Odoo envelopes with any id and no params', () => {
    expect(() => checkEnvelope(struct({ jsonrpc: '2.0', method: 'call', params: {}, id: 7 }))).not.toThrow();
    expect(() => checkEnvelope(struct({ jsonrpc: '2.0', id: 'x' }))).not.toThrow();
  });
  it.each([
    ['params as a list', { jsonrpc: '2.0', method: 'call', params: [1], id: 1 }, /params must be object/],
    ['another JSON-RPC version', { jsonrpc: '1.0', params: {} }, /jsonrpc must be equal to constant/],
    ['an id that is an object', { id: {} }, /id must be string,number,null/],
  ])('refuse %s', (_name, body, message) => {
    expect(() => checkEnvelope(struct(body))).toThrow(message);
  });
  it('name what is wrong in route params', () => {
    expect(() => checkParams('callKw', struct({ model: 'res.partner' }))).toThrow("params: missing required argument 'method'");
    expect(() => checkParams('callKw', struct({ model: 1, method: 'read' }))).toThrow('params.model must be string');
    expect(() => checkParams('execWorkflow', struct({ model: 'm', id: 1.5, signal: 's' }))).toThrow('params.id must be integer');
    expect(() => checkParams('callKw', struct({ model: 'm', method: 'x', args: null, kwargs: false }))).not.toThrow();
  });
});
