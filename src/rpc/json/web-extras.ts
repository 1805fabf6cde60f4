// The web client's start-up reads: its labels in a language (/web/webclient/translations) and
// an action by id or external id (/web/action/load). Labels come from the models themselves:
// each model, field and selection label that has a translation, grouped by defining module.
import { MissingError } from '../../errors';
import { callModelMethod } from '../../orm/call-method';
import type { Label } from '../../orm/define';
import type { OrmEnv } from '../../orm/env';
import { DEFAULT_LANG } from '../../orm/labels';
import { isStruct, newStruct, type RpcStruct, type RpcValue } from '../../values';

const LANG_PARAMETERS = ['direction', 'date_format', 'time_format', 'grouping', 'decimal_point', 'thousands_sep'];

function translated(label: Label | undefined, lang: string): [string, string] | null {
  if (label === undefined || typeof label === 'string') return null;
  const text = label[lang] ?? label[lang.split('_')[0]];
  return text && text !== label.en_US ? [label.en_US, text] : null;
}

/** `{lang, lang_parameters, modules: {module: {messages: [{id, string}]}}}`, as 7.0's translations route. */
export async function translations(env: OrmEnv | null, params: RpcStruct): Promise<RpcStruct> {
  const requested = typeof params.lang === 'string' && params.lang ? params.lang : null;
  const lang = requested ?? (env ? String((await env.sudo().model('res.users').read([env.uid], ['lang']))[0]?.lang || DEFAULT_LANG) : DEFAULT_LANG);
  const mods = Array.isArray(params.mods) ? params.mods.map(String) : typeof params.mods === 'string' ? params.mods.split(',') : null;
  const modules = newStruct();
  if (env) {
    const seen = new Map<string, Map<string, string>>();
    for (const model of env.registry.models.values()) {
      if (mods && !mods.includes(model.module)) continue;
      const messages = seen.get(model.module) ?? new Map<string, string>();
      seen.set(model.module, messages);
      const labels: (Label | undefined)[] = [model.description];
      for (const f of Object.values(model.fields)) labels.push(f.string, ...(f.selection ?? []).map(([, l]) => l));
      for (const label of labels) {
        const pair = translated(label, lang);
        if (pair) messages.set(pair[0], pair[1]);
      }
    }
    for (const [module, messages] of seen) {
      const entry = newStruct();
      entry.messages = [...messages].map(([id, string]) => Object.assign(newStruct(), { id, string }));
      modules[module] = entry;
    }
  }
  const out = newStruct();
  out.lang = lang;
  out.modules = modules;
  out.lang_parameters = env ? await langParameters(env, lang) : newStruct();
  return out;
}

async function langParameters(env: OrmEnv, lang: string): Promise<RpcStruct> {
  const [row] = await env.sudo().model('res.lang').searchRead([['code', '=', lang]], LANG_PARAMETERS);
  const out = newStruct();
  for (const key of LANG_PARAMETERS) out[key] = (row?.[key] ?? false) as RpcValue;
  return out;
}

/** The action of an id or an external id (`module.name`), read as the user, with its type. */
export async function actionLoad(env: OrmEnv, actionId: number | string): Promise<RpcValue> {
  const id = typeof actionId === 'number' ? actionId
    : await callModelMethod(env, 'ir.model.data', 'xmlid_to_res_id', [actionId, true], {}) as number;
  const [head] = await env.model('ir.actions.actions').read([id], ['type']);
  if (!head || typeof head.type !== 'string') throw new MissingError();
  const model = env.registry.has(head.type) ? head.type : 'ir.actions.actions';
  const [action] = await env.model(model).read([id]);
  if (!action) throw new MissingError();
  const out = newStruct();
  for (const [key, value] of Object.entries(action)) out[key] = value as RpcValue;
  return isStruct(out) ? out : false;
}
