// What notifications need to know about partners and users, read straight from their tables:
// mail bookkeeping runs as the system, whatever the caller may read.
import type { Env } from '../orm/env-types';

export interface PartnerInfo {
  id: number;
  name: string;
  email: string | null;
  lang: string | null;
  /** OpenERP 7.0's notification_email_send: none, email, comment (the default) or all. */
  notify: string;
}

export async function partnersInfo(env: Env, ids: number[]): Promise<Map<number, PartnerInfo>> {
  const out = new Map<number, PartnerInfo>();
  if (!ids.length) return out;
  const rows = await env.cr('res_partner').whereIn('id', ids)
    .select('id', 'name', 'email', 'lang', 'notification_email_send');
  for (const r of rows as Record<string, unknown>[]) {
    const id = Number(r.id);
    out.set(id, {
      id,
      name: String(r.name ?? ''),
      email: typeof r.email === 'string' && r.email.trim() ? r.email.trim() : null,
      lang: typeof r.lang === 'string' && r.lang ? r.lang : null,
      notify: typeof r.notification_email_send === 'string' && r.notification_email_send ? r.notification_email_send : 'comment',
    });
  }
  return out;
}

/** The partners of users, in the order of `uids` (users without one are left out). */
export async function partnersOfUsers(env: Env, uids: number[]): Promise<number[]> {
  if (!uids.length) return [];
  const rows = (await env.cr('res_users').whereIn('id', uids).select('id', 'partner_id')) as { id: unknown; partner_id: unknown }[];
  const byUser = new Map(rows.map((r) => [Number(r.id), r.partner_id === null ? null : Number(r.partner_id)]));
  return uids.map((u) => byUser.get(u)).filter((p): p is number => typeof p === 'number');
}

export async function partnerOfUser(env: Env, uid: number): Promise<number | null> {
  const [p] = await partnersOfUsers(env, [uid]);
  return p ?? null;
}

/** `Name <address>`, quoting the name when it holds characters special in addresses. */
export function formatAddress(name: string, email: string): string {
  const clean = name.replace(/[\r\n"]/g, ' ').trim();
  if (!clean) return email;
  return /[()<>@,;:\\".[\]]/.test(clean) ? `"${clean}" <${email}>` : `${clean} <${email}>`;
}
