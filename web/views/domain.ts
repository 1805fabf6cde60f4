// Domains evaluated against a record being edited (attrs, states, tree colours): Polish-notation
// '&', '|', '!' over [field, operator, value] leaves, as OpenERP's client evaluates them.
import { parsePyLiteral, type PyValue } from './py-literal';

export type Values = Record<string, unknown>;

/** The comparable value of a field: a many2one's id, an x2many's ids, else the value itself. */
function plain(v: unknown): unknown {
  if (Array.isArray(v) && v.length === 2 && typeof v[0] === 'number' && typeof v[1] === 'string') return v[0];
  return v;
}

function leafMatches(values: Values, leaf: PyValue[]): boolean {
  const [field, op, expected] = leaf as [string, string, PyValue];
  const actual = plain(values[field]);
  const list = Array.isArray(expected) ? expected : [expected];
  switch (op) {
    case '=': case '==': return actual === expected || (expected === false && (actual === null || actual === undefined || actual === false));
    case '!=': case '<>': return !leafMatches(values, [field, '=', expected]);
    case 'in': return list.some((e) => e === actual);
    case 'not in': return !list.some((e) => e === actual);
    case '<': return (actual as number) < (expected as number);
    case '>': return (actual as number) > (expected as number);
    case '<=': return (actual as number) <= (expected as number);
    case '>=': return (actual as number) >= (expected as number);
    default: throw new Error(`Unsupported operator ${op}`);
  }
}

/** True when `values` satisfy the domain (a parsed list or its Python text). */
export function matchDomain(domain: PyValue | string, values: Values): boolean {
  const items = (typeof domain === 'string' ? parsePyLiteral(domain) : domain) as PyValue[];
  let pos = 0;
  const next = (): boolean => {
    const item = items[pos++];
    if (item === '!') return !next();
    if (item === '&') { const a = next(); const b = next(); return a && b; }
    if (item === '|') { const a = next(); const b = next(); return a || b; }
    return leafMatches(values, item as PyValue[]);
  };
  let result = true;
  while (pos < items.length) result = next() && result;
  return result;
}

/** A tree view's `colors` ("grey:state in ('a','b');blue:state=='draft'") as (colour, test) pairs. */
export function parseColors(colors: string | undefined): { color: string; test: (v: Values) => boolean }[] {
  if (!colors) return [];
  return colors.split(';').filter((s) => s.trim()).map((part) => {
    const at = part.indexOf(':');
    const color = part.slice(0, at).trim();
    const m = /^\s*(\w+)\s*(not in|in|==|!=|<=|>=|<|>)\s*(.+)$/.exec(part.slice(at + 1));
    if (!m) throw new Error(`Cannot read the colour rule ${part}`);
    const leaf: PyValue[] = [m[1], m[2], parsePyLiteral(m[3].trim())];
    return { color, test: (v: Values) => leafMatches(v, leaf) };
  });
}
