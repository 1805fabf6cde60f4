// Our outbound client's side: calls we send to peer centers and the responses we read back.
import { parseMethodCall, parseMethodResponse, serializeMethodCall } from '../../../src/rpc/codec';
import { RpcValue } from '../../../src/values';
import { callError, HEAD } from './bodies';

const response = (inner: string) => Buffer.from(`${HEAD}<methodResponse>${inner}</methodResponse>`);
const fault = (members: string) => response(`<fault><value><struct>${members}</struct></value></fault>`);
const member = (name: string, inner: string) => `<member><name>${name}</name><value>${inner}</value></member>`;

describe('serializeMethodCall', () => {
  it('writes the shape xmlrpc.client sends', () => {
    expect(serializeMethodCall('login', ['db', 'admin', 'pw'])).toBe(
      '<?xml version="1.0"?>\n<methodCall>\n<methodName>login</methodName>\n<params>\n' +
      '<param>\n<value><string>db</string></value>\n</param>\n<param>\n<value><string>admin</string></value>\n</param>\n' +
      '<param>\n<value><string>pw</string></value>\n</param>\n</params>\n</methodCall>\n',
    );
  });

  it('is read back by our parser unchanged', () => {
    const params: RpcValue[] = [
      'refdb', 2, 'secret', 'helpdesk.request', 'create',
      [{ subject: 'Printer <stopped> & smoking', description: 'line 1\r\nline 2', priority: 3, ok: true, ratio: 0.5 }],
      { context: { lang: 'es_ES', tz: false } },
    ];
    const parsed = parseMethodCall(Buffer.from(serializeMethodCall('execute_kw', params)));
    expect(parsed.methodName).toBe('execute_kw');
    expect(JSON.parse(JSON.stringify(parsed.params))).toEqual(params);
  });

  it('writes a call without params', () => {
    expect(parseMethodCall(Buffer.from(serializeMethodCall('version', [])))).toEqual({ methodName: 'version', params: [] });
  });
});

describe('parseMethodResponse', () => {
  it('reads the one returned value', () => {
    expect(parseMethodResponse(response('<params><param><value><int>7</int></value></param></params>')))
      .toEqual({ ok: true, value: 7 });
  });

  it('reads integer and string faults', () => {
    expect(parseMethodResponse(fault(member('faultCode', '<int>3</int>') + member('faultString', 'Access Denied'))))
      .toEqual({ ok: false, faultCode: 3, faultString: 'Access Denied' });
    expect(parseMethodResponse(fault(member('faultString', '') + member('faultCode', 'AccessDenied'))))
      .toEqual({ ok: false, faultCode: 'AccessDenied', faultString: '' });
  });

  it.each([
    ['a fault without faultString', fault(member('faultCode', '<int>1</int>'))],
    ['a fault whose code is a struct', fault(member('faultCode', '<struct></struct>') + member('faultString', 'x'))],
    ['a fault that is not a struct', response('<fault><value>oops</value></fault>')],
    ['a response with two params', response('<params><param><value>1</value></param><param><value>2</value></param></params>')],
    ['a response with no params', response('<params></params>')],
    ['an empty response', response('')],
    ['params and a fault', response(`<params><param><value>1</value></param></params><fault><value>x</value></fault>`)],
  ])('refuses %s', (_label, body) => {
    expect(callError(() => parseMethodResponse(body)).pyType).toBe('ResponseError');
  });

  it('refuses a methodCall where a response is expected', () => {
    const body = Buffer.from(serializeMethodCall('version', []));
    expect(callError(() => parseMethodResponse(body)).message).toMatch(/expected <methodResponse>/);
  });

  it('applies the same strictness and limits as requests', () => {
    expect(callError(() => parseMethodResponse(response('<params><param><value><int>1x</int></value></param></params>'))).pyType)
      .toBe('ValueError');
    const deep = '<array><data><value>'.repeat(5) + '</value></data></array>'.repeat(5);
    expect(callError(() => parseMethodResponse(response(`<params><param><value>${deep}</value></param></params>`), { maxDepth: 4 })).message)
      .toMatch(/nested too deeply/);
  });
});
