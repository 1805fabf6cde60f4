// Followers of records (mail_followers): who follows which record, and for which subtypes.
// Written directly in the caller's transaction; the thread methods check the caller's rights.
import type { Env } from '../orm/env-types';
import { utcStamp } from '../db/clock';
import { defaultSubtypeIds } from './subtypes';
import { idOf } from './outbox';

const REL = 'mail_followers_mail_message_subtype_rel';

interface FollowerRow {
  id: number;
  res_id: number;
  partner_id: number;
}

async function followerRows(env: Env, model: string, ids: number[], partnerIds?: number[]): Promise<FollowerRow[]> {
  if (!ids.length) return [];
  const q = env.cr('mail_followers').where('res_model', model).whereIn('res_id', ids);
  if (partnerIds) q.whereIn('partner_id', partnerIds);
  const rows = (await q.select('id', 'res_id', 'partner_id').orderBy('id')) as Record<string, unknown>[];
  return rows.map((r) => ({ id: Number(r.id), res_id: Number(r.res_id), partner_id: Number(r.partner_id) }));
}

/**
 * Makes the partners follow the records. New followers get `subtypeIds`, or the default
 * subtypes when none are given; existing followers keep theirs unless `subtypeIds` is given.
 */
export async function subscribe(
  env: Env, model: string, ids: number[], partnerIds: number[], subtypeIds: number[] | null = null,
): Promise<void> {
  const partners = [...new Set(partnerIds)];
  if (!ids.length || !partners.length) return;
  const existing = await followerRows(env, model, ids, partners);
  const have = new Set(existing.map((f) => `${f.res_id},${f.partner_id}`));
  const now = utcStamp();
  const created: number[] = [];
  for (const resId of ids) {
    for (const partnerId of partners) {
      if (have.has(`${resId},${partnerId}`)) continue;
      // Another transaction may subscribe the same partner at the same time: theirs stands.
      const rows: unknown[] = await env.cr('mail_followers').insert({
        res_model: model, res_id: resId, partner_id: partnerId,
        create_uid: env.uid, create_date: now, write_uid: env.uid, write_date: now,
      }).onConflict(['res_model', 'res_id', 'partner_id']).ignore().returning('id');
      created.push(...rows.map(idOf));
    }
  }
  const subtypes = subtypeIds ?? await defaultSubtypeIds(env, model);
  if (subtypeIds) {
    const ids2 = existing.map((f) => f.id);
    if (ids2.length) await env.cr(REL).whereIn('mail_followers_id', ids2).delete();
    created.push(...ids2);
  }
  const links = created.flatMap((f) => subtypes.map((s) => ({ mail_followers_id: f, mail_message_subtype_id: s })));
  for (let i = 0; i < links.length; i += 500) await env.cr(REL).insert(links.slice(i, i + 500));
}

export async function unsubscribe(env: Env, model: string, ids: number[], partnerIds: number[]): Promise<void> {
  if (!ids.length || !partnerIds.length) return;
  const rows = await followerRows(env, model, ids, partnerIds);
  if (!rows.length) return;
  await env.cr(REL).whereIn('mail_followers_id', rows.map((r) => r.id)).delete();
  await env.cr('mail_followers').whereIn('id', rows.map((r) => r.id)).delete();
}

/** For each record, its followers' partner ids in the order they started following. */
export async function followersOf(env: Env, model: string, ids: number[]): Promise<Map<number, number[]>> {
  const out = new Map<number, number[]>(ids.map((id) => [id, []]));
  for (const f of await followerRows(env, model, ids)) out.get(f.res_id)?.push(f.partner_id);
  return out;
}

/** Followers of one record subscribed to a subtype: the ones a message of that subtype notifies. */
export async function followersForSubtype(env: Env, model: string, resId: number, subtypeId: number): Promise<number[]> {
  const rows = (await env.cr('mail_followers as f')
    .join(`${REL} as r`, 'r.mail_followers_id', 'f.id')
    .where({ 'f.res_model': model, 'f.res_id': resId, 'r.mail_message_subtype_id': subtypeId })
    .select('f.partner_id').orderBy('f.id')) as { partner_id: unknown }[];
  return rows.map((r) => Number(r.partner_id));
}

/** Removes the followers of deleted records (messages stay, as the history of what was sent). */
export async function dropFollowers(env: Env, model: string, ids: number[]): Promise<void> {
  const rows = await followerRows(env, model, ids);
  if (!rows.length) return;
  await env.cr(REL).whereIn('mail_followers_id', rows.map((r) => r.id)).delete();
  await env.cr('mail_followers').whereIn('id', rows.map((r) => r.id)).delete();
}
