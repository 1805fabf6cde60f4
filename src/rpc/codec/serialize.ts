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

export function serializeResponse(value: RpcValue | undefined): string {
  const out: string[] = [XML_HEAD, '<methodResponse>\n<params>\n<param>\n'];
  writeValue(out, value, 0);
  out.push('</param>\n</params>\n\n</methodResponse>\n');
  return out.join('');
}

export function serializeFault(code: number | string, message: string): string {
  const out: string[] = [XML_HEAD, '<methodResponse>\n<fault>\n<value><struct>\n'];
  out.push('<member>\n<name>faultCode</name>\n');
  writeValue(out, code, 0);
  out.push('</member>\n<member>\n<name>faultString</name>\n');
  writeValue(out, message, 0);
  out.push('</member>\n</struct></value>\n</fault>\n\n</methodResponse>\n');
  return out.join('');
}

export function serializeMethodCall(methodName: string, params: RpcValue[]): string {
  const out: string[] = [XML_HEAD, '<methodCall>\n<methodName>', xmlText(methodName), '</methodName>\n<params>\n'];
  for (const p of params) {
    out.push('<param>\n');
    writeValue(out, p, 0);
    out.push('</param>\n');
  }
  out.push('</params>\n</methodCall>\n');
  return out.join('');
}

/** One `<value>...</value>\n` element, appended to `out`. */
export function writeValue(out: string[], v: unknown, depth: number): void {
  switch (typeof v) {
    case 'string':
      out.push('<value><string>', xmlText(v), '</string></value>\n');
      return;
    case 'number':
      writeNumber(out, v);
      return;
    case 'boolean':
      out.push(v ? '<value><boolean>1</boolean></value>\n' : '<value><boolean>0</boolean></value>\n');
      return;
    case 'undefined':
      out.push('<value><boolean>0</boolean></value>\n');
      return;
    case 'bigint':
      if (v >= INT32_MIN && v <= INT32_MAX) out.push('<value><int>', String(v), '</int></value>\n');
      else out.push('<value><double>', String(v), '.0</double></value>\n');
      return;
    case 'object':
      writeObject(out, v, depth);
      return;
    default:
      throw new CallError(`cannot marshal ${typeof v} objects`, 'TypeError');
  }
}

function writeNumber(out: string[], n: number): void {
  if (Number.isInteger(n) && n >= INT32_MIN && n <= INT32_MAX) {
    out.push('<value><int>', String(n), '</int></value>\n');
  } else {
    // OpenERP cannot send ints beyond 32 bits; Odoo clients expect a float then.
    out.push('<value><double>', formatDouble(n), '</double></value>\n');
  }
}

function writeObject(out: string[], v: object | null, depth: number): void {
  if (v === null) {
    out.push('<value><boolean>0</boolean></value>\n');
    return;
  }
  if (depth >= MAX_OUTPUT_DEPTH) {
    throw new CallError('cannot marshal recursive or too deeply nested values', 'TypeError');
  }
  if (Array.isArray(v)) {
    out.push('<value><array><data>\n');
    for (let i = 0; i < v.length; i++) writeValue(out, v[i], depth + 1);
    out.push('</data></array></value>\n');
    return;
  }
  if (v instanceof Double) {
    out.push('<value><double>', formatDouble(v.value), '</double></value>\n');
    return;
  }
  const proto: unknown = Object.getPrototypeOf(v);
  if (proto === Object.prototype || proto === null) {
    writeStruct(out, v as Record<string, unknown>, depth);
  } else if (v instanceof Date) {
    writeValue(out, formatDate(v), depth);
  } else if (v instanceof Uint8Array) {
    writeValue(out, Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('base64'), depth);
  } else {
    throw new CallError(`cannot marshal ${v.constructor?.name ?? 'unknown'} objects`, 'TypeError');
  }
}

function writeStruct(out: string[], v: Record<string, unknown>, depth: number): void {
  out.push('<value><struct>\n');
  for (const key of Object.keys(v)) {
    out.push('<member>\n<name>', xmlText(key), '</name>\n');
    writeValue(out, v[key], depth + 1);
    out.push('</member>\n');
  }
  out.push('</struct></value>\n');
}

/** A Date as the server's UTC datetime string; an invalid Date is no value (False). */
function formatDate(d: Date): string | null {
  const t = d.getTime();
  if (Number.isNaN(t)) return null;
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${p(d.getUTCFullYear(), 4)}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ` +
    `${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`;
}
