// search, search_count and search_read: the domain compiler adds the WHERE (and the implicit
// `active` filter), record rules are ANDed in, and order/offset/limit apply in SQL.
import type { Knex } from 'knex';
import { CallError } from '../../errors';
import { Double, type RpcStruct } from '../../values';
import type { CallEnv } from '../call-env';
import type { RuntimeModel } from '../registry';
import { applyDomain, applyOrder, domainContext, parseOrder } from '../domain-api';
import { checkAccess, ruleFilter } from './common';
import { readRecords } from './read';
import { pyRepr } from '../py-repr';

export interface SearchParams {
  offset?: unknown;
  limit?: unknown;
  order?: unknown;
}

/** A domain argument: a list, or False/None for "everything". */
export function asDomain(value: unknown): unknown[] {
  if (value === null || value === undefined || value === false) return [];
  if (!Array.isArray(value)) throw new CallError(`Invalid domain ${pyRepr(value)}: a domain is a list`, 'ValueError');
  return value;
}

/** offset/limit: whatever Python finds false ('', False, None, 0) means "not given" (clients
 * send `limit or False`, npm Odoo clients `offset: ''`). */
export function optionalCount(value: unknown, name: string): number | null {
  if (value === null || value === undefined || value === false || value === '') return null;
  const n = value instanceof Double ? value.value : value;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) {
    throw new CallError(`Invalid ${name} ${pyRepr(value)}: expected a non-negative integer`, 'ValueError');
  }
  return n === 0 ? null : n;
}

function optionalOrder(value: unknown): string | null {
  if (value === null || value === undefined || value === false || value === '') return null;
  if (typeof value !== 'string') throw new CallError(`Invalid order ${pyRepr(value)}`, 'ValueError');
  return value;
}

/** The filtered query, wrapped: a bare builder returned from an async function would run. */
async function baseQuery(env: CallEnv, model: RuntimeModel, domain: unknown[]): Promise<{ qb: Knex.QueryBuilder }> {
  await checkAccess(env, model, 'read');
  const t = model.table;
  const qb = env.cr(t);
  // many2one paths join their targets (one row per record): every selected column is qualified
  applyDomain(qb, model, domain, await domainContext(env, { domains: [{ model, domain }] }), t, { joins: true });
  (await ruleFilter(env, model, 'read'))(qb, t);
  return { qb };
}

/** The search's query with its order, offset and limit, selecting nothing yet. */
async function orderedQuery(env: CallEnv, model: RuntimeModel, domain: unknown, p: SearchParams): Promise<{ qb: Knex.QueryBuilder }> {
  const offset = optionalCount(p.offset, 'offset');
  const limit = optionalCount(p.limit, 'limit');
  const ctx = await domainContext(env);
  const terms = parseOrder(optionalOrder(p.order), model, ctx);
  const { qb } = await baseQuery(env, model, asDomain(domain));
  applyOrder(qb, model, terms, ctx, model.table);
  if (limit !== null) qb.limit(limit);
  if (offset !== null) qb.offset(offset);
  return { qb };
}

export async function searchIds(env: CallEnv, model: RuntimeModel, domain: unknown, p: SearchParams = {}): Promise<number[]> {
  const { qb } = await orderedQuery(env, model, domain, p);
  qb.select(`${model.table}.id`);
  const seen = new Set<number>();
  for (const row of (await qb) as { id: unknown }[]) seen.add(Number(row.id));
  return [...seen];
}

/** The number of matching records; `limit` caps the count (Odoo 17's search_count). */
export async function searchCount(env: CallEnv, model: RuntimeModel, domain: unknown, limit?: unknown): Promise<number> {
  const cap = optionalCount(limit, 'limit');
  const { qb } = await baseQuery(env, model, asDomain(domain));
  if (cap !== null) {
    qb.select(`${model.table}.id`).limit(cap);
    const row = (await env.cr.count({ n: '*' }).from(qb.as('capped')).first()) as { n: unknown };
    return Number(row.n);
  }
  // The domain's joins are many2one joins on the target's id (one row at most), so rows are records.
  const row = (await qb.count({ n: '*' }).first()) as { n: unknown };
  return Number(row.n);
}

export async function searchRead(
  env: CallEnv, model: RuntimeModel, domain: unknown, fields: unknown, p: SearchParams = {},
): Promise<RpcStruct[]> {
  const { qb } = await orderedQuery(env, model, domain, p);
  // One query for the ids and the rows: the search selects the read's columns itself.
  return readRecords(env, model, [], fields, {}, async (select) => (await qb.select(select)) as Record<string, unknown>[]);
}
