// Python-style repr of RPC values, so error texts read as OpenERP/Odoo write them
// (`Wrong value for res.partner.type: 'bogus'`, `res.partner(7,)`).
import { Double, isStruct } from '../values';

function quote(s: string): string {
  const q = s.includes("'") && !s.includes('"') ? '"' : "'";
  const body = s.replace(/\\/g, '\\\\').replace(q === "'" ? /'/g : /"/g, `\\${q}`)
    .replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t');
  return q + body + q;
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

/** `model(1, 2)` / `model(7,)`: how Odoo names a recordset in messages. */
export function recordsRepr(model: string, ids: number[]): string {
  return `${model}(${ids.join(', ')}${ids.length === 1 ? ',' : ''})`;
}
