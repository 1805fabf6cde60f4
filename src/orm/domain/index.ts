// The domain language: OpenERP search domains and order strings, compiled to knex queries.
//
// API (what the records service calls):
//   parseDomain(raw: unknown, model: DomainModel, ctx: DomainParseContext): DomainExpr
//       validates (CallError "Invalid leaf ...", "Invalid field '<f>' in leaf ..."), adds the
//       implicit '&', pushes '!' down, resolves fields, dotted paths and names, and adds the
//       implicit ('active', '=', True) when the model has `active`, ctx.activeTest is on and no
//       leaf names `active`. Non-stored computed fields are ignored (TRUE), as in 7.0.
//   applyDomain(qb: Knex.QueryBuilder, model, raw: unknown, ctx: DomainContext, alias?: string, opts?): Knex.QueryBuilder
//       adds the parsed domain as one WHERE (values always bound) for rows aliased `alias`
//       (default model.table). With opts.joins, many2one tests outside any NOT become LEFT JOINs
//       (aliases `_j<n>`, one per path; LATERAL lookups on PostgreSQL) instead of sub-queries: then
//       select qualified columns. ctx.ruleDomain(model) is ANDed into every sub-search (dotted
//       paths, name look-ups, child_of), not into the main query: apply the model's own rules
//       with applyRuleDomain.
//   applyRuleDomain(qb, model, raw: unknown, ctx: DomainContext, alias?: string): Knex.QueryBuilder
//       a record-rule domain: no implicit active filter, no rules inside its own sub-searches.
//   evaluateDomain(raw: unknown, model, ctx: DomainParseContext, data: InMemoryData): number[]
//       the reference semantics over in-memory rows (sorted ids); tests compare it with SQL.
//   parseOrder(order: string | null | undefined, model, ctx?): OrderTerm[]
//       7.0 grammar plus NULLS FIRST/LAST; empty means model.order. Bad syntax: UserError
//       'Invalid "order" specified. ...'; unknown field: CallError "Sorting field <f> not found
//       on model <m>" (ValueError); x2many and non-stored fields are dropped silently.
//   applyOrder(qb, model, terms: OrderTerm[], ctx: Pick<DomainContext, 'getModel'>, alias?: string): Knex.QueryBuilder
//   orderClauses(qb, model, terms, ctx, alias?): string[]   (the same terms as SQL, for a window's ORDER BY)
//       ORDER BY with NULLs last ascending / first descending on both backends; a many2one sorts
//       by its target's order through a LEFT JOIN (aliases `<alias>__<field>`), so select
//       qualified columns (`<alias>.id`). Text sorts by the database's collation.
//   parseRuleDomain(raw, model, ctx): DomainExpr  (the rule-domain flavour of parseDomain)
//   compileDomain(expr: DomainExpr, alias: string, backend, joins?: JoinScope): { sql, bindings }
//       (for raw SQL; with a JoinScope the caller adds its joins.sql() to the FROM)
//   modelsSearched(raw: unknown, model, ctx: DomainParseContext): string[]
//       the models whose rules ctx.ruleDomain will be asked for (sub-search targets, related
//       paths included), to fetch them before compiling (ruleDomain is synchronous).
//
// SQLite connections need installSqliteFunctions (src/db/sqlite-functions.ts) in their pool's
// afterCreate: like/ilike compile to unicode_like() there.
export { applyDomain, applyRuleDomain } from './apply';
export { compileDomain, JoinScope, type CompiledSql } from './compile-sql';
export type { ApplyOptions } from './apply';
export { evaluateDomain } from './evaluate';
export { applyOrder, badOrder, orderClauses, parseOrder } from './order';
export { modelsSearched, parseDomain, parseRuleDomain } from './parse';
export type {
  CmpOp, DomainContext, DomainExpr, DomainModel, DomainParseContext, IdSet, InMemoryData, LinkSpec, OrderTerm, Scalar,
} from './types';
