// The RPC side of mail.message: read flags in the caller's inbox, and notifying for messages
// created directly (message_post notifies by itself).
import type { Env } from '../orm/env-types';
import { partnerOfUser } from './partners';
import { notifyMessage } from './notify';
import { utcStamp } from '../db/clock';
import { checkDocumentAccess } from './access';

export async function markRead(env: Env, ids: number[], read: boolean): Promise<number> {
  const me = await partnerOfUser(env, env.uid);
  if (me === null || !ids.length) return 0;
  const n = await env.cr('mail_notification').whereIn('message_id', ids).andWhere('partner_id', me).update({ read });
  return Number(n);
}

export async function notifyCreatedMessage(env: Env, id: number): Promise<void> {
  const row = (await env.cr('mail_message').where('id', id).first()) as Record<string, unknown> | undefined;
  if (!row) return;
  const partners = (await env.cr('mail_message_res_partner_rel').where('mail_message_id', id)
    .select('res_partner_id')) as { res_partner_id: unknown }[];
  const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  await notifyMessage(env, {
    id, model: (row.model as string | null) ?? null, resId: num(row.res_id), type: String(row.type ?? 'email'),
    subtypeId: num(row.subtype_id), authorId: num(row.author_id), partnerIds: partners.map((p) => Number(p.res_partner_id)),
    subject: (row.subject as string | null) ?? null, body: String(row.body ?? ''), recordName: (row.record_name as string | null) ?? null,
    messageId: String(row.message_id ?? ''), parentId: num(row.parent_id),
  });
}

/** Now, as datetime fields store it (UTC, to the second). */
export function nowStamp(): string {
  return utcStamp();
}

/** A message written on a record needs read access to that record (7.0's mail.message rule). */
export async function checkMessageCreate(env: Env, vals: Record<string, unknown>): Promise<void> {
  if (env.su || typeof vals.model !== 'string' || !vals.model || typeof vals.res_id !== 'number' || !vals.res_id) return;
  await checkDocumentAccess(env, vals.model, [vals.res_id], 'read');
}
