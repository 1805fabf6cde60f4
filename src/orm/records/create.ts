// create: defaults, hooks, validation, one INSERT, x2many commands, constraints; all in a
// savepoint so a failure leaves nothing behind.
import type { Vals } from '../env-types';
import type { OrmEnv } from '../env';
import type { RuntimeModel } from '../registry';
import { nowUtc } from '../fields/dates';
import { AccessError } from '../../errors';
import { isSuperuser } from '../access-policy';
import { ruleDenialMessage } from '../access/messages';
import { labelText, langOf } from '../labels';
import { refuseReadOnly, signalCachedChange } from './change-guard';
import { atomic, checkAccess, visibleIds } from './common';
import { withDefaults } from './defaults';
import { withDbErrors } from './db-errors';
import { asVals, checkKeys, checkReferences, checkRequired, convertVals, type WriteOptions } from './prepare-vals';
import { applyX2many } from './x2many-commands';
import { writeRelated } from './related-write';
import { recomputeStored, runConstraints } from './constraints';

export interface CreateOptions extends WriteOptions {
  /** Values the server sets itself (e.g. the inverse many2one of a one2many line). */
  preset?: Vals;
}

export async function createRecord(env: OrmEnv, model: RuntimeModel, rawVals: unknown, opts: CreateOptions = {}): Promise<number> {
  refuseReadOnly(env, model, 'create');
  await checkAccess(env, model, 'create');
  const vals = asVals(rawVals);
  await checkKeys(env, model, vals, opts);
  return atomic(env, (env) => withDbErrors(env, model, async () => {
    await signalCachedChange(env, model, 'create');
    const full = { ...(await withDefaults(env, model, vals, Boolean(opts.internal))), ...(opts.preset ?? {}) };
    for (const hooks of model.hooks) if (hooks.beforeCreate) await hooks.beforeCreate(env, full);
    const prepared = convertVals(env, model, full);
    checkRequired(env, model, prepared.columns, true);
    await checkReferences(env, model, [prepared.columns]);
    const now = nowUtc();
    const row = { create_uid: env.uid, create_date: now, write_uid: env.uid, write_date: now, ...prepared.columns };
    const [inserted] = (await env.cr(model.table).insert(row).returning('id')) as ({ id: unknown } | number)[];
    const id = Number(typeof inserted === 'object' ? inserted.id : inserted);
    for (const { field, value } of prepared.x2many) await applyX2many(env, model, [id], field, value, opts);
    await writeRelated(env, model, [id], prepared.related);
    await recomputeStored(env, model, [id]);
    await runConstraints(env, model, [id], null);
    // The create rules apply to the new record (7.0 check_access_rule after create).
    if (!isSuperuser(env) && !(await visibleIds(env, model, [id], 'create')).has(id)) {
      throw new AccessError(ruleDenialMessage(labelText(model.description, langOf(env.context)), 'create'));
    }
    for (const hooks of model.hooks) if (hooks.afterCreate) await hooks.afterCreate(env, id, full);
    return id;
  }));
}
