// The outbox: emails are rows of mail_mail written in the caller's transaction, so a rolled-back
// change queues nothing and a committed change always has its mail. The sender drains the rows.
import type { Knex } from 'knex';
import type { Env } from '../orm/env-types';
import { newMessageId, recordTag } from './message-id';
import { utcStamp } from '../db/clock';
import { mailQueued } from './wakeup';

export interface OutgoingMail {
  mailMessageId?: number | null;
  model?: string | null;
  resId?: number | null;
  recordName?: string | null;
  subject: string;
  bodyHtml: string;
  /** The author as `Name <address>`; the sender uses it as display name and Reply-To. */
  emailFrom?: string | null;
  replyTo?: string | null;
  emailTo: string;
  recipientId?: number | null;
  /** Given only when the caller already fixed it; otherwise a fresh one is made here. */
  messageId?: string;
  inReplyTo?: string | null;
  references?: string | null;
}

/** Inserts one outbox row in `cr` (a transaction or a connection); returns its id. */
export async function insertMail(cr: Knex | Knex.Transaction, mail: OutgoingMail, uid: number | null = null): Promise<number> {
  const now = utcStamp();
  const rows: unknown[] = await cr('mail_mail').insert({
    mail_message_id: mail.mailMessageId ?? null,
    model: mail.model ?? null,
    res_id: mail.resId ?? null,
    record_name: mail.recordName ?? null,
    subject: mail.subject,
    body_html: mail.bodyHtml,
    email_from: mail.emailFrom ?? null,
    reply_to: mail.replyTo ?? null,
    email_to: mail.emailTo,
    recipient_id: mail.recipientId ?? null,
    message_id: mail.messageId ?? newMessageId(recordTag(mail.model ?? null, mail.resId ?? null)),
    in_reply_to: mail.inReplyTo ?? null,
    references: mail.references ?? null,
    state: 'outgoing',
    attempts: 0,
    next_attempt_ms: 0,
    create_uid: uid, create_date: now, write_uid: uid, write_date: now,
  }).returning('id');
  return idOf(rows[0]);
}

/** Queues a mail in the environment's transaction and wakes the sender once it commits. */
export async function queueMail(env: Env, mail: OutgoingMail): Promise<number> {
  const id = await insertMail(env.cr, mail, env.uid);
  env.afterCommit(() => mailQueued.notify(env.dbName));
  return id;
}

export function idOf(row: unknown): number {
  if (row !== null && typeof row === 'object' && 'id' in row) return Number((row as { id: unknown }).id);
  return Number(row);
}
