// Writes XML-RPC documents in the exact shape Odoo sends (xmlrpc.client's marshaller wrapped
// in Odoo's envelope). Never `<nil/>`: null and undefined go out as False (PROTOCOL Decision 4).
import { CallError } from '../../errors';
import { Double, RpcValue } from '../../values';
import { formatDouble, xmlText } from './text-out';

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;
// Far deeper than any parsed value can be; past it the value is taken to be cyclic.
const MAX_OUTPUT_DEPTH = 1000;
const XML_HEAD = '<?xml version="1.0"?>\n';

// Built by string concatenation (V8 joins the pieces once, when the text is first read), which
// costs less per value than pushing pieces to an array and joining it.

export function serializeResponse(value: RpcValue | undefined): string {
  return `${XML_HEAD}<methodResponse>\n<params>\n<param>\n${valueXml(value, 0)}</param>\n</params>\n\n</methodResponse>\n`;
}

export function serializeFault(code: number | string, message: string): string {
  return `${XML_HEAD}<methodResponse>\n<fault>\n<value><struct>\n<member>\n<name>faultCode</name>\n${valueXml(code, 0)}`
    + `</member>\n<member>\n<name>faultString</name>\n${valueXml(message, 0)}`
    + '</member>\n</struct></value>\n</fault>\n\n</methodResponse>\n';
}

export function serializeMethodCall(methodName: string, params: RpcValue[]): string {
  let out = `${XML_HEAD}<methodCall>\n<methodName>${xmlText(methodName)}</methodName>\n<params>\n`;
  for (const p of params) out += `<param>\n${valueXml(p, 0)}</param>\n`;
  return `${out}</params>\n</methodCall>\n`;
}

const FALSE_XML = '<value><boolean>0</boolean></value>\n';
const TRUE_XML = '<value><boolean>1</boolean></value>\n';

/** One `<value>...</value>\n` element. */
export function valueXml(v: unknown, depth: number): string {
  switch (typeof v) {
    case 'string':
      return `<value><string>${xmlText(v)}</string></value>\n`;
    case 'number':
      return numberXml(v);
    case 'boolean':
      return v ? TRUE_XML : FALSE_XML;
    case 'undefined':
      return FALSE_XML;
    case 'bigint':
      if (v >= INT32_MIN && v <= INT32_MAX) return `<value><int>${String(v)}</int></value>\n`;
      return `<value><double>${String(v)}.0</double></value>\n`;
    case 'object':
      return objectXml(v, depth);
    default:
      throw new CallError(`cannot marshal ${typeof v} objects`, 'TypeError');
  }
}

function numberXml(n: number): string {
  if (Number.isInteger(n) && n >= INT32_MIN && n <= INT32_MAX) return `<value><int>${String(n)}</int></value>\n`;
  // OpenERP cannot send ints beyond 32 bits; Odoo clients expect a float then.
  return `<value><double>${formatDouble(n)}</double></value>\n`;
}

function objectXml(v: object | null, depth: number): string {
  if (v === null) return FALSE_XML;
  if (depth >= MAX_OUTPUT_DEPTH) {
    throw new CallError('cannot marshal recursive or too deeply nested values', 'TypeError');
  }
  if (Array.isArray(v)) {
    let out = '<value><array><data>\n';
    for (let i = 0; i < v.length; i++) out += valueXml(v[i], depth + 1);
    return `${out}</data></array></value>\n`;
  }
  if (v instanceof Double) return `<value><double>${formatDouble(v.value)}</double></value>\n`;
  const proto: unknown = Object.getPrototypeOf(v);
  if (proto === Object.prototype || proto === null) return structXml(v as Record<string, unknown>, depth);
  if (v instanceof Date) return valueXml(formatDate(v), depth);
  if (v instanceof Uint8Array) {
    return valueXml(Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('base64'), depth);
  }
  throw new CallError(`cannot marshal ${v.constructor?.name ?? 'unknown'} objects`, 'TypeError');
}

function structXml(v: Record<string, unknown>, depth: number): string {
  let out = '<value><struct>\n';
  for (const key of Object.keys(v)) {
    out += `<member>\n<name>${xmlText(key)}</name>\n${valueXml(v[key], depth + 1)}</member>\n`;
  }
  return `${out}</struct></value>\n`;
}

/** A Date as the server's UTC datetime string; an invalid Date is no value (False). */
function formatDate(d: Date): string | null {
  const t = d.getTime();
  if (Number.isNaN(t)) return null;
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${p(d.getUTCFullYear(), 4)}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ` +
    `${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`;
}
