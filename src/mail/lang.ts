// The language a record speaks: that of its partner (the requester of a request, say), else the
// caller's, else English. Tracking and creation messages are written in it.
import type { Env } from '../orm/env-types';
import { DEFAULT_LANG, langOf } from '../orm/labels';
import { fieldType } from '../orm/fields';
import { runtimeModel } from './tracking';

/** For each record, its language; `langField` is a many2one to res.partner or res.users. */
export async function recordLangs(env: Env, model: string, ids: number[], langField: string | null): Promise<Map<number, string>> {
  const fallback = langOf(env.context) || DEFAULT_LANG;
  const out = new Map<number, string>(ids.map((id) => [id, fallback]));
  const field = langField ? runtimeModel(env, model).fields[langField] : undefined;
  if (!field || !fieldType(field).holdsId || !ids.length) return out;
  const rows = (await env.cr(runtimeModel(env, model).table).whereIn('id', ids).select('id', langField!)) as Record<string, unknown>[];
  const targets = rows.map((r) => r[langField!]).filter((v) => v !== null && v !== undefined).map(Number);
  if (!targets.length) return out;
  const q = field.comodel === 'res.users'
    ? env.cr('res_users as u').join('res_partner as p', 'p.id', 'u.partner_id').whereIn('u.id', targets).select('u.id as id', 'p.lang as lang')
    : env.cr('res_partner').whereIn('id', targets).select('id', 'lang');
  const langs = new Map(((await q) as { id: unknown; lang: unknown }[]).map((r) => [Number(r.id), r.lang]));
  for (const r of rows) {
    const lang = langs.get(Number(r[langField!]));
    if (typeof lang === 'string' && lang) out.set(Number(r.id), lang);
  }
  return out;
}
