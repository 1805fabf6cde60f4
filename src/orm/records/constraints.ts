// What runs after rows are written: stored computed fields are recomputed, then the model's
// constraints check the records (only those whose fields were written, as @api.constrains).
import { ValidationError } from '../../errors';
import type { CallEnv } from '../call-env';
import type { RuntimeModel } from '../registry';
import type { FieldDef } from '../model-types';
import { fieldType, isStored } from '../fields';
import { labelText, langOf } from '../labels';
import { chunked } from './common';

/** Each model's stored computed fields, listed once. */
const STORED_COMPUTES = new WeakMap<RuntimeModel, FieldDef[]>();

export function storedComputes(model: RuntimeModel): FieldDef[] {
  let list = STORED_COMPUTES.get(model);
  if (!list) {
    list = Object.values(model.fields).filter((f) => f.compute && isStored(f));
    STORED_COMPUTES.set(model, list);
  }
  return list;
}

export async function recomputeStored(env: CallEnv, model: RuntimeModel, ids: number[]): Promise<void> {
  if (!ids.length) return;
  for (const f of storedComputes(model)) {
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
