// Last stage of the domain compiler: a resolved expression becomes SQL text with `?` bindings.
// Every value is a binding; identifiers come from model definitions and are checked and quoted.
// Sub-queries never refer to the outer query, so their aliases only need to be unique inside.
// A many2one test in a positive place may become a LEFT JOIN instead (see ./joins.ts).
import { col, quoteId } from './fields';
import { JoinScope, joinable } from './joins';
import { trigramQuery } from '../../db/sqlite-trigrams';
import type { DomainExpr, IdSet } from './types';

export type Backend = 'sqlite' | 'pg';

export interface CompiledSql {
  sql: string;
  bindings: Array<string | number | boolean>;
}

export { JoinScope } from './joins';

const BULK_LIST = 500;

const SQL_OP = { '=': '=', '!=': '<>', '<': '<', '<=': '<=', '>': '>', '>=': '>=' } as const;

class SqlCompiler {
  readonly bindings: Array<string | number | boolean> = [];
  private n = 0;

  constructor(private readonly backend: Backend) {}

  private alias(prefix: string): string {
    return `_${prefix}${++this.n}`;
  }

  private bind(v: string | number | boolean): string {
    this.bindings.push(v);
    return '?';
  }

  /**
   * `(?, ?, ...)`. A long list of integers (ids from a client) travels as one bound value
   * instead, since the databases cap the number of parameters (SQLite 32766, PostgreSQL 65535).
   */
  private list(values: Array<string | number | boolean>): string {
    if (values.length > BULK_LIST && values.every((v) => Number.isSafeInteger(v))) {
      if (this.backend === 'pg') return `(SELECT unnest(CAST(${this.bind(`{${values.join(',')}}`)} AS bigint[])))`;
      return `(SELECT value FROM json_each(${this.bind(`[${values.join(',')}]`)}))`;
    }
    return `(${values.map((v) => this.bind(v)).join(', ')})`;
  }

  /**
   * `scope` is where joins may be added: the FROM of the query whose WHERE this is, and only
   * while no NOT lies above (positive places, see ./joins.ts); null keeps every sub-query.
   */
  expr(e: DomainExpr, alias: string, scope: JoinScope | null = null, positive = true): string {
    switch (e.kind) {
      case 'const':
        return e.value ? '1 = 1' : '1 = 0';
      case 'and':
      case 'or': {
        const parts = e.items.map((x) => this.expr(x, alias, scope, positive));
        return `(${parts.join(e.kind === 'and' ? ' AND ' : ' OR ')})`;
      }
      case 'not':
        return `NOT (${this.expr(e.item, alias, null, false)})`;
      case 'null':
        return `${col(alias, e.column)} IS NULL`;
      case 'cmp':
        return `${col(alias, e.column)} ${SQL_OP[e.op]} ${this.bind(e.value)}`;
      case 'in':
        return `${col(alias, e.column)} IN ${this.list(e.values)}`;
      case 'like': {
        const target = e.cast ? `CAST(${col(alias, e.column)} AS TEXT)` : col(alias, e.column);
        if (this.backend === 'pg') return `${target} ${e.ci ? 'ILIKE' : 'LIKE'} ${this.bind(e.pattern)}`;
        // SQLite's LIKE folds ASCII only and ignores case even for `like`: use ours
        const exact = () => `unicode_like(${target}, ${this.bind(e.pattern)}, ${e.ci ? 1 : 0})`;
        // Where the test must hold (not under a NOT: a row without text would become a match
        // there), the trigram table first narrows the rows to those holding the pattern's trigrams.
        const query = e.trigrams && positive ? trigramQuery(e.pattern) : null;
        if (!query) return exact();
        const fts = quoteId(e.trigrams!);
        const narrowed = `${col(alias, 'id')} IN (SELECT rowid FROM ${fts} WHERE ${fts} MATCH ${this.bind(query)})`;
        return `(${narrowed} AND ${exact()})`;
      }
      case 'member': {
        const target = scope ? joinable(e) : null;
        if (scope && target) {
          const j = scope.join(alias, e.column, target.model.table);
          // the joined row must exist (a NULL many2one joins a row of NULLs) and be one of the set
          return `(${col(j, 'id')} IS NOT NULL AND ${this.expr(target.where, j, scope, positive)})`;
        }
        return `${col(alias, e.column)} IN ${this.set(e.set)}`;
      }
      case 'link': {
        const l = this.alias('l');
        const from = col(l, e.link.from);
        let sql = `${col(alias, 'id')} IN (SELECT ${from} FROM ${quoteId(e.link.table)} AS ${quoteId(l)} WHERE ${from} IS NOT NULL`;
        if (e.set) sql += ` AND ${col(l, e.link.to)} IN ${this.set(e.set)}`;
        return `${sql})`;
      }
    }
  }

  /** A parenthesised list or sub-query of ids, ready to follow `IN`. */
  set(s: IdSet): string {
    if (s.kind === 'ids') return this.list(s.ids);
    const table = quoteId(s.model.table);
    if (s.kind === 'search') {
      const a = this.alias('s');
      // a sub-query is read whole, where a hash join may well be best: a plain join
      const inner = new JoinScope(() => this.alias('j'));
      const where = this.where(s.where, a, inner);
      return `(SELECT ${col(a, 'id')} FROM ${table} AS ${quoteId(a)}${inner.sql()}${where})`;
    }
    const t = this.alias('t');
    const seedAlias = this.alias('s');
    const seed = `SELECT ${col(seedAlias, 'id')} FROM ${table} AS ${quoteId(seedAlias)}${this.where(s.seed, seedAlias)}`;
    const c = this.alias('c');
    let step: string;
    if (!s.up) {
      step = `SELECT ${col(c, 'id')} FROM ${table} AS ${quoteId(c)} JOIN ${quoteId(t)} ON ${col(c, s.parentColumn)} = ${col(t, 'id')}${this.where(s.step, c)}`;
    } else {
      const p = this.alias('p');
      step = `SELECT ${col(p, 'id')} FROM ${table} AS ${quoteId(c)} JOIN ${quoteId(t)} ON ${col(c, 'id')} = ${col(t, 'id')}`
        + ` JOIN ${table} AS ${quoteId(p)} ON ${col(p, 'id')} = ${col(c, s.parentColumn)}${this.where(s.step, p)}`;
    }
    // UNION (not UNION ALL) drops rows already found, so a cycle in the parents ends the recursion
    return `(WITH RECURSIVE ${quoteId(t)}("id") AS (${seed} UNION ${step}) SELECT ${col(t, 'id')} FROM ${quoteId(t)})`;
  }

  private where(e: DomainExpr, alias: string, scope: JoinScope | null = null): string {
    return e.kind === 'const' && e.value ? '' : ` WHERE ${this.expr(e, alias, scope)}`;
  }
}

/**
 * SQL for `WHERE`, for rows of the table aliased `alias`. With `joins`, many2one tests in
 * positive places become LEFT JOINs recorded there, which the caller must add to its FROM
 * (`joins.added()`); without, every test stays a sub-query and the SQL stands alone.
 */
export function compileDomain(expr: DomainExpr, alias: string, backend: Backend, joins?: JoinScope): CompiledSql {
  const c = new SqlCompiler(backend);
  const sql = c.expr(expr, alias, joins ?? null);
  return { sql, bindings: c.bindings };
}
