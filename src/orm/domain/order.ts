// `order` strings: 7.0's grammar (`field [asc|desc], ...`, names optionally double-quoted) plus
// Odoo 17's `NULLS FIRST/LAST`, checked against the model, then turned into ORDER BY with joins
// for many2one fields. NULLs sort as PostgreSQL sorts them, on every backend.
import type { Knex } from 'knex';
import { CallError, UserError } from '../../errors';
import { col, comodelOf, findField, isStored, isX2many, quoteId } from './fields';
import { fieldType } from '../fields';
import type { DomainContext, DomainModel, DomainParseContext, OrderTerm } from './types';

export const BAD_ORDER =
  'Invalid "order" specified. A valid "order" specification is a comma-separated list of valid field names '
  + '(optionally followed by asc/desc for the direction)';

/** A malformed order is the caller's mistake, as in Odoo (7.0 called it an access error). */
export function badOrder(): UserError {
  return new UserError(BAD_ORDER);
}

const NAME = /^[A-Za-z0-9_]+$/;
const QUOTED = /^"[A-Za-z0-9_]+"$/;
const LOG_COLUMNS = new Set(['id', 'create_uid', 'create_date', 'write_uid', 'write_date']);

function parseTerm(part: string): OrderTerm {
  const words = part.trim().split(/ +/);
  let field = words[0] ?? '';
  if (QUOTED.test(field)) field = field.slice(1, -1);
  else if (!NAME.test(field)) throw badOrder();
  const rest = words.slice(1).map((w) => w.toLowerCase());
  let direction: OrderTerm['direction'] = 'asc';
  if (rest[0] === 'asc' || rest[0] === 'desc') direction = rest.shift() as OrderTerm['direction'];
  let nulls: OrderTerm['nulls'] = null;
  if (rest.length === 2 && rest[0] === 'nulls' && (rest[1] === 'first' || rest[1] === 'last')) {
    nulls = rest[1];
    rest.length = 0;
  }
  if (rest.length) throw badOrder();
  return { field, direction, nulls };
}

/**
 * Validates an order specification. Empty (null, undefined, '') means the model's own order.
 * Fields that cannot be sorted on (x2many, non-stored) are dropped silently, as in 7.0;
 * unknown fields are refused.
 */
export function parseOrder(
  order: string | null | undefined, model: DomainModel, ctx?: Pick<DomainParseContext, 'checkField'>,
): OrderTerm[] {
  const spec = order === null || order === undefined || order === '' ? model.order || 'id' : order;
  if (typeof spec !== 'string') throw badOrder();
  // the whole string is checked before any field is looked up, as 7.0's _check_qorder does
  const parsed = spec.split(',').map((part) => {
    if (part.trim() === '') throw badOrder();
    return parseTerm(part);
  });
  const terms: OrderTerm[] = [];
  for (const term of parsed) {
    const field = findField(model, term.field);
    if (!field) throw new CallError(`Sorting field ${term.field} not found on model ${model.name}`);
    ctx?.checkField?.(model.name, term.field);
    if (isX2many(field) || !isStored(field)) continue;
    terms.push(term);
  }
  return terms;
}

/** PostgreSQL's alias limit is 63 bytes; longer join paths get a numbered alias instead. */
function joinAlias(alias: string, field: string, taken: Map<string, string>): { name: string; fresh: boolean } {
  const key = `${alias}.${field}`;
  const known = taken.get(key);
  if (known) return { name: known, fresh: false };
  const natural = `${alias}__${field}`;
  const name = natural.length <= 63 ? natural : `_o${taken.size + 1}`;
  taken.set(key, name);
  return { name, fresh: true };
}

interface OrderState {
  qb: Knex.QueryBuilder;
  ctx: Pick<DomainContext, 'getModel'>;
  joins: Map<string, string>;
  clauses: string[];
}

function emit(
  st: OrderState, model: DomainModel, alias: string, field: string,
  direction: 'asc' | 'desc', nulls: OrderTerm['nulls'], chain: string[],
): void {
  const def = findField(model, field);
  if (!def) throw new CallError(`Sorting field ${field} not found on model ${model.name}`);
  if (fieldType(def).holdsId && !LOG_COLUMNS.has(field)) {
    const target = comodelOf(def, st.ctx.getModel);
    // a model met again on the path sorts on the raw id, which ends the recursion
    if (!chain.includes(target.name)) {
      const { name: j, fresh } = joinAlias(alias, field, st.joins);
      if (fresh) st.qb.joinRaw(`LEFT JOIN ${quoteId(target.table)} AS ${quoteId(j)} ON ${col(j, 'id')} = ${col(alias, field)}`);
      for (const t of parseOrder(target.order, target)) {
        const dir = direction === 'desc' ? (t.direction === 'asc' ? 'desc' : 'asc') : t.direction;
        const inner = t.nulls && direction === 'desc' ? (t.nulls === 'first' ? 'last' : 'first') : t.nulls;
        emit(st, target, j, t.field, dir, nulls ?? inner, [...chain, target.name]);
      }
      return;
    }
  }
  const n = nulls ?? (direction === 'asc' ? 'last' : 'first');
  st.clauses.push(`${col(alias, field)} ${direction.toUpperCase()} NULLS ${n.toUpperCase()}`);
}

/**
 * Adds ORDER BY for validated terms. A many2one sorts by its target's own order through a LEFT
 * JOIN (one row per record, so no DISTINCT is needed); a descending many2one reverses the
 * target's directions. NULLs come last ascending and first descending unless the term says.
 */
export function applyOrder(
  qb: Knex.QueryBuilder, model: DomainModel, terms: OrderTerm[], ctx: Pick<DomainContext, 'getModel'>, alias?: string,
): Knex.QueryBuilder {
  for (const c of orderClauses(qb, model, terms, ctx, alias)) qb.orderByRaw(c);
  return qb;
}

/**
 * The ORDER BY terms of validated terms as SQL (`col ASC NULLS LAST`...), the joins they need
 * added to `qb`: for an order used elsewhere than the query's own ORDER BY (a window's).
 */
export function orderClauses(
  qb: Knex.QueryBuilder, model: DomainModel, terms: OrderTerm[], ctx: Pick<DomainContext, 'getModel'>, alias?: string,
): string[] {
  const st: OrderState = { qb, ctx, joins: new Map(), clauses: [] };
  for (const t of terms) emit(st, model, alias ?? model.table, t.field, t.direction, t.nulls, [model.name]);
  return st.clauses;
}
