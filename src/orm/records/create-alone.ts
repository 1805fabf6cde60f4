// A create run outside a transaction, as one statement that commits on its own: the row, with
// every record it names checked in the same statement, and its many2many links (a data-modifying
// WITH on PostgreSQL). Whatever it cannot do alone, or any surprise (a missing record, a broken
// constraint), stops it before anything is saved: the call is run again in a transaction, which
// does it the usual way and words the fault as ever.
import type { CallEnv } from '../call-env';
import type { RuntimeModel } from '../model-types';
import type { Vals } from '../env-types';
import { fieldType, isStored, isX2many } from '../fields';
import { classifyDbError } from '../../db/errors';
import { marks, quoted as q, selectSql } from '../../db/select-sql';
import { refuseOutsideTransaction } from './change-guard';
import { ruleDomain } from './common';
import { foundTargets, referencedIds, type PreparedVals } from './prepare-vals';
import { targetColumns, type TargetRows } from './stored-compute';
import { forget, recall, remember, type RowCheck } from './target-memo';
import { newLinks, type NewLinks } from './x2many-commands';

/**
 * Whether the creates of `model` can be their INSERT alone: no hook, no constraint checked after
 * it, no stored compute made after it, no cache signal, no unique constraint (an INSERT could wait
 * for another transaction's equal row, and commit after its caller is gone). A call whose one
 * change is such a create may run outside a transaction (see Env.autocommit).
 */
export function createsMayRunAlone(model: RuntimeModel): boolean {
  if (model.invalidatesCache === true || model.constraints.length) return false;
  if (model.hooks.some((h) => h.beforeCreate || h.afterCreate)) return false;
  return !model.sqlConstraints.some((c) => c.unique.length);
}

/**
 * Whether the create of `vals` may run alone, seen from its keys before anything is done: no
 * record rule on create (checked on the new row after it), no related field to write through,
 * no one2many, and many2many links only where one statement can insert them with the row.
 */
export async function mayCreateAlone(env: CallEnv, model: RuntimeModel, vals: Vals): Promise<boolean> {
  if (!createsMayRunAlone(model)) return false;
  for (const key of Object.keys(vals)) {
    const f = model.fields[key];
    if (!f) return false;
    if (f.related && !isStored(f)) return false;
    if (isX2many(f) && !(fieldType(f).linkTable && env.backend === 'pg') && !noCommands(vals[key])) return false;
  }
  return !(await ruleDomain(env, model, 'create'));
}

const noCommands = (value: unknown) => value === false || value === null || value === undefined || (Array.isArray(value) && !value.length);

/** Ids of a table that must all exist (and stay) for the row to be inserted. */
interface Guard {
  table: string;
  ids: number[];
}

export interface AlonePlan {
  /** The targets stored computes read (see computeForInsert): kept from an earlier create, or looked at first. */
  targets: TargetRows;
  guards: Guard[];
  /** The kept targets, to be found unchanged. */
  checks: RowCheck[];
  links: NewLinks[];
}

/**
 * What the one statement will check and link. The targets whose columns stored computes read are
 * taken from an earlier create (target-memo.ts) or read first (a missing one stops the create
 * here); every target is checked again by the INSERT, and a kept one is checked unchanged.
 */
export async function planAlone(env: CallEnv, model: RuntimeModel, prepared: PreparedVals): Promise<AlonePlan> {
  const stop = () => refuseOutsideTransaction(env, model.name, 'create');
  if (prepared.related.length) stop();
  const links = newLinks(env, model, prepared.x2many);
  if (!links || (links.length && env.backend !== 'pg')) stop();
  const wanted = referencedIds(model, [prepared.columns]);
  const read = targetColumns(model);
  const { targets, missing, checks } = recall(env, new Map([...wanted].filter(([comodel]) => read.has(comodel))), read);
  if (missing.size) {
    const fresh = await foundTargets(env, missing, read);
    for (const [comodel, ids] of missing) if ([...ids].some((id) => !fresh.get(comodel)!.has(id))) stop();
    remember(env, fresh, read, targets);
  }
  const guards = [...wanted].map(([comodel, ids]) => ({ table: env.registry.model(comodel).table, ids: [...ids] }));
  for (const l of links!) guards.push({ table: l.co.table, ids: l.targets });
  return { targets, guards, checks, links: links! };
}

/**
 * Inserts `row` and its links in one statement and returns the new id. Each guard counts its rows
 * in the INSERT's own WHERE, so a missing one inserts nothing; on PostgreSQL it also takes their
 * key-share locks (what the foreign keys take), skipping rows another transaction holds, so the
 * statement never waits on one (a statement outside a transaction commits even if its caller died
 * while it waited): then, as on any integrity error, the call runs again in a transaction.
 */
export async function insertAlone(env: CallEnv, model: RuntimeModel, row: Record<string, unknown>, plan: AlonePlan): Promise<number> {
  const pg = env.backend === 'pg';
  const bindings: unknown[] = [];
  const places = (values: unknown[]) => {
    bindings.push(...values);
    return marks(values.length);
  };
  // An undefined value is left to the column's default, as knex's insert does.
  const cols = Object.keys(row).filter((c) => row[c] !== undefined);
  let sql = `insert into ${q(model.table)} (${cols.map(q).join(', ')}) select ${places(cols.map((c) => row[c]))}`;
  const lock = pg ? ' for key share skip locked' : '';
  const same = pg ? 'is not distinct from' : 'is';
  const conditions = [
    ...plan.guards.map((g, i) => `(select count(*) from (select 1 from ${q(g.table)} where "id" in (${places(g.ids)})${lock}) as "_g${i}") = ${g.ids.length}`),
    ...plan.checks.map((c) => `exists (select 1 from ${q(c.table)} where "id" = ${places([c.id])}`
      + `${c.values.map(([col, v]) => ` and ${q(col)} ${same} ${places([v])}`).join('')})`),
  ];
  if (conditions.length) sql += ` where ${conditions.join(' and ')}`;
  sql += ' returning "id"';
  if (plan.links.length) {
    sql = `with "_new" as (${sql})`;
    plan.links.forEach(({ field, co, targets }, i) => {
      sql += `, "_l${i}" as (insert into ${q(field.relation!)} (${q(field.column1!)}, ${q(field.column2!)}) `
        + `select "_new"."id", "_t"."id" from "_new", ${q(co.table)} as "_t" where "_t"."id" in (${places(targets)}))`;
    });
    sql += ' select "id" from "_new"';
  }
  let rows: { id: unknown }[];
  try {
    rows = await selectSql<{ id: unknown }>(env.cr, sql, bindings);
  } catch (err) {
    if (['not_null', 'foreign_key', 'unique', 'check'].includes(classifyDbError(err).kind)) refuseOutsideTransaction(env, model.name, 'create');
    throw err;
  }
  if (!rows.length) {
    forget(env, plan.checks);
    refuseOutsideTransaction(env, model.name, 'create');
  }
  return Number(rows[0].id);
}
