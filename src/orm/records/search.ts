// search, search_count and search_read: the domain compiler adds the WHERE (and the implicit
// `active` filter), record rules are ANDed in, and order/offset/limit apply in SQL.
import type { Knex } from 'knex';
import { CallError } from '../../errors';
import { Double, type RpcStruct } from '../../values';
import type { CallEnv } from '../call-env';
import type { RuntimeModel } from '../registry';
import { applyDomain, applyOrder, domainContext, parseOrder, type DomainContext, type OrderTerm } from '../domain-api';
import { checkAccess } from './common';
import { readRecords } from './read';
import { ruleStep, selectRows } from './statements';
import { pyRepr } from '../py-repr';
import { shapeKey } from '../shape-key';

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

/** A search's statement: its checks done, the shape it is kept under and how to build it. */
interface SearchStatement {
  shape: string | null;
  build(): Promise<{ qb: Knex.QueryBuilder }>;
}

/**
 * The filtered query (domain, implicit `active`, rules), ordered and paged when `p` is given.
 * Checks run in 7.0's order: offset, limit and order first, then access and the domain.
 */
async function searchStatement(env: CallEnv, model: RuntimeModel, domainArg: unknown, p: SearchParams | null): Promise<SearchStatement> {
  const offset = p ? optionalCount(p.offset, 'offset') : null;
  const limit = p ? optionalCount(p.limit, 'limit') : null;
  let terms: OrderTerm[] = [];
  let orderCtx: DomainContext | null = null;
  let order = '';
  if (p) {
    orderCtx = await domainContext(env);
    const given = optionalOrder(p.order);
    terms = parseOrder(given, model, orderCtx);
    order = given ?? '';
  }
  const domain = asDomain(domainArg);
  await checkAccess(env, model, 'read');
  const t = model.table;
  const ctx = await domainContext(env, { domains: [{ model, domain }] });
  const rules = await ruleStep(env, model, 'read');
  const domainShape = shapeKey(domain);
  const shape = domainShape === null || ctx.shape === undefined || rules.shape === null ? null
    : `search:${model.name}:${domainShape}:${ctx.shape}:${rules.shape}:${p ? `${JSON.stringify(order)}:${limit}:${offset}` : ''}`;
  return {
    shape,
    async build() {
      const qb = env.cr(t);
      // many2one paths join their targets (one row per record): every selected column is qualified
      applyDomain(qb, model, domain, ctx, t, { joins: true });
      await rules.apply(qb, t);
      if (orderCtx) applyOrder(qb, model, terms, orderCtx, t);
      if (limit !== null) qb.limit(limit);
      if (offset !== null) qb.offset(offset);
      return { qb };
    },
  };
}

export async function searchIds(env: CallEnv, model: RuntimeModel, domain: unknown, p: SearchParams = {}): Promise<number[]> {
  const st = await searchStatement(env, model, domain, p);
  const rows = await selectRows<{ id: unknown }>(env, st.shape === null ? null : `${st.shape}:ids-only`, async () => {
    const { qb } = await st.build();
    return { qb: qb.select(`${model.table}.id`) };
  }, []);
  const seen = new Set<number>();
  for (const row of rows) seen.add(Number(row.id));
  return [...seen];
}

/** The number of matching records; `limit` caps the count (Odoo 17's search_count). */
export async function searchCount(env: CallEnv, model: RuntimeModel, domain: unknown, limit?: unknown): Promise<number> {
  const cap = optionalCount(limit, 'limit');
  const { qb } = await (await searchStatement(env, model, domain, null)).build();
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
  const st = await searchStatement(env, model, domain, p);
  // One query for the ids and the rows: the search selects the read's columns itself.
  return readRecords(env, model, [], fields, {}, (select) => selectRows(env, st.shape === null ? null : `${st.shape}:cols=${select.shape}`, async () => {
    const { qb } = await st.build();
    select.addTo(qb);
    return { qb };
  }, []));
}
