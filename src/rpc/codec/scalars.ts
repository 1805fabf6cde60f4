// Strict lexical forms of the XML-RPC scalars. Surrounding XML whitespace (pretty-printed
// bodies) is ignored for every type but strings; anything else that is not the exact form is
// refused, never coerced: `<int>12abc</int>` is an error, not 12.
import { quote, valueError } from './codec-errors';

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;
const INTEGER = /^[+-]?[0-9]+$/;
const DECIMAL = /^[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$/;
// Python writes float('nan') and float('inf') this way; XML Schema and JS spell them NaN/INF/Infinity.
const NON_FINITE = /^([+-]?)(?:(nan)|inf|infinity)$/i;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

function isXmlSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}

/** Trims XML whitespace only (not NBSP and friends); index loops, so linear on any input. */
export function trimXmlSpace(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && isXmlSpace(text.charCodeAt(start))) start++;
  while (end > start && isXmlSpace(text.charCodeAt(end - 1))) end--;
  return start === 0 && end === text.length ? text : text.slice(start, end);
}

function parseInteger(raw: string, min: number, max: number): number {
  const text = trimXmlSpace(raw);
  if (!INTEGER.test(text)) throw valueError(`invalid literal for int() with base 10: ${quote(raw)}`);
  const n = Number(text);
  if (n < min || n > max) throw valueError(`int exceeds XML-RPC limits: ${quote(text)}`);
  return n === 0 ? 0 : n; // no -0
}

/** `<int>` and `<i4>`: 32-bit signed. */
export function parseInt32(raw: string): number {
  return parseInteger(raw, INT32_MIN, INT32_MAX);
}

/** `<i8>`: 64-bit on the wire, but only what a JS number holds exactly. */
export function parseI8(raw: string): number {
  return parseInteger(raw, Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
}

export function parseBoolean(raw: string): boolean {
  const text = trimXmlSpace(raw);
  if (text === '1') return true;
  if (text === '0') return false;
  throw valueError(`bad boolean value: ${quote(raw)}`);
}

export function parseDouble(raw: string): number {
  const text = trimXmlSpace(raw);
  if (DECIMAL.test(text)) return Number(text);
  const special = NON_FINITE.exec(text);
  if (special !== null) {
    if (special[2] !== undefined) return NaN;
    return special[1] === '-' ? -Infinity : Infinity;
  }
  throw valueError(`could not convert string to float: ${quote(raw)}`);
}

/**
 * `<base64>`: the strict alphabet with padding; line breaks and other XML whitespace are
 * allowed anywhere. Returns canonical base64 text (no whitespace, unused bits cleared).
 */
export function parseBase64(raw: string): string {
  const text = /[ \t\r\n]/.test(raw) ? raw.replace(/[ \t\r\n]+/g, '') : raw;
  if (text.length % 4 !== 0 || !BASE64.test(text)) {
    throw valueError(`invalid base64 value: ${quote(raw)}`);
  }
  if (text.length === 0) return text;
  // Only the last quantum can carry stray bits ("QR==" means the same bytes as "QQ==").
  const head = text.slice(0, -4);
  const last = Buffer.from(text.slice(-4), 'base64').toString('base64');
  return head + last;
}
