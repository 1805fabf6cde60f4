// Leaves on a plain column (and many2one compared with ids) become SQL-shaped atoms, following
// OpenERP 7.0's __leaf_to_sql: False is NULL, booleans treat NULL as false, `in` lists with
// False also test NULL, `like` wraps the value in `%` without escaping.
import { CallError } from '../../errors';
import { closeLikePattern } from '../../db/sqlite-functions';
import type { FieldDef } from '../model-types';
import { and, cmp, FALSE, inList, isNull, not, or, TRUE } from './expr';
import { isTextType } from './fields';
import { pyRepr } from './py-repr';
import type { CmpOp, DomainExpr, Scalar } from './types';

const LIKE_OPS = new Set(['like', 'ilike', 'not like', 'not ilike', '=like', '=ilike']);
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}[ T]\d/;
const ISO_T = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/;
const NUMERIC = new Set(['integer', 'float', 'many2one']);
const INTEGER = new Set(['integer', 'many2one']);

const isIntegerColumn = (field: FieldDef) => INTEGER.has(field.type);
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
  if (typeof v === 'boolean' && NUMERIC.has(field.type)) return Number(v); // 7.0 stores int(True)
  if (typeof v !== 'string') return v;
  if (field.type === 'datetime' && DATE_ONLY.test(v)) {
    return v + (op === '<' || op === '<=' ? ' 23:59:59' : ' 00:00:00');
  }
  if (field.type === 'datetime' && ISO_T.test(v)) return v.replace('T', ' ');
  if (field.type === 'date' && DATE_TIME.test(v)) return v.slice(0, 10);
  return v;
}

/**
 * An integer column compared with a fraction: PostgreSQL would refuse the parameter, so the
 * comparison is rewritten on the nearest integers (x < 1.5 is x <= 1), as numeric SQL answers it.
 */
function integerCompare(column: string, op: CmpOp, v: number, negNull: boolean): DomainExpr {
  switch (op) {
    case '=': return FALSE;
    case '!=': return negNull ? TRUE : not(isNull(column));
    case '<': case '<=': return cmp(column, '<=', Math.floor(v));
    default: return cmp(column, '>=', Math.ceil(v));
  }
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

function lowerLike(column: string, field: FieldDef, op: string, value: unknown, negNull: boolean, trigrams?: string): DomainExpr {
  const text = pyStr(value);
  const wrap = op !== '=like' && op !== '=ilike';
  const atom: DomainExpr = {
    kind: 'like',
    column,
    pattern: closeLikePattern(wrap ? `%${text}%` : text),
    ci: op.endsWith('ilike'),
    cast: !isTextType(field),
    ...(trigrams ? { trigrams } : {}),
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
  for (const v of checked) {
    if (v === null) continue;
    const c = comparable(field, '=', v);
    // a fraction never equals an integer column, and PostgreSQL would refuse it as a parameter
    if (!(isIntegerColumn(field) && typeof c === 'number' && !Number.isInteger(c))) seen.add(c);
  }
  const list = [...seen];
  if (op === 'in') return withNull ? or(inList(column, list), isNull(column)) : inList(column, list);
  if (list.length === 0) return withNull ? not(isNull(column)) : TRUE;
  const outside = not(inList(column, list));
  return withNull ? and(outside, not(isNull(column))) : or(outside, isNull(column));
}

/**
 * Lowers `column <op> value` for a stored, non-x2many field. `op` is already normalised
 * (no `<>`, no `=?`, `in` always with a list). `trigrams`: the column's SQLite trigram table.
 */
export function lowerScalar(
  column: string, field: FieldDef, op: string, value: unknown, negNull: boolean, bad: () => Error, trigrams?: string,
): DomainExpr {
  if (LIKE_OPS.has(op)) return lowerLike(column, field, op, value, negNull, trigrams);
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
  const cv = comparable(field, cop, v);
  if (isIntegerColumn(field) && typeof cv === 'number' && !Number.isInteger(cv)) {
    return integerCompare(column, cop, cv, negNull);
  }
  const atom = cmp(column, cop, cv);
  return cop === '!=' && negNull ? or(atom, isNull(column)) : atom;
}
