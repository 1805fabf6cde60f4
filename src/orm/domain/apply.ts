// Domains on knex queries: parse, compile for the context's backend, add as one WHERE clause.
import type { Knex } from 'knex';
import { compileDomain, JoinScope } from './compile-sql';
import { parseDomain, parseRuleDomain } from './parse';
import type { DomainContext, DomainExpr, DomainModel } from './types';

export interface ApplyOptions {
  /**
   * Let many2one tests join their targets (LEFT JOIN, at most one row per record) instead of
   * sub-queries. Only for a SELECT whose columns are all qualified by their table or alias:
   * a joined table may have columns of the same names.
   */
  joins?: boolean;
}

/** The joins already added to a query, so that a second domain on it reuses them. */
const scopes = new WeakMap<Knex.QueryBuilder, JoinScope>();

function scopeOf(qb: Knex.QueryBuilder, backend: DomainContext['backend']): JoinScope {
  let scope = scopes.get(qb);
  if (!scope) {
    let n = 0;
    scope = new JoinScope(() => `_j${++n}`, backend === 'pg');
    scopes.set(qb, scope);
  }
  return scope;
}

function addWhere(qb: Knex.QueryBuilder, expr: DomainExpr, alias: string, ctx: DomainContext, opts: ApplyOptions): Knex.QueryBuilder {
  if (expr.kind === 'const' && expr.value) return qb;
  const scope = opts.joins ? scopeOf(qb, ctx.backend) : undefined;
  const { sql, bindings } = compileDomain(expr, alias, ctx.backend, scope);
  for (const clause of scope?.added() ?? []) qb.joinRaw(clause);
  return qb.whereRaw(sql, bindings);
}

/**
 * Adds the domain (with the implicit `active` filter) to a query over `model`'s table, aliased
 * `alias` (default: the table name). Record rules of the model itself are not added here.
 */
export function applyDomain(
  qb: Knex.QueryBuilder, model: DomainModel, raw: unknown, ctx: DomainContext, alias?: string, opts: ApplyOptions = {},
): Knex.QueryBuilder {
  return addWhere(qb, parseDomain(raw, model, ctx), alias ?? model.table, ctx, opts);
}

/** Adds a record-rule domain: no implicit `active` filter, no rules inside its sub-searches. */
export function applyRuleDomain(
  qb: Knex.QueryBuilder, model: DomainModel, raw: unknown, ctx: DomainContext, alias?: string, opts: ApplyOptions = {},
): Knex.QueryBuilder {
  return addWhere(qb, parseRuleDomain(raw, model, ctx), alias ?? model.table, ctx, opts);
}
