// Domains on knex queries: parse, compile for the context's backend, add as one WHERE clause.
import type { Knex } from 'knex';
import { compileDomain } from './compile-sql';
import { parseDomain, parseRuleDomain } from './parse';
import type { DomainContext, DomainExpr, DomainModel } from './types';

function addWhere(qb: Knex.QueryBuilder, expr: DomainExpr, alias: string, ctx: DomainContext): Knex.QueryBuilder {
  if (expr.kind === 'const' && expr.value) return qb;
  const { sql, bindings } = compileDomain(expr, alias, ctx.backend);
  return qb.whereRaw(sql, bindings);
}

/**
 * Adds the domain (with the implicit `active` filter) to a query over `model`'s table, aliased
 * `alias` (default: the table name). Record rules of the model itself are not added here.
 */
export function applyDomain(
  qb: Knex.QueryBuilder, model: DomainModel, raw: unknown, ctx: DomainContext, alias?: string,
): Knex.QueryBuilder {
  return addWhere(qb, parseDomain(raw, model, ctx), alias ?? model.table, ctx);
}

/** Adds a record-rule domain: no implicit `active` filter, no rules inside its sub-searches. */
export function applyRuleDomain(
  qb: Knex.QueryBuilder, model: DomainModel, raw: unknown, ctx: DomainContext, alias?: string,
): Knex.QueryBuilder {
  return addWhere(qb, parseRuleDomain(raw, model, ctx), alias ?? model.table, ctx);
}
