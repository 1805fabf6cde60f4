// Python's repr() of domain values, so error messages read as OpenERP's do:
// `Invalid leaf ('name', '~~', 'x')`.
import { Double } from '../../values';

function reprString(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    if (ch === '\\') out += '\\\\';
    else if (ch === quote) out += `\\${quote}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (cp < 0x20 || cp === 0x7f) out += `\\x${cp.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return out + quote;
}

export function pyRepr(v: unknown, depth = 0): string {
  if (depth > 8) return '...';
  if (v === null || v === undefined) return 'None';
  if (v === true) return 'True';
  if (v === false) return 'False';
  if (v instanceof Double) return pyRepr(v.value, depth);
  if (typeof v === 'number') {
    if (Number.isNaN(v)) return 'nan';
    if (!Number.isFinite(v)) return v > 0 ? 'inf' : '-inf';
    return String(v);
  }
  if (typeof v === 'string') return reprString(v);
  if (Array.isArray(v)) return `[${v.map((x) => pyRepr(x, depth + 1)).join(', ')}]`;
  if (typeof v === 'object') {
    const parts = Object.keys(v).map((k) => `${reprString(k)}: ${pyRepr((v as Record<string, unknown>)[k], depth + 1)}`);
    return `{${parts.join(', ')}}`;
  }
  return reprString(String(v));
}

/** A leaf shown as the Python tuple it was on the client side. */
export function leafRepr(leaf: unknown): string {
  if (Array.isArray(leaf)) {
    const items = leaf.map((x) => pyRepr(x, 1));
    return leaf.length === 1 ? `(${items[0]},)` : `(${items.join(', ')})`;
  }
  return pyRepr(leaf);
}
