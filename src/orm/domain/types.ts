// The shapes the domain compiler works with: what it needs to know of models, the call context,
// the resolved expression (one tree, compiled to SQL or evaluated in memory), and order terms.
import type { Knex } from 'knex';
import type { FieldDef } from '../model-types';

/** What the compiler reads from a model; the registry's model objects satisfy it structurally. */
export interface DomainModel {
  name: string;
  table: string;
  order: string;
  recName: string;
  parentName: string;
  /** Field definitions by name; `store === false` means not stored. */
  fields: Record<string, FieldDef>;
}

/** The part of the call context that parsing needs (no database). */
export interface DomainParseContext {
  /** Throws CallError for an unknown model. */
  getModel(name: string): DomainModel;
  /** Compat flag: `!=`, `not like`, `not ilike` also match empty (NULL) rows (Odoo) or not (7.0). */
  negativeOpsIncludeNull: boolean;
  /** `context.active_test !== false`. */
  activeTest: boolean;
  /** Record rules of a model, ANDed into every sub-search on it (null or [] for none). */
  ruleDomain?(modelName: string): unknown[] | null;
  /** Called for every field a domain or an order names; throws AccessError to refuse it. */
  checkField?(modelName: string, fieldName: string): void;
}

export interface DomainContext extends DomainParseContext {
  /** The connection or transaction the query will run on. */
  knex: Knex | Knex.Transaction;
  backend: 'sqlite' | 'pg';
  /**
   * What, besides the domain, the model and the user, a query compiled in this context depends
   * on (the active test, the compat flag, the rules of the models it reaches): part of the shape
   * under which a compiled statement is kept. Undefined: none is kept.
   */
  shape?: string;
}

export type Scalar = string | number | boolean;
export type CmpOp = '=' | '!=' | '<' | '<=' | '>' | '>=';

/**
 * A resolved domain. Atoms follow SQL's three-valued logic (a comparison with NULL is unknown),
 * and the in-memory evaluator reproduces that logic, so both give the same rows.
 */
export type DomainExpr =
  | { kind: 'const'; value: boolean }
  | { kind: 'and' | 'or'; items: DomainExpr[] }
  | { kind: 'not'; item: DomainExpr }
  /** column IS NULL */
  | { kind: 'null'; column: string }
  /** column <op> value */
  | { kind: 'cmp'; column: string; op: CmpOp; value: Scalar }
  /** column IN (values), values not empty */
  | { kind: 'in'; column: string; values: Scalar[] }
  /**
   * column LIKE pattern; `cast` turns a non-text column into text first; `trigrams` names the
   * column's SQLite trigram table (a field with `trigramIndex`), which narrows positive matches
   */
  | { kind: 'like'; column: string; pattern: string; ci: boolean; cast: boolean; trigrams?: string }
  /** column IN (a set of ids of another, or the same, model) */
  | { kind: 'member'; column: string; set: IdSet }
  /** id IN (the rows of `link` whose target is in `set`; any target when `set` is null) */
  | { kind: 'link'; link: LinkSpec; set: IdSet | null };

/** A set of record ids, computed by the database (or by the evaluator). */
export type IdSet =
  | { kind: 'ids'; ids: number[] }
  /** the records of `model` for which `where` holds */
  | { kind: 'search'; model: DomainModel; where: DomainExpr }
  /**
   * The records of `model` matching `seed`, plus their descendants (`up: false`) or ancestors
   * (`up: true`) through `parentColumn`; every record reached past the seeds must satisfy `step`.
   */
  | { kind: 'tree'; model: DomainModel; parentColumn: string; up: boolean; seed: DomainExpr; step: DomainExpr };

/**
 * How records reach the targets of an x2many field: rows of `table` whose `from` column holds
 * our id and whose `to` column holds the target id. For one2many, `table` is the comodel's table,
 * `from` its inverse many2one and `to` is `id`; `model` then names the comodel (in-memory rows).
 */
export interface LinkSpec {
  table: string;
  from: string;
  to: string;
  model?: string;
}

/**
 * All rows the evaluator may need. Values are in their RPC shapes: many2one as an id or null,
 * booleans, numbers, dates `YYYY-MM-DD` and datetimes `YYYY-MM-DD HH:MM:SS` as strings.
 */
export interface InMemoryData {
  /** By model name; every row has `id`. */
  rows: Record<string, Record<string, unknown>[]>;
  /** many2many relation rows by relation table, keyed by column name. */
  links: Record<string, Record<string, unknown>[]>;
}

export interface OrderTerm {
  field: string;
  direction: 'asc' | 'desc';
  /** Explicit `NULLS FIRST/LAST`; otherwise PostgreSQL's default (last ascending, first descending). */
  nulls: 'first' | 'last' | null;
}
