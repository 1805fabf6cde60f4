// The reference semantics of a domain, in memory: the same resolved expression as the SQL
// compiler, evaluated with SQL's three-valued logic over plain rows. Tests compare the two.
import { likeMatch } from '../../db/sqlite-functions';
import { parseDomain } from './parse';
import type { CmpOp, DomainExpr, DomainModel, DomainParseContext, IdSet, InMemoryData, LinkSpec, Scalar } from './types';

type Tri = boolean | null;
type Row = Record<string, unknown>;

function codePointCompare(a: string, b: string): number {
  const x = Array.from(a);
  const y = Array.from(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = (x[i].codePointAt(0) ?? 0) - (y[i].codePointAt(0) ?? 0);
    if (d !== 0) return d;
  }
  return x.length - y.length;
}

/** Compares a stored value with a literal as both databases do for well-typed data. */
function compare(stored: unknown, literal: Scalar): number {
  const a = typeof stored === 'boolean' ? Number(stored) : stored;
  const b = typeof literal === 'boolean' ? Number(literal) : literal;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'number') return a - Number(b);
  return codePointCompare(String(a), String(b));
}

const TEST: Record<CmpOp, (d: number) => boolean> = {
  '=': (d) => d === 0, '!=': (d) => d !== 0, '<': (d) => d < 0, '<=': (d) => d <= 0, '>': (d) => d > 0, '>=': (d) => d >= 0,
};

const isNullish = (v: unknown) => v === null || v === undefined;

export class Evaluator {
  private readonly sets = new Map<IdSet, Set<number>>();

  constructor(private readonly data: InMemoryData) {}

  rows(model: DomainModel): Row[] {
    return this.data.rows[model.name] ?? [];
  }

  expr(e: DomainExpr, row: Row): Tri {
    switch (e.kind) {
      case 'const':
        return e.value;
      case 'and': {
        let out: Tri = true;
        for (const x of e.items) {
          const v = this.expr(x, row);
          if (v === false) return false;
          if (v === null) out = null;
        }
        return out;
      }
      case 'or': {
        let out: Tri = false;
        for (const x of e.items) {
          const v = this.expr(x, row);
          if (v === true) return true;
          if (v === null) out = null;
        }
        return out;
      }
      case 'not': {
        const v = this.expr(e.item, row);
        return v === null ? null : !v;
      }
      case 'null':
        return isNullish(row[e.column]);
      case 'cmp': {
        const v = row[e.column];
        if (isNullish(v)) return null;
        const d = compare(v, e.value);
        return Number.isNaN(d) ? false : TEST[e.op](d);
      }
      case 'in': {
        const v = row[e.column];
        if (isNullish(v)) return null;
        return e.values.some((x) => compare(v, x) === 0);
      }
      case 'like': {
        const v = row[e.column];
        if (isNullish(v)) return null;
        return likeMatch(String(v), e.pattern, e.ci);
      }
      case 'member': {
        // SQL: `x IN (empty sub-query)` is false even when x is NULL
        const set = this.set(e.set);
        const v = row[e.column];
        if (set.size === 0) return false;
        if (isNullish(v)) return null;
        return set.has(Number(v));
      }
      case 'link':
        return this.linked(e.link, e.set).has(Number(row.id));
    }
  }

  private matching(model: DomainModel, where: DomainExpr): Row[] {
    return this.rows(model).filter((r) => this.expr(where, r) === true);
  }

  set(s: IdSet): Set<number> {
    const cached = this.sets.get(s);
    if (cached) return cached;
    let out: Set<number>;
    if (s.kind === 'ids') out = new Set(s.ids);
    else if (s.kind === 'search') out = new Set(this.matching(s.model, s.where).map((r) => Number(r.id)));
    else out = this.tree(s);
    this.sets.set(s, out);
    return out;
  }

  /** Breadth first, as the recursive query runs: each round steps from the records just found. */
  private tree(s: Extract<IdSet, { kind: 'tree' }>): Set<number> {
    const all = this.rows(s.model);
    const byId = new Map(all.map((r) => [Number(r.id), r]));
    const children = new Map<number, Row[]>();
    for (const r of all) {
      const p = r[s.parentColumn];
      if (isNullish(p)) continue;
      const list = children.get(Number(p)) ?? [];
      list.push(r);
      children.set(Number(p), list);
    }
    const found = new Set(this.matching(s.model, s.seed).map((r) => Number(r.id)));
    let frontier = [...found];
    while (frontier.length) {
      const next: number[] = [];
      for (const id of frontier) {
        const parent = byId.get(id)?.[s.parentColumn];
        const reached = s.up
          ? (isNullish(parent) ? [] : [byId.get(Number(parent))].filter((r): r is Row => r !== undefined))
          : children.get(id) ?? [];
        for (const r of reached) {
          const rid = Number(r.id);
          if (!found.has(rid) && this.expr(s.step, r) === true) {
            found.add(rid);
            next.push(rid);
          }
        }
      }
      frontier = next;
    }
    return found;
  }

  private linked(spec: LinkSpec, set: IdSet | null): Set<number> {
    const rows = spec.model ? this.data.rows[spec.model] ?? [] : this.data.links[spec.table] ?? [];
    const targets = set ? this.set(set) : null;
    const out = new Set<number>();
    for (const r of rows) {
      const from = r[spec.from];
      const to = r[spec.to];
      if (isNullish(from)) continue;
      if (targets && (isNullish(to) || !targets.has(Number(to)))) continue;
      out.add(Number(from));
    }
    return out;
  }
}

/** The ids of `model` that the domain selects, ascending. */
export function evaluateDomain(raw: unknown, model: DomainModel, ctx: DomainParseContext, data: InMemoryData): number[] {
  const expr = parseDomain(raw, model, ctx);
  const ev = new Evaluator(data);
  return ev.rows(model).filter((r) => ev.expr(expr, r) === true).map((r) => Number(r.id)).sort((a, b) => a - b);
}
