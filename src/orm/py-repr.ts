// Python-style repr of RPC values, so error texts read as OpenERP/Odoo write them
// (`Wrong value for res.partner.type: 'bogus'`, `res.partner(7,)`).
import { Double, isStruct } from '../values';

function quote(s: string): string {
  const q = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = q;
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    if (ch === '\\') out += '\\\\';
    else if (ch === q) out += `\\${q}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (cp < 0x20 || cp === 0x7f) out += `\\x${cp.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return out + q;
}

function num(n: number, asFloat: boolean): string {
  if (Number.isNaN(n)) return 'nan';
  if (!Number.isFinite(n)) return n > 0 ? 'inf' : '-inf';
  if (asFloat && Number.isInteger(n)) return `${n}.0`;
  return String(n);
}

/** repr() of a value as Python would print it; long strings are cut so messages stay short. */
export function pyRepr(v: unknown, max = 200): string {
  const out = reprInner(v, 0);
  return out.length > max ? `${out.slice(0, max)}...` : out;
}

function reprInner(v: unknown, depth: number): string {
  if (v === null || v === undefined) return 'None';
  if (v === true) return 'True';
  if (v === false) return 'False';
  if (typeof v === 'string') return quote(v);
  if (typeof v === 'number') return num(v, false);
  if (typeof v === 'bigint') return v.toString();
  if (v instanceof Double) return num(v.value, true);
  if (depth > 8) return '...';
  if (Array.isArray(v)) return `[${v.map((x) => reprInner(x, depth + 1)).join(', ')}]`;
  if (isStruct(v)) {
    const items = Object.keys(v).map((k) => `${quote(k)}: ${reprInner(v[k], depth + 1)}`);
    return `{${items.join(', ')}}`;
  }
  return quote(String(v));
}

/** A domain leaf shown as the Python tuple it was on the client side: `('name', '~~', 'x')`. */
export function leafRepr(leaf: unknown): string {
  if (Array.isArray(leaf)) {
    const items = leaf.map((x) => reprInner(x, 1));
    return leaf.length === 1 ? `(${items[0]},)` : `(${items.join(', ')})`;
  }
  return pyRepr(leaf);
}

/** `model(1, 2)` / `model(7,)`: how Odoo names a recordset in messages. */
export function recordsRepr(model: string, ids: number[]): string {
  return `${model}(${ids.join(', ')}${ids.length === 1 ? ',' : ''})`;
}
