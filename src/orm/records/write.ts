// write: the same checks as create, one UPDATE for all ids, then x2many commands, constraints
// and hooks; all in a savepoint. Missing or rule-hidden ids fail the whole write.
import type { Vals } from '../env-types';
import type { OrmEnv } from '../env';
import type { RuntimeModel } from '../registry';
import { nowUtc } from '../fields/dates';
import { refuseReadOnly, signalCachedChange } from './change-guard';
import { atomic, checkAccess, chunked, ensureVisible } from './common';
import { withDbErrors } from './db-errors';
import { asVals, checkKeys, checkReferences, checkRequired, convertVals, type WriteOptions } from './prepare-vals';
import { applyX2many } from './x2many-commands';
import { writeRelated } from './related-write';
import { recomputeStored, runConstraints } from './constraints';
import { checkConcurrency } from './concurrency';

export async function writeRecords(
  env: OrmEnv, model: RuntimeModel, ids: number[], rawVals: unknown, opts: WriteOptions = {},
): Promise<true> {
  refuseReadOnly(env, model, 'write');
  await checkAccess(env, model, 'write', ids);
  const vals: Vals = asVals(rawVals);
  await checkKeys(env, model, vals, opts);
  if (!ids.length) return true;
  return atomic(env, (env) => withDbErrors(env, model, async () => {
    await signalCachedChange(env, model, 'write', Object.keys(vals));
    await ensureVisible(env, model, ids, 'write');
    await checkConcurrency(env, model, ids);
    const full = { ...vals };
    for (const hooks of model.hooks) if (hooks.beforeWrite) await hooks.beforeWrite(env, ids, full);
    const prepared = convertVals(env, model, full);
    checkRequired(env, model, prepared.columns, false);
    await checkReferences(env, model, [prepared.columns]);
    const row = { write_uid: env.uid, write_date: nowUtc(), ...prepared.columns };
    for (const part of chunked(ids)) await env.cr(model.table).whereIn('id', part).update(row);
    for (const { field, value } of prepared.x2many) await applyX2many(env, model, ids, field, value, opts);
    await writeRelated(env, model, ids, prepared.related);
    await recomputeStored(env, model, ids);
    await runConstraints(env, model, ids, Object.keys(full));
    for (const hooks of model.hooks) if (hooks.afterWrite) await hooks.afterWrite(env, ids, full);
    return true as const;
  }));
}
