// TEMPORARY development stand-in for ./domain (removed once it lands).
import type { Knex } from 'knex';
import type { FieldDef } from './define';

export interface DomainModel { name: string; table: string; order: string; recName: string; parentName: string; fields: Record<string, FieldDef> }
export interface DomainContext {
  getModel(name: string): DomainModel; knex: Knex; backend: 'sqlite' | 'pg';
  negativeOpsIncludeNull: boolean; activeTest: boolean; ruleDomain?(m: string): unknown[] | null;
}
export interface OrderTerm { field: string; desc: boolean }

type Node = { op: string; kids: Node[] } | { leaf: unknown[] };
function parse(d: unknown[]): Node {
  let i = 0;
  const one = (): Node => {
    const t = d[i++];
    if (t === '&' || t === '|') return { op: t, kids: [one(), one()] };
    if (t === '!') return { op: '!', kids: [one()] };
    return { leaf: t as unknown[] };
  };
  const parts: Node[] = [];
  while (i < d.length) parts.push(one());
  return { op: '&', kids: parts };
}
function build(qb: Knex.QueryBuilder, n: Node, col: (f: string) => string): void {
  if ('leaf' in n) {
    const [f, op, v] = n.leaf as [unknown, string, unknown];
    if (f === 1 || f === 0) { qb.whereRaw(f === 1 ? '1=1' : '1=0'); return; }
    const c = col(String(f));
    if (op === '=' && (v === false || v === null)) qb.whereNull(c);
    else if (op === '!=' && (v === false || v === null)) qb.whereNotNull(c);
    else if (op === 'in') (v as unknown[]).length ? qb.whereIn(c, v as number[]) : qb.whereRaw('1=0');
    else if (op === 'not in') qb.whereNotIn(c, v as number[]);
    else if (op === 'ilike') qb.whereRaw('lower(??) like lower(?)', [c, `%${v}%`]);
    else qb.where(c, op === '<>' ? '!=' : op, v as string);
    return;
  }
  const meth = n.op === '|' ? 'orWhere' : 'where';
  if (n.op === '!') { qb.whereNot((s) => build(s, n.kids[0], col)); return; }
  for (const k of n.kids) (qb as any)[meth]((s: Knex.QueryBuilder) => build(s, k, col));
}
export function applyDomain(qb: Knex.QueryBuilder, model: DomainModel, raw: unknown, ctx: DomainContext, alias?: string): Knex.QueryBuilder {
  const d = (raw as unknown[]) ?? [];
  const col = (f: string) => `${alias ?? model.table}.${f}`;
  if (model.fields.active && ctx.activeTest && !d.some((t) => Array.isArray(t) && t[0] === 'active')) qb.where(col('active'), true);
  if (d.length) qb.where((s) => build(s, parse(d), col));
  return qb;
}
export function parseOrder(order: string | null | undefined, model: DomainModel, _ctx: DomainContext): OrderTerm[] {
  return (order || model.order).split(',').map((t) => t.trim().split(/\s+/)).map(([f, d]) => ({ field: f.replace(/"/g, ''), desc: /desc/i.test(d ?? '') }));
}
export function applyOrder(qb: Knex.QueryBuilder, model: DomainModel, terms: OrderTerm[], _ctx: DomainContext, alias?: string): Knex.QueryBuilder {
  for (const t of terms) if (model.fields[t.field]?.type !== 'one2many' && model.fields[t.field]?.type !== 'many2many') qb.orderBy(`${alias ?? model.table}.${t.field}`, t.desc ? 'desc' : 'asc');
  return qb;
}
