// Posting a message on a record (or nowhere: a private message), then notifying. This is
// message_post's engine: the RPC method and the status tracking both end here.
import type { Env } from '../orm/env-types';
import { CallError } from '../errors';
import { utcStamp } from '../db/clock';
import { idOf } from './outbox';
import { newMessageId, recordTag } from './message-id';
import { partnerOfUser } from './partners';
import { subtypeByXmlid } from './subtypes';
import { subscribe } from './followers';
import { notifyMessage } from './notify';

export type MessageType = 'email' | 'comment' | 'notification';
export type NewFile = [string, string | Buffer] | [string, string | Buffer, string];

export interface PostOptions {
  body: string;
  subject?: string | null;
  type?: MessageType;
  /** An external id (`mail.mt_comment`, or `mt_comment`); none makes a pure log entry. */
  subtype?: string | null;
  subtypeId?: number | null;
  parentId?: number | null;
  /** Explicit recipients: always notified. */
  partnerIds?: number[];
  /** New files as [file name, content, mimetype?]; the content is raw text, or a Buffer. */
  attachments?: NewFile[];
  attachmentIds?: number[];
  /** Defaults to the partner of the current user. */
  authorId?: number | null;
  /** The Message-ID of an incoming email (kept, so replies to it find the record); else a new one. */
  messageId?: string | null;
}

async function recordName(env: Env, model: string, resId: number): Promise<string | null> {
  const [pair] = await env.sudo().model(model).nameGet([resId]);
  return pair ? pair[1] : null;
}

async function resolveSubtype(env: Env, opts: PostOptions): Promise<number | null> {
  if (opts.subtypeId) return opts.subtypeId;
  if (!opts.subtype) return null;
  const id = await subtypeByXmlid(env, opts.subtype);
  if (id === null) {
    const full = opts.subtype.includes('.') ? opts.subtype : `mail.${opts.subtype}`;
    throw new CallError(`No such external ID currently defined in the system: ${full}`, 'ValueError');
  }
  return id;
}

async function createAttachments(env: Env, model: string | null, resId: number | null, files: NewFile[]): Promise<number[]> {
  const ids: number[] = [];
  for (const [name, content, mimetype] of files) {
    const data = Buffer.isBuffer(content) ? content : Buffer.from(String(content), 'utf8');
    ids.push(await env.sudo().model('ir.attachment').create({
      name, datas_fname: name, datas: data.toString('base64'),
      res_model: model ?? 'mail.message', res_id: resId ?? 0,
      ...(mimetype ? { mimetype } : {}),
    }));
  }
  return ids;
}

/** Creates the message, links recipients and files, subscribes the author, notifies. */
export async function postMessage(env: Env, model: string | null, resId: number | null, opts: PostOptions): Promise<number> {
  const type = opts.type ?? 'notification';
  const subtypeId = await resolveSubtype(env, opts);
  const authorId = opts.authorId !== undefined ? opts.authorId : await partnerOfUser(env, env.uid);
  const name = model && resId ? await recordName(env, model, resId) : null;
  const messageId = opts.messageId || newMessageId(recordTag(model, resId));
  const now = utcStamp();
  const [row] = await env.cr('mail_message').insert({
    model, res_id: resId, record_name: name, subject: opts.subject ?? null, body: opts.body, type,
    subtype_id: subtypeId, author_id: authorId, parent_id: opts.parentId ?? null, date: now, message_id: messageId,
    create_uid: env.uid, create_date: now, write_uid: env.uid, write_date: now,
  }).returning('id');
  const id = idOf(row);
  const partnerIds = [...new Set(opts.partnerIds ?? [])];
  if (partnerIds.length) {
    await env.cr('mail_message_res_partner_rel').insert(partnerIds.map((p) => ({ mail_message_id: id, res_partner_id: p })));
  }
  const files = [...(opts.attachmentIds ?? []), ...await createAttachments(env, model, resId, opts.attachments ?? [])];
  if (files.length) {
    await env.cr('message_attachment_rel').insert([...new Set(files)].map((a) => ({ message_id: id, attachment_id: a })));
  }
  // The author follows what they write about (7.0), except system notifications.
  if (model && resId && authorId && type !== 'notification' && env.context.mail_post_autofollow !== false) {
    await subscribe(env, model, [resId], [authorId]);
  }
  await notifyMessage(env, {
    id, model, resId, type, subtypeId, authorId, partnerIds, subject: opts.subject ?? null,
    body: opts.body, recordName: name, messageId, parentId: opts.parentId ?? null,
  });
  return id;
}
