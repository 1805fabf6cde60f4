// copy(id, default): a new record with the source's values, except `copy: false` fields, magic and
// computed fields (followers, messages, stored computes: made again) and passwords; one2many lines only when `copy: true`;
// `copyFormat` rewords a value ("X (copy)"). `default` values are checked as a caller's create values.
import type { RpcValue } from '../../values';
import type { Vals } from '../env-types';
import type { CallEnv } from '../call-env';
import type { RuntimeModel } from '../registry';
import { fieldType, isStored } from '../fields';
import { isMagic } from '../magic-fields';
import { missingError } from './common';
import { readRecords } from './read';
import { asVals, checkKeys } from './prepare-vals';
import { createRecord } from './save';
import { labelText, langOf } from '../labels';

/** The values a copy of record `id` starts from (Odoo's copy_data). */
export async function copyData(env: CallEnv, model: RuntimeModel, id: number, skip: string[] = []): Promise<Vals> {
  const [src] = await readRecords(env, model, [id], null, { load: '_classic_write' });
  if (!src) throw missingError(env, model.name, [id]);
  const vals: Vals = {};
  for (const f of Object.values(model.fields)) {
    const how = fieldType(f).copyAs;
    if (isMagic(f.name) || f.storedCompute || f.copy === false || how === 'never' || skip.includes(f.name) || !(f.name in src)) continue;
    if (how === 'links' && !f.compute && !f.related) {
      vals[f.name] = [[6, 0, src[f.name] as RpcValue[]]];
    } else if (how === 'lines' && f.copy === true) {
      const co = env.registry.model(f.comodel!);
      const lines: unknown[] = [];
      for (const child of src[f.name] as number[]) {
        lines.push([0, 0, await copyData(env, co, child, [f.inverseName!])]);
      }
      vals[f.name] = lines;
    } else if (isStored(f)) {
      const value = src[f.name];
      vals[f.name] = f.copyFormat && typeof value === 'string'
        ? labelText(f.copyFormat, langOf(env.context)).replace('%s', value)
        : value;
    }
  }
  return vals;
}

export async function copyRecord(env: CallEnv, model: RuntimeModel, id: number, rawDefault: unknown): Promise<number> {
  const overrides = rawDefault === null || rawDefault === undefined || rawDefault === false ? {} : asVals(rawDefault);
  await checkKeys(env, model, overrides, {});
  const vals = { ...(await copyData(env, model, id)), ...overrides };
  // The copied values come from a record the server already holds, so read-only ones pass.
  return createRecord(env, model, vals, { internal: true });
}
