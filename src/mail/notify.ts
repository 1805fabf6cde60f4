// Who hears of a message, and the emails they get. Recipients are the record's followers
// subscribed to the message's subtype plus the explicit recipients, never the author. Each
// gets a notification; those with an address whose preference allows it also get an email,
// queued in the same transaction.
import type { Env } from '../orm/env-types';
import { followersForSubtype } from './followers';
import { formatAddress, partnersInfo, type PartnerInfo } from './partners';
import { queueMail } from './outbox';
import { notificationEmail } from './email-body';
import { threadHeaders } from './message-id';

export interface PostedMessage {
  id: number;
  model: string | null;
  resId: number | null;
  type: string;
  subtypeId: number | null;
  authorId: number | null;
  partnerIds: number[];
  subject: string | null;
  body: string;
  recordName: string | null;
  messageId: string;
  parentId: number | null;
}

/**
 * OpenERP 7.0's notification_email_send. `comment` (the default) also lets through status
 * changes the partner follows: the support center promises an email on each of them.
 */
export function wantsEmail(pref: string, type: string, hasSubtype: boolean): boolean {
  switch (pref) {
    case 'none': return false;
    case 'email': return type === 'email';
    case 'all': return true;
    default: return type === 'email' || type === 'comment' || hasSubtype;
  }
}

export async function recipientsOf(env: Env, msg: PostedMessage): Promise<number[]> {
  const followers = msg.subtypeId && msg.model && msg.resId
    ? await followersForSubtype(env, msg.model, msg.resId, msg.subtypeId) : [];
  return [...new Set([...followers, ...msg.partnerIds])].filter((p) => p !== msg.authorId);
}

async function messageIdOf(env: Env, id: number | null): Promise<string | null> {
  if (!id) return null;
  const row = (await env.cr('mail_message').where('id', id).first('message_id')) as { message_id: string | null } | undefined;
  return row?.message_id ?? null;
}

/** The first message of the record: the root all of its emails refer to. */
async function threadRoot(env: Env, msg: PostedMessage): Promise<string | null> {
  if (!msg.model || !msg.resId) return null;
  const row = (await env.cr('mail_message').where({ model: msg.model, res_id: msg.resId })
    .orderBy('id').first('message_id')) as { message_id: string | null } | undefined;
  return row?.message_id ?? null;
}

export async function notifyMessage(env: Env, msg: PostedMessage): Promise<number[]> {
  const recipients = await recipientsOf(env, msg);
  if (!recipients.length) return [];
  const notified = recipients.map((partnerId) => ({ message_id: msg.id, partner_id: partnerId, read: false }));
  await env.cr('mail_notification').insert(notified);
  if (env.context.mail_notify_noemail) return recipients;

  const info = await partnersInfo(env, msg.authorId ? [...recipients, msg.authorId] : recipients);
  const author: PartnerInfo | undefined = msg.authorId ? info.get(msg.authorId) : undefined;
  const content = notificationEmail({ recordName: msg.recordName, subject: msg.subject, body: msg.body, authorName: author?.name ?? null });
  const root = await threadRoot(env, msg);
  const parent = await messageIdOf(env, msg.parentId);
  const thread = threadHeaders(root && root !== msg.messageId ? root : null, parent);
  for (const pid of recipients) {
    const p = info.get(pid);
    if (!p?.email || !wantsEmail(p.notify, msg.type, msg.subtypeId !== null)) continue;
    await queueMail(env, {
      mailMessageId: msg.id, model: msg.model, resId: msg.resId, recordName: msg.recordName,
      subject: content.subject, bodyHtml: content.bodyHtml,
      emailFrom: author?.email ? formatAddress(author.name, author.email) : author?.name ?? null,
      emailTo: formatAddress(p.name, p.email), recipientId: p.id,
      inReplyTo: thread.inReplyTo ?? null, references: thread.references ?? null,
    });
  }
  return recipients;
}
