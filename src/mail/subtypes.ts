// Message subtypes: what a message is about (a discussion, a status change...). Followers
// subscribe to subtypes; a message without one is a pure log entry and notifies nobody.
import type { Env } from '../orm/env-types';

/** The subtype named by an external id; `mt_comment` alone means `mail.mt_comment` (7.0). */
export async function subtypeByXmlid(env: Env, xmlid: string): Promise<number | null> {
  const [module, name] = xmlid.includes('.') ? xmlid.split('.', 2) : ['mail', xmlid];
  const row = (await env.cr('ir_model_data')
    .where({ module, name, model: 'mail.message.subtype' }).first('res_id')) as { res_id: unknown } | undefined;
  return row && row.res_id !== null ? Number(row.res_id) : null;
}

/** Subtypes a new follower gets: those marked default, for every model or for this one. */
export async function defaultSubtypeIds(env: Env, model: string): Promise<number[]> {
  const rows = (await env.cr('mail_message_subtype')
    .where('default', true)
    .andWhere((q) => q.whereNull('res_model').orWhere('res_model', model).orWhere('res_model', ''))
    .select('id').orderBy('id')) as { id: unknown }[];
  return rows.map((r) => Number(r.id));
}
