// read_group: one GROUP BY query (plus one name query per many2one groupby). Groups carry the
// groupby values as read shows them, `<field>_count` (lazy) or `__count`, sums of numeric
// fields, `__domain` selecting the group's records, and `__context` for the next groupbys.
import type { Knex } from 'knex';
import { Double, newStruct, type RpcStruct, type RpcValue } from '../../values';
import type { CallEnv } from '../call-env';
import type { RuntimeModel } from '../registry';
import { applyDomain, domainContext, parseOrder, type OrderTerm } from '../domain-api';
import { fieldType } from '../fields';
import { langOf } from '../labels';
import { checkAccess, fieldAccessError, fieldAllowed, ruleFilter } from './common';
import { asDomain, optionalCount } from './search';
import { displayNames } from './read-relations';
import { readRecords } from './read';
import { periodEnd, periodLabel, truncateSql } from './read-group-dates';
import { parseAggregates, parseGroupbys, parseGroupOrder, type GroupSpec, type OrderKey } from './read-group-spec';

export interface ReadGroupParams {
  domain?: unknown;
  fields?: unknown;
  groupby?: unknown;
  offset?: unknown;
  limit?: unknown;
  orderby?: unknown;
  lazy?: unknown;
}

/** The grouped expression; it holds identifiers only (no bound values), so pg can match it. */
function groupExpr(env: CallEnv, model: RuntimeModel, g: GroupSpec): Knex.Raw {
  const col = `${model.table}.${g.field.name}`;
  if (g.granularity) return truncateSql(env.cr, env.backend, col, g.granularity);
  return env.cr.raw(fieldType(g.field).groupSql(env.backend) ?? '??', [col]);
}

/** Orders NULL after values ascending and before them descending, the same on both backends. */
function orderBy(qb: Knex.QueryBuilder, expr: Knex.Raw, desc: boolean): void {
  const dir = desc ? 'desc' : 'asc';
  qb.orderByRaw(`(case when ? is null then 1 else 0 end) ${dir}, ? ${dir}`, [expr, expr]);
}

export async function readGroup(env: CallEnv, model: RuntimeModel, p: ReadGroupParams): Promise<RpcStruct[]> {
  await checkAccess(env, model, 'read');
  const domain = asDomain(p.domain);
  const all = parseGroupbys(model, p.groupby);
  const lazy = p.lazy !== false;
  const groups = lazy ? all.slice(0, 1) : all;
  const aggs = parseAggregates(model, p.fields, groups);
  // Grouping or summing a field restricted by groups would disclose it: refused as in read.
  const denied: string[] = [];
  for (const f of [...all.map((g) => g.field), ...aggs.map((a) => a.field)]) {
    if (f && !(await fieldAllowed(env, f)) && !denied.includes(f.name)) denied.push(f.name);
  }
  if (denied.length) throw fieldAccessError(env, model, denied, 'read');
  const t = model.table;
  const qb = env.cr(t);
  applyDomain(qb, model, domain, await domainContext(env, { domains: [{ model, domain }] }), t);
  (await ruleFilter(env, model, 'read'))(qb, t);

  const exprs = groups.map((g) => groupExpr(env, model, g));
  const selects: (string | Knex.Raw)[] = [env.cr.raw('count(*) as ??', ['__count'])];
  exprs.forEach((e, i) => selects.push(env.cr.raw('? as ??', [e, `g${i}`])));
  const aggExprs = aggs.map((a) => {
    const col = a.field ? `${t}.${a.field.name}` : `${t}.id`;
    return env.cr.raw(a.func === 'count_distinct' ? 'count(distinct ??)' : `${a.func}(??)`, [col]);
  });
  aggExprs.forEach((e, i) => selects.push(env.cr.raw('? as ??', [e, `a${i}`])));
  qb.select(selects);
  exprs.forEach((_e, i) => qb.groupBy(`g${i}`));

  const orderKeys = new Map<string, Knex.Raw>();
  groups.forEach((g, i) => { orderKeys.set(g.spec, exprs[i]); orderKeys.set(g.field.name, exprs[i]); });
  aggs.forEach((a, i) => orderKeys.set(a.name, aggExprs[i]));
  orderKeys.set('__count', env.cr.raw('count(*)'));
  const order: OrderKey[] = parseGroupOrder(p.orderby, new Set(orderKeys.keys())) ??
    groups.map((g) => ({ key: g.spec, desc: false }));
  for (const o of order) {
    const g = groups.find((x) => x.spec === o.key || x.field.name === o.key);
    if (g && fieldType(g.field).holdsId && !p.orderby) orderByTarget(qb, env, model, g, groups.indexOf(g));
    else orderBy(qb, orderKeys.get(o.key)!, o.desc);
  }
  const limit = optionalCount(p.limit, 'limit');
  const offset = optionalCount(p.offset, 'offset');
  if (limit !== null) qb.limit(limit);
  if (offset !== null) qb.offset(offset);
  const rows = (await qb) as Record<string, unknown>[];
  return formatGroups(env, model, rows, { groups, aggs, domain, lazy, rest: all.slice(1).map((g) => g.spec) });
}

