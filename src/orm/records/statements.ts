// SELECTs compiled once per shape and run again with new values. Knex builds and compiles a
// read's query the first time its shape is seen (model, columns, domain, rules, order, number of
// ids...); later calls of the same shape bind their values to the kept SQL text. A statement
// belongs to one database, cache signal and user, so what moves the signal (rules, groups,
// access rows) retires it, and the rules the call resolved are part of the shape.
import type { Knex } from 'knex';
import type { CallEnv } from '../call-env';
import type { AccessMode, Env } from '../env-types';
import type { RuntimeModel } from '../registry';
import { applyRuleDomain, domainContext } from '../domain-api';
import { ruleDomain } from './common';
import { shapeKey } from '../shape-key';
import { selectSql } from '../../db/select-sql';
import { signalCarried, takeCarriedSignal } from '../../db/cache-signal';

/** A value given at run time: the builder binds it as a parameter, the kept statement as `?`. */
export class Slot {
  constructor(readonly index: number) {}
}

/** `n` slots numbered from `from`: the ids of an `IN (...)`. */
export function slots(n: number, from = 0): Slot[] {
  const out = new Array<Slot>(n);
  for (let i = 0; i < n; i++) out[i] = new Slot(from + i);
  return out;
}

interface Statement {
  sql: string;
  /** The bindings as compiled, slots included. */
  bindings: unknown[];
  /** Whether any binding is a slot (else the bindings are used as they are). */
  slotted: boolean;
}

/** Shapes kept per registry, least recently used first out (ids lists of other lengths come and go). */
export const MAX_STATEMENTS = 500;
const kept = new WeakMap<object, Map<string, Statement>>();

/** A built query, wrapped: a bare builder returned from an async function would run. */
export interface Built {
  qb: Knex.QueryBuilder;
}

export type Build = () => Built | Promise<Built>;

async function compile(build: Build): Promise<Statement> {
  const { qb } = await build();
  const { sql, bindings } = qb.toSQL();
  return { sql: positioned(qb.client, sql), bindings: [...bindings], slotted: bindings.some((b) => b instanceof Slot) };
}

/**
 * The text with its placeholders numbered once (`$1`... on PostgreSQL) rather than on every run:
 * knex's runner then finds none left to number. A text with an escaped `\?` is left as it is.
 */
function positioned(client: unknown, sql: string): string {
  if (sql.includes('\\')) return sql;
  return (client as { positionBindings(sql: string): string }).positionBindings(sql);
}

/**
 * The statement of `shape` for this call: the kept one, or `build()` compiled (and kept when the
 * call reads the shared cache). A null shape is compiled every time.
 */
export async function statementFor(env: Env, shape: string | null, build: Build): Promise<Statement> {
  const signal = shape === null ? null : env.cache.sharedSignal;
  if (signal === null) return compile(build);
  const registry = env.registry as object;
  let byShape = kept.get(registry);
  if (!byShape) {
    byShape = new Map();
    kept.set(registry, byShape);
  }
  const key = `${env.dbName}\0${signal}\0${env.su ? 'su' : env.uid}\0${env.backend}\0${shape!}`;
  let st = byShape.get(key);
  if (st) {
    // Re-inserted so that the Map's order is the order of last use.
    byShape.delete(key);
  } else {
    st = await compile(build);
    if (byShape.size >= MAX_STATEMENTS) byShape.delete(byShape.keys().next().value as string);
  }
  byShape.set(key, st);
  return st;
}

/** The statement's bindings with `values` in its slots. */
export function bind(st: Statement, values: readonly unknown[]): unknown[] {
  if (!st.slotted) return st.bindings.slice();
  const out = st.bindings.slice();
  for (let i = 0; i < out.length; i++) {
    const b = out[i];
    if (b instanceof Slot) out[i] = values[b.index];
  }
  return out;
}

/**
 * Runs the SELECT of `shape` (built by `build`, whose slots take `values`) and returns its rows.
 * While a read-only call's cache signal waits for its confirmation, the SELECT carries it.
 */
export async function selectRows<T = Record<string, unknown>>(
  env: Env, shape: string | null, build: Build, values: readonly unknown[],
): Promise<T[]> {
  const st = await statementFor(env, shape, build);
  if (!env.cache.unconfirmed || !env.readOnly) return selectSql<T>(env.cr, st.sql, bind(st, values));
  const rows = await selectSql<Record<string, unknown>>(env.cr, signalCarried(st.sql), bind(st, values));
  const signal = takeCarriedSignal(rows);
  if (signal !== null) env.cache.confirm(signal);
  return rows as T[];
}

/** The record rules of `mode` on `model` for a kept statement: their shape part and the step adding them. */
export interface RuleStep {
  /** Null: the rules have no plain shape, nothing is kept. */
  shape: string | null;
  apply(qb: Knex.QueryBuilder, alias: string): Promise<void>;
}

export async function ruleStep(env: CallEnv, model: RuntimeModel, mode: AccessMode): Promise<RuleStep> {
  const rules = await ruleDomain(env, model, mode);
  if (!rules) return NO_RULES;
  return {
    shape: shapeKey(rules),
    async apply(qb, alias) {
      applyRuleDomain(qb, model, rules, await domainContext(env, { activeTest: false }), alias);
    },
  };
}

const NO_RULES: RuleStep = { shape: '', apply: async () => undefined };
