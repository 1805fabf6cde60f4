// fields_get: the description of each field the caller may see. 7.0 lists only the keys whose
// value is truthy; Odoo (compat.fieldsGetAllKeys) lists every key, false ones included.
import { AccessError } from '../../errors';
import { newStruct, type RpcStruct, type RpcValue } from '../../values';
import type { FieldDef } from '../model-types';
import type { CallEnv } from '../call-env';
import type { RuntimeModel } from '../registry';
import { fieldType, isStored } from '../fields';
import { labelLangs, labelText, langOf, resolvedLang } from '../labels';
import { isSuperuser } from '../access-policy';
import { fieldAllowed } from './common';

async function canChange(env: CallEnv, model: RuntimeModel): Promise<boolean> {
  if (isSuperuser(env)) return true;
  for (const mode of ['write', 'create'] as const) {
    try {
      await env.access.check(env, model.name, mode);
      return true;
    } catch (err) {
      if (!(err instanceof AccessError)) throw err;
    }
  }
  return false;
}

function describe(f: FieldDef, lang: string, forceReadonly: boolean): Record<string, RpcValue | undefined> {
  const stored = isStored(f);
  const { relational, textual } = fieldType(f);
  // Computed fields without storage cannot be written; related ones write through to their target.
  const computedRo = Boolean(f.compute && !stored);
  const d: Record<string, RpcValue | undefined> = {
    type: fieldType(f).rpcType,
    string: labelText(f.string, lang),
    help: f.help === undefined ? undefined : labelText(f.help, lang),
    readonly: forceReadonly || Boolean(f.readonly) || computedRo,
    required: Boolean(f.required),
    size: f.size,
    translate: textual ? Boolean(f.translate) : undefined,
    digits: f.digits ? [...f.digits] : undefined,
    selection: f.selection ? f.selection.map(([k, l]) => [k, labelText(l, lang)]) : undefined,
    relation: relational ? f.comodel : undefined,
    domain: relational ? ((f.domain ?? []) as RpcValue[]) : undefined,
    context: relational ? newStruct() : undefined,
    relation_field: relational ? f.inverseName : undefined,
    related: f.related,
  };
  if (forceReadonly) d.states = newStruct();
  return d;
}

function odooKeys(f: FieldDef, d: Record<string, RpcValue | undefined>): Record<string, RpcValue | undefined> {
  const stored = isStored(f) || f.name === 'id';
  const type = fieldType(f);
  // x2many fields are not stored in the row (isStored), so neither groupable nor sortable.
  return {
    change_default: false, company_dependent: false, default_export_compatible: !type.writeOnly,
    depends: f.related ? [f.related] : [], exportable: !type.writeOnly, groupable: stored,
    manual: false, name: f.name, searchable: stored || Boolean(f.related) || type.x2many,
    sortable: stored, store: stored,
    ...d,
    trim: type.trims ? true : undefined,
  };
}

/** 7.0 drops falsy keys; `selectable` is true for every field there. */
function legacyKeys(f: FieldDef, d: Record<string, RpcValue | undefined>): Record<string, RpcValue | undefined> {
  const out: Record<string, RpcValue | undefined> = { selectable: true };
  for (const [k, v] of Object.entries(d)) {
    const keep = k === 'type' || k === 'domain' || k === 'context' || k === 'states' ||
      (v !== undefined && v !== false && v !== '' && v !== 0 && !(Array.isArray(v) && !v.length));
    if (keep) out[k] = v;
  }
  if (f.groups?.length) out.groups = f.groups.join(',');
  return out;
}

const langsByModel = new WeakMap<RuntimeModel, Set<string>>();

/** The languages the labels of `model`'s fields are translated into. */
function modelLangs(model: RuntimeModel): Set<string> {
  let langs = langsByModel.get(model);
  if (!langs) {
    langs = new Set();
    for (const f of Object.values(model.fields)) {
      for (const label of [f.string, f.help, ...(f.selection ?? []).map(([, l]) => l)]) {
        for (const lang of labelLangs(label)) langs.add(lang);
      }
    }
    langsByModel.set(model, langs);
  }
  return langs;
}

/**
 * Every field the caller may see, fully described in the call's language and flavour. The
 * descriptions depend only on the registry, the language and the user (groups and access rights),
 * so they live in the per-database cache, dropped whenever any of those changes. They are kept
 * under the language they are written in, not the one asked for: any number of languages the
 * labels do not carry share the English entry instead of adding one each.
 */
function describedFields(env: CallEnv, model: RuntimeModel): Promise<Map<string, RpcStruct>> {
  const lang = resolvedLang(langOf(env.context), modelLangs(model));
  const key = `${model.name}|${lang}|${env.compat.fieldsGetAllKeys ? 'odoo' : '7.0'}|${env.uid}`;
  return env.cache.get('fields_get', key, async () => {
    const forceReadonly = !(await canChange(env, model));
    const out = new Map<string, RpcStruct>();
    for (const f of Object.values(model.fields)) {
      if (!(await fieldAllowed(env, f))) continue;
      const base = describe(f, lang, forceReadonly);
      const full = env.compat.fieldsGetAllKeys ? odooKeys(f, base) : legacyKeys(f, base);
      const entry = newStruct();
      for (const k of Object.keys(full).sort()) if (full[k] !== undefined) entry[k] = full[k] as RpcValue;
      out.set(f.name, entry);
    }
    return out;
  });
}

export async function fieldsGet(env: CallEnv, model: RuntimeModel, allfields: unknown, attributes: unknown): Promise<RpcStruct> {
  const only = Array.isArray(allfields) && allfields.length ? new Set(allfields.map(String)) : null;
  const attrs = Array.isArray(attributes) && attributes.length ? new Set(attributes.map(String)) : null;
  const described = await describedFields(env, model);
  const out = newStruct();
  for (const [name, cached] of described) {
    if (only && !only.has(name)) continue;
    if (name === 'id' && !env.compat.fieldsGetAllKeys && !only) continue;
    // A copy per call: callers (fields_view_get) add keys to the entries they are given.
    const entry = newStruct();
    for (const k of Object.keys(cached)) if (!attrs || attrs.has(k)) entry[k] = cached[k];
    out[name] = entry;
  }
  return out;
}

/** fields_get_keys: the names of the fields the caller may see (erppeek checks logins with it). */
export async function fieldsGetKeys(env: CallEnv, model: RuntimeModel): Promise<string[]> {
  const out: string[] = [];
  for (const f of Object.values(model.fields)) if (f.name !== 'id' && await fieldAllowed(env, f)) out.push(f.name);
  return out;
}
