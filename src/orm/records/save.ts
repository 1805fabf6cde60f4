// create and write: defaults (create), hooks, validation, one INSERT (stored computes in it) or
// one UPDATE, then the x2many commands and related fields (which save other records through these
// two functions), stored computes and constraints; all in a savepoint so a failure leaves nothing behind (none
// for a call's own top-level change: the call's transaction rolls back whole, see atomic). A call's
// own plain create or write may instead be one statement outside a transaction (create-alone.ts, writesAlone).
import type { Vals } from '../env-types';
import type { CallEnv } from '../call-env';
import type { RuntimeModel } from '../model-types';
import { nowUtc } from '../fields/dates';
import { AccessError } from '../../errors';
import { ruleDenialMessage } from '../access/messages';
import { labelText, langOf } from '../labels';
import { movesSignal, refuseReadOnly, signalCachedChange } from './change-guard';
import { atomic, checkAccess, chunked, ensureVisible, ruleDomain, visibleIds } from './common';
import { isStruct } from '../../values';
import { withDefaults } from './defaults';
import { withDbErrors } from './db-errors';
import { insertAlone, mayCreateAlone, planAlone } from './create-alone';
import {
  asVals, checkKeys, checkReferences, checkRequired, convertVals, type PreparedVals, type WriteOptions,
} from './prepare-vals';
import { applyX2many, onlyLinks, type Saves } from './x2many-commands';
import { writeRelated } from './related-write';
import { runConstraints } from './constraints';
import { checkConcurrency } from './concurrency';
import { readRecords } from './read';
import { watchWrite } from './watch';
import { computeForInsert, feedsStoredComputes, recomputeAfterWrite, targetColumns } from './stored-compute';

export interface CreateOptions extends WriteOptions {
  /** Values the server sets itself (e.g. the inverse many2one of a one2many line). */
  preset?: Vals;
}

export async function createRecord(env: CallEnv, model: RuntimeModel, rawVals: unknown, opts: CreateOptions = {}): Promise<number> {
  // Outside a transaction, only the call's own create may run, as its one statement (create-alone.ts).
  const alone = env.autocommit && env.outermost;
  if (!alone) refuseReadOnly(env, model, 'create');
  await checkAccess(env, model, 'create');
  const vals = asVals(rawVals);
  if (alone && !(await mayCreateAlone(env, model, vals))) refuseReadOnly(env, model, 'create');
  await checkKeys(env, model, vals, opts);
  return atomic(env, (env) => withDbErrors(env, model, async () => {
    await signalCachedChange(env, model, 'create');
    const full = { ...(await withDefaults(env, model, vals, Boolean(opts.internal))), ...(opts.preset ?? {}) };
    for (const hooks of model.hooks) hooks.normalizeVals?.(full);
    for (const hooks of model.hooks) if (hooks.beforeCreate) await hooks.beforeCreate(env, full);
    const prepared = convertVals(env, model, full);
    checkRequired(env, model, prepared.columns, true);
    const plan = alone ? await planAlone(env, model, prepared) : null;
    const targets = plan ? plan.targets : await checkReferences(env, model, [prepared.columns], targetColumns(model));
    computeForInsert(env, model, prepared.columns, targets);
    const now = nowUtc();
    const row = { create_uid: env.uid, create_date: now, write_uid: env.uid, write_date: now, ...prepared.columns };
    if (plan) return insertAlone(env, model, row, plan);
    const [inserted] = (await env.cr(model.table).insert(row).returning('id')) as ({ id: unknown } | number)[];
    const id = Number(typeof inserted === 'object' ? inserted.id : inserted);
    await saveTheRest(env, model, [id], prepared, opts, null);
    // The create rules apply to the new record (7.0 check_access_rule after create).
    if (await ruleDomain(env, model, 'create') && !(await visibleIds(env, model, [id], 'create')).has(id)) {
      throw new AccessError(ruleDenialMessage(labelText(model.description, langOf(env.context)), 'create'));
    }
    for (const hooks of model.hooks) if (hooks.afterCreate) await hooks.afterCreate(env, id, full);
    return id;
  }));
}