/** many2one groups come in the target model's order (its first stored column), as Odoo does. */
function orderByTarget(qb: Knex.QueryBuilder, env: CallEnv, model: RuntimeModel, g: GroupSpec, i: number): void {
  const co = env.registry.model(g.field.comodel!);
  const alias = `gb${i}`;
  qb.leftJoin(`${co.table} as ${alias}`, `${alias}.id`, `${model.table}.${g.field.name}`);
  const terms: OrderTerm[] = parseOrder(null, co);
  const first = terms.find((x) => co.fields[x.field] && !fieldType(co.fields[x.field]).holdsId);
  const col = `${alias}.${first?.field ?? 'id'}`;
  orderBy(qb, env.cr.raw('min(??)', [col]), first?.direction === 'desc');
  orderBy(qb, env.cr.raw('min(??)', [`${alias}.id`]), false);
}

interface FormatInput {
  groups: GroupSpec[];
  aggs: ReturnType<typeof parseAggregates>;
  domain: unknown[];
  lazy: boolean;
  rest: string[];
}

async function formatGroups(env: CallEnv, model: RuntimeModel, rows: Record<string, unknown>[], f: FormatInput): Promise<RpcStruct[]> {
  const lang = langOf(env.context);
  const ropts = { compat: env.compat, context: env.context };
  const names = new Map<number, Map<number, string>>();
  for (const [i, g] of f.groups.entries()) {
    if (!fieldType(g.field).holdsId) continue;
    const ids = [...new Set(rows.map((r) => r[`g${i}`]).filter((v) => v !== null && v !== undefined).map(Number))];
    names.set(i, await displayNames(env, env.registry.model(g.field.comodel!), ids, readRecords));
  }
  return rows.map((row) => {
    const out = newStruct();
    const leaves: RpcValue[] = [];
    const range = newStruct();
    f.groups.forEach((g, i) => {
      const raw = row[`g${i}`];
      const empty = raw === null || raw === undefined;
      if (g.granularity) {
        const start = empty ? '' : String(raw).slice(0, 10);
        out[g.spec] = empty ? false : periodLabel(start, g.granularity, lang);
        if (empty) leaves.push([g.field.name, '=', false]);
        else {
          const end = periodEnd(start, g.granularity);
          const fmt = fieldType(g.field).periodBound ?? ((d: string) => d);
          leaves.push([g.field.name, '>=', fmt(start)], [g.field.name, '<', fmt(end)]);
          range[g.spec] = Object.assign(newStruct(), { from: fmt(start), to: fmt(end) });
        }
      } else if (fieldType(g.field).holdsId) {
        const id = empty ? null : Number(raw);
        out[g.spec] = id === null ? false : [id, names.get(i)?.get(id) ?? ''];
        leaves.push([g.field.name, '=', id === null ? false : id]);
      } else {
        const v = fieldType(g.field).toRpc(raw, g.field, ropts);
        out[g.spec] = v;
        leaves.push([g.field.name, '=', empty ? false : v]);
      }
    });
    const count = Number(row.__count);
    if (f.groups.length && f.lazy) out[`${f.groups[0].field.name}_count`] = count;
    else out.__count = count;
    f.aggs.forEach((a, i) => {
      const raw = row[`a${i}`];
      if (a.func === 'count' || a.func === 'count_distinct') out[a.name] = Number(raw ?? 0);
      else if (raw === null || raw === undefined) out[a.name] = env.compat.nullNumbersAsZero ? 0 : false;
      else out[a.name] = (a.field && fieldType(a.field).fractional) || a.func === 'avg' ? new Double(Number(raw)) : Number(raw);
    });
    out.__domain = [...leaves, ...(f.domain as RpcValue[])];
    if (Object.keys(range).length) out.__range = range;
    if (f.lazy && f.rest.length) out.__context = Object.assign(newStruct(), { group_by: f.rest });
    return out;
  });
}
