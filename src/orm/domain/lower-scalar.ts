// Leaves on a plain column (and many2one compared with ids) become SQL-shaped atoms, following
// OpenERP 7.0's __leaf_to_sql: False is NULL, booleans treat NULL as false, `in` lists with
// False also test NULL, `like` wraps the value in `%` without escaping.
import { CallError } from '../../errors';
import { closeLikePattern } from '../../db/sqlite-functions';
import type { FieldDef } from '../define';
import { and, cmp, FALSE, inList, isNull, not, or, TRUE } from './expr';
import { isTextType } from './fields';
import { pyRepr } from './py-repr';
import type { CmpOp, DomainExpr, Scalar } from './types';

const LIKE_OPS = new Set(['like', 'ilike', 'not like', 'not ilike', '=like', '=ilike']);
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}[ T]\d/;

const isEmpty = (v: unknown) => v === null || v === undefined || v === false;

/** Python's str() of a value, as OpenERP put it between the `%` of a like pattern. */
export function pyStr(v: unknown): string {
  return typeof v === 'string' ? v : pyRepr(v);
}

/**
 * Makes a value comparable the same way on every backend. A date-only value against a datetime
 * column gets a time: 7.0 pads bounds to the start or the end of the day, and equality gets
 * midnight (what PostgreSQL does implicitly). A datetime against a date column keeps its date.
 */
function comparable(field: FieldDef, op: string, v: Scalar): Scalar {
  if (typeof v !== 'string') return v;
  if (field.type === 'datetime' && DATE_ONLY.test(v)) {
    return v + (op === '<' || op === '<=' ? ' 23:59:59' : ' 00:00:00');
  }
  if (field.type === 'date' && DATE_TIME.test(v)) return v.slice(0, 10);
  return v;
}

function checkScalar(v: unknown, bad: () => Error): Scalar | null {
  if (isEmpty(v)) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  throw bad();
}

const boolTrue = (column: string) => cmp(column, '=', true);
const boolFalse = (column: string) => or(isNull(column), cmp(column, '=', false));

function lowerBoolean(column: string, op: string, values: unknown[]): DomainExpr {
  const truth = values.map((v) => Boolean(v));
  let wantTrue = truth.includes(true);
  let wantFalse = truth.includes(false);
  if (op === '!=' || op === 'not in') {
    wantTrue = !wantTrue;
    wantFalse = !wantFalse;
  }
  if (wantTrue && wantFalse) return TRUE;
  if (wantTrue) return boolTrue(column);
  return wantFalse ? boolFalse(column) : FALSE;
}

function lowerLike(column: string, field: FieldDef, op: string, value: unknown, negNull: boolean): DomainExpr {
  const text = pyStr(value);
  const wrap = op !== '=like' && op !== '=ilike';
  const atom: DomainExpr = {
    kind: 'like',
    column,
    pattern: closeLikePattern(wrap ? `%${text}%` : text),
    ci: op.endsWith('ilike'),
    cast: !isTextType(field),
  };
  if (!wrap) return atom;
  // an empty value matches everything, empty fields included (7.0)
  if (op === 'like' || op === 'ilike') return text === '' ? or(atom, isNull(column)) : atom;
  return negNull || text === '' ? or(not(atom), isNull(column)) : not(atom);
}

function lowerIn(column: string, field: FieldDef, op: string, values: unknown[], bad: () => Error): DomainExpr {
  const checked = values.map((v) => checkScalar(v, bad));
  const withNull = checked.includes(null);
  const seen = new Set<Scalar>();
  for (const v of checked) if (v !== null) seen.add(comparable(field, '=', v));
  const list = [...seen];
  if (op === 'in') return withNull ? or(inList(column, list), isNull(column)) : inList(column, list);
  if (list.length === 0) return withNull ? not(isNull(column)) : TRUE;
  const outside = not(inList(column, list));
  return withNull ? and(outside, not(isNull(column))) : or(outside, isNull(column));
}

/**
 * Lowers `column <op> value` for a stored, non-x2many field. `op` is already normalised
 * (no `<>`, no `=?`, `in` always with a list).
 */
export function lowerScalar(
  column: string, field: FieldDef, op: string, value: unknown, negNull: boolean, bad: () => Error,
): DomainExpr {
  if (LIKE_OPS.has(op)) return lowerLike(column, field, op, value, negNull);
  if (op === 'in' || op === 'not in') {
    const values = value as unknown[];
    if (field.type === 'boolean') return lowerBoolean(column, op, values.map((v) => checkScalar(v, bad)));
    return lowerIn(column, field, op, values, bad);
  }
  const v = checkScalar(value, bad);
  if (field.type === 'boolean' && (op === '=' || op === '!=')) return lowerBoolean(column, op, [v]);
  if (v === null) {
    if (op === '=') return isNull(column);
    if (op === '!=') return not(isNull(column));
    return FALSE; // an order comparison with NULL is never true
  }
  const cop = op as CmpOp;
  if (!['=', '!=', '<', '<=', '>', '>='].includes(cop)) throw new CallError(`Unsupported operator ${op}`);
  const atom = cmp(column, cop, comparable(field, cop, v));
  return cop === '!=' && negNull ? or(atom, isNull(column)) : atom;
}