/** Missing or rule-hidden ids fail the whole write. */
export async function writeRecords(
  env: CallEnv, model: RuntimeModel, ids: number[], rawVals: unknown, opts: WriteOptions = {},
): Promise<true> {
  // Outside a transaction, only the call's own write may run, as its one statement (writesAlone).
  if (!(env.autocommit && env.outermost)) refuseReadOnly(env, model, 'write');
  await checkAccess(env, model, 'write', ids);
  const vals: Vals = asVals(rawVals);
  await checkKeys(env, model, vals, opts);
  if (!ids.length) return true;
  return atomic(env, (env) => withDbErrors(env, model, async () => {
    if (env.autocommit && (new Set(ids).size !== 1 || movesSignal(model, 'write', Object.keys(vals)))) {
      refuseReadOnly(env, model, 'write');
    }
    await signalCachedChange(env, model, 'write', Object.keys(vals));
    const full = { ...vals };
    for (const hooks of model.hooks) hooks.normalizeVals?.(full);
    // Without record rules, the UPDATE's row count tells whether every id exists: no SELECT first.
    const byCount = await existenceByRowCount(env, model, full);
    if (env.autocommit && !(byCount && writesAlone(env, model, Object.keys(full)))) refuseReadOnly(env, model, 'write');
    if (!byCount) await ensureVisible(env, model, ids, 'write');
    await checkConcurrency(env, model, ids);
    for (const hooks of model.hooks) if (hooks.beforeWrite) await hooks.beforeWrite(env, ids, full);
    const watching = await watchWrite(env, model, ids, full, readRecords);
    let prepared: PreparedVals;
    try {
      prepared = convertVals(env, model, full);
      checkRequired(env, model, prepared.columns, false);
      await checkReferences(env, model, [prepared.columns]);
    } catch (err) {
      // A missing id is the fault, as when it was looked for first.
      if (byCount) await ensureVisible(env, model, ids, 'write');
      throw err;
    }
    if (env.autocommit && (prepared.x2many.length || prepared.related.length)) refuseReadOnly(env, model, 'write');
    const row = { write_uid: env.uid, write_date: nowUtc(), ...prepared.columns };
    let updated = 0;
    for (const part of chunked(ids)) updated += Number(await rowsToUpdate(env, model, part).update(row));
    if (byCount && updated !== new Set(ids).size) {
      await ensureVisible(env, model, ids, 'write');
      // There, yet not updated: another transaction holds the row (see rowsToUpdate).
      if (env.autocommit) refuseReadOnly(env, model, 'write');
    }
    await saveTheRest(env, model, ids, prepared, opts, Object.keys(full));
    await recomputeAfterWrite(env, model, ids, Object.keys(prepared.columns));
    for (const hooks of model.hooks) {
      if (hooks.afterWrite) await hooks.afterWrite(env, ids, full);
      await watching.notify(hooks);
    }
    return true as const;
  }));
}

/**
 * The rows `ids` for an UPDATE. Outside a transaction on PostgreSQL, the statement commits even
 * if this process dies while it waits for a row another transaction holds (a call killed past
 * limit_time_real): so it skips such a row instead, and the call reruns in a transaction, which
 * waits, and rolls back if its process dies.
 */
function rowsToUpdate(env: CallEnv, model: RuntimeModel, ids: number[]) {
  const qb = env.cr(model.table);
  if (!env.autocommit || env.backend !== 'pg') return qb.whereIn('id', ids);
  return qb.whereIn('id', env.cr(model.table).select('id').whereIn('id', ids).forNoKeyUpdate().skipLocked());
}

/**
 * Whether a write may learn that its ids exist from its UPDATE's row count instead of a SELECT
 * first: no record rule limits it, nothing before the UPDATE looks at the records (before-write
 * hooks, the `__last_update` check), and no written column is under a unique constraint (the
 * database would refuse it, before a missing id could be named).
 */
async function existenceByRowCount(env: CallEnv, model: RuntimeModel, vals: Vals): Promise<boolean> {
  if (model.hooks.some((h) => h.beforeWrite)) return false;
  if (isStruct(env.context.__last_update)) return false;
  const written = Object.keys(vals);
  if (model.sqlConstraints.some((c) => c.unique.some((col) => written.includes(col)))) return false;
  return !(await ruleDomain(env, model, 'write'));
}

/**
 * Whether the writes of `model` can be their UPDATE alone, with nothing before or after it that
 * changes data: no hook or watcher, no stored compute, no cache signal on every change. A call
 * whose one change is such a write may run outside a transaction (see Env.autocommit).
 */
export function writesMayRunAlone(model: RuntimeModel): boolean {
  if (model.invalidatesCache === true) return false;
  return !model.hooks.some((h) => h.beforeWrite || h.afterWrite || h.watch);
}

/** As writesMayRunAlone, for a write setting `written`: no constraint looks at what it writes, and no stored compute (of this model or one pointing at it) reads it. */
function writesAlone(env: CallEnv, model: RuntimeModel, written: string[]): boolean {
  return writesMayRunAlone(model) && !model.constraints.some((c) => c.fields.some((f) => written.includes(f)))
    && !feedsStoredComputes(env.registry, model, written);
}

const SAVES: Saves = { create: createRecord, write: writeRecords };

/** What follows the row itself: other tables, related targets, stored computes, constraints. */
async function saveTheRest(
  env: CallEnv, model: RuntimeModel, ids: number[], prepared: PreparedVals, opts: WriteOptions, changed: string[] | null,
): Promise<void> {
  // A new record's first x2many values find no link to it, as long as what ran before them only
  // linked through other tables (no other record saved, whose code could have linked it).
  let linksNone = changed === null;
  const tables = new Set<string>();
  for (const { field, value } of prepared.x2many) {
    const fresh = linksNone && !tables.has(field.relation!);
    await applyX2many(env, model, ids, field, value, opts, SAVES, fresh);
    linksNone &&= onlyLinks(field, value, model);
    if (field.relation) tables.add(field.relation);
  }
  await writeRelated(env, model, ids, prepared.related, SAVES);
  await runConstraints(env, model, ids, changed);
}
