// What runs after rows are written: the model's constraints check the records (only those whose
// fields were written, as @api.constrains).
import { ValidationError } from '../../errors';
import type { CallEnv } from '../call-env';
import type { RuntimeModel } from '../registry';
import type { FieldDef } from '../model-types';
import { fieldType, isStored } from '../fields';
import { labelText, langOf } from '../labels';
import { chunked } from './common';

/** Runs the constraints touching `written` (all of them when null); the first failure throws. */
export async function runConstraints(env: CallEnv, model: RuntimeModel, ids: number[], written: string[] | null): Promise<void> {
  for (const c of model.constraints) {
    if (written && !c.fields.some((f) => written.includes(f))) continue;
    const message = await c.check(env, ids);
    if (message) throw new ValidationError(labelText(message, langOf(env.context)));
  }
}
