// What runs after rows are written: stored function fields (`compute` with `store: true`) are
// recomputed, then the model's constraints check the records (only those whose fields were
// written, as @api.constrains).
import { ValidationError } from '../../errors';
import type { CallEnv } from '../call-env';
import type { RuntimeModel } from '../registry';
import type { FieldDef } from '../model-types';
import { fieldType, isStored } from '../fields';
import { labelText, langOf } from '../labels';
import { chunked } from './common';

/** Each model's stored function fields, listed once. */
const STORED_FUNCTIONS = new WeakMap<RuntimeModel, FieldDef[]>();

/**
 * Stored function fields: `compute` with `store: true` (7.0's function field with store=True).
 * The function may read anything, so it runs again after every create and write of the record
 * itself, whatever was written (an UPDATE after the INSERT), and never when other records change:
 * a value read from elsewhere goes stale. The other kind, `storedCompute` (stored-compute.ts),
 * is a pure function of declared fields, the record's own and its many2one targets': it is made
 * in the INSERT, again only when one of them changes, and follows a renamed target to the records
 * pointing at it. Use `storedCompute` whenever the value is made of such fields (res.partner's
 * complete_name); this kind only for a value that needs more and may lag behind other records.
 */
export function storedFunctionFields(model: RuntimeModel): FieldDef[] {
  let list = STORED_FUNCTIONS.get(model);
  if (!list) {
    list = Object.values(model.fields).filter((f) => f.compute && isStored(f));
    STORED_FUNCTIONS.set(model, list);
  }
  return list;
}

/** Runs the stored function fields of `ids` and writes their values (after each save of them). */
export async function recomputeStoredFunctions(env: CallEnv, model: RuntimeModel, ids: number[]): Promise<void> {
  if (!ids.length) return;
  for (const f of storedFunctionFields(model)) {
    const values = await f.compute!(env, ids);
    // One UPDATE per distinct value, not per record.
    const byValue = new Map<string, { value: unknown; ids: number[] }>();
    for (const id of ids) {
      const value = fieldType(f).toColumn(values.get(id) ?? false, f, model.name);
      const key = JSON.stringify(value);
      const entry = byValue.get(key) ?? { value, ids: [] };
      entry.ids.push(id);
      byValue.set(key, entry);
    }
    for (const { value, ids: group } of byValue.values()) {
      for (const part of chunked(group)) await env.cr(model.table).whereIn('id', part).update({ [f.name]: value });
    }
  }
}

/** Runs the constraints touching `written` (all of them when null); the first failure throws. */
export async function runConstraints(env: CallEnv, model: RuntimeModel, ids: number[], written: string[] | null): Promise<void> {
  for (const c of model.constraints) {
    if (written && !c.fields.some((f) => written.includes(f))) continue;
    const message = await c.check(env, ids);
    if (message) throw new ValidationError(labelText(message, langOf(env.context)));
  }
}
