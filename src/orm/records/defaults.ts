// Default values: `default_<field>` from the context first (as 7.0's default_get), then the
// field's own default. Context defaults never reach read-only fields: those are the server's.
import { newStruct, type RpcStruct, type RpcValue } from '../../values';
import type { FieldDef } from '../model-types';
import type { Vals } from '../env-types';
import type { CallEnv } from '../call-env';
import type { RuntimeModel } from '../registry';
import { isMagic } from '../magic-fields';
import { fieldType } from '../fields';

const NONE = Symbol('no default');

/** The default of `field`, or NONE; a promise only when the field's default function returns one. */
function defaultOf(env: CallEnv, field: FieldDef, internal: boolean): unknown {
  if (field.default === undefined && !hasContextDefaults(env)) return NONE;
  const key = `default_${field.name}`;
  if (key in env.context && (internal || !field.readonly) && !isMagic(field.name)) return env.context[key];
  if (field.default === undefined) return NONE;
  return typeof field.default === 'function' ? field.default(env) : field.default;
}

/** Whether the context names any `default_<field>` (most calls' contexts do not). */
function hasContextDefaults(env: CallEnv): boolean {
  for (const key in env.context) if (key.startsWith('default_')) return true;
  return false;
}

/** A many2one default given as `[id, name]` is stored as its id. */
function normalise(field: FieldDef, value: unknown): unknown {
  if (fieldType(field).holdsId && Array.isArray(value)) return value[0];
  return value;
}

/** Defaults of the fields missing from `vals`, merged under `vals`. */
export async function withDefaults(env: CallEnv, model: RuntimeModel, vals: Vals, internal: boolean): Promise<Vals> {
  const out: Vals = {};
  const fromContext = hasContextDefaults(env);
  for (const field of Object.values(model.fields)) {
    if (field.name in vals || field.name === 'id' || (field.default === undefined && !fromContext)) continue;
    const found = defaultOf(env, field, internal);
    const v = found instanceof Promise ? await found : found;
    if (v !== NONE) out[field.name] = normalise(field, v);
  }
  return { ...out, ...vals };
}

/** default_get(fields_list): the defaults of the named fields that have one. */
export async function defaultGet(env: CallEnv, model: RuntimeModel, names: unknown): Promise<RpcStruct> {
  const wanted = Array.isArray(names) && names.length
    ? names.filter((n): n is string => typeof n === 'string')
    : Object.keys(model.fields);
  const out = newStruct();
  for (const name of wanted) {
    const field = model.fields[name];
    if (!field || name === 'id') continue;
    const v = await defaultOf(env, field, false);
    if (v !== NONE && v !== undefined) out[name] = normalise(field, v) as RpcValue;
  }
  return out;
}
