// OpenERP's message_process: one incoming message, parsed, filtered, routed, then posted in the
// chatter of the record it answers or of the record it opens, in the caller's transaction (so a
// refused message leaves nothing behind). Returns the record's id, or false when dropped.
import type { Env } from '../orm/env-types';
import { CallError, UserError } from '../errors';
import { sanitizeHtml } from '../orm/fields/html-sanitize';
import { parseMail, type InboundMail } from './inbound-parse';
import { dropReason } from './inbound-filter';
import { findRoute, type Route } from './inbound-route';
import { inboundSettingsOf } from './inbound-settings';
import { partnerForAddress } from './inbound-partner';
import { postMessage, type NewFile } from './post';
import { queueAcknowledgment } from './acknowledge';
import { checkDocumentAccess } from './access';
import { formatAddress } from './partners';
import { utcStamp } from '../db/clock';

export interface ProcessOptions {
  model?: string | null;
  customValues?: Record<string, unknown>;
  saveOriginal?: boolean;
  stripAttachments?: boolean;
  threadId?: number | null;
  /** The SMTP envelope's sender, when the message came through the listener ('' for a bounce). */
  envelopeSender?: string | null;
}

/** OpenERP's msg_dict: what message_new and message_update receive. */
export interface MsgDict {
  message_id: string | false;
  subject: string;
  from: string;
  email_from: string;
  to: string;
  author_id: number | false;
  /** Sanitised HTML. */
  body: string;
  /** The plain text of the message as sent. */
  body_text: string;
  date: string | false;
  parent_id: number | false;
}

function checkFileSizes(mail: InboundMail, limit: number): void {
  for (const f of mail.files) {
    if (f.content.length > limit) {
      throw new UserError(`Message refused: the attachment "${f.filename}" has ${f.content.length} bytes, `
        + `more than the ${limit} bytes allowed.`, 'Message too big');
    }
  }
}

/** Records the Message-ID; false when another call already did (a duplicate, even a concurrent one). */
async function claimMessageId(env: Env, messageId: string): Promise<boolean> {
  // The unique index decides: a concurrent twin waits for this transaction and is then ignored.
  const rows: unknown[] = await env.cr('mail_inbound').insert({ message_id: messageId, create_date: utcStamp() })
    .onConflict('message_id').ignore().returning('id');
  return rows.length === 1;
}

function msgDict(mail: InboundMail, authorId: number, route: Route): MsgDict {
  const from = mail.from!;
  return {
    message_id: mail.messageId ?? false,
    subject: mail.subject,
    from: formatAddress(from.name, from.address),
    email_from: from.address,
    to: mail.recipients.join(', '),
    author_id: authorId,
    body: sanitizeHtml(mail.html),
    body_text: mail.text,
    date: mail.date ? mail.date.toISOString().slice(0, 19).replace('T', ' ') : false,
    parent_id: route.kind === 'update' && route.parentId ? route.parentId : false,
  };
}

export async function processMessage(env: Env, raw: Buffer, opts: ProcessOptions = {}): Promise<number | false> {
  const settings = inboundSettingsOf(env.registry);
  const limits = settings.inbound;
  const log = settings.logger;
  if (raw.length > limits.maxMessageBytes) {
    throw new UserError(`Message refused: it has ${raw.length} bytes, more than the ${limits.maxMessageBytes} bytes allowed.`,
      'Message too big');
  }
  const mail = await parseMail(raw);
  const meta = { db: env.dbName, name: 'mail.gateway', from: mail.from?.address ?? '', message_id: mail.messageId ?? '' };
  const drop = dropReason(mail, settings.notificationAddress, opts.envelopeSender);
  if (drop) {
    log?.info(`Incoming mail dropped: ${drop}`, meta);
    return false;
  }
  const route = await findRoute(env, mail, { model: opts.model ?? null, threadId: opts.threadId ?? null });
  if (!route) {
    // A ValueError, as OpenERP raises it: gateway scripts recognise it and bounce "no such user".
    const to = mail.recipients.join(', ') || 'nobody';
    throw new CallError(`No possible route found for incoming message from ${mail.from!.address} to ${to}: `
      + 'no thread answered, no alias matched and no model was given.', 'ValueError');
  }
  if (!opts.stripAttachments) checkFileSizes(mail, limits.maxAttachmentBytes);
  if (mail.messageId && !(await claimMessageId(env, mail.messageId))) {
    log?.info('Incoming mail dropped: already processed (duplicate Message-ID)', meta);
    return false;
  }

  const authorId = await partnerForAddress(env, mail.from!);
  const dict = msgDict(mail, authorId, route);
  let resId: number;
  if (route.kind === 'new') {
    const custom = { ...route.defaults, ...(opts.customValues ?? {}) };
    resId = Number(await env.model(route.model).call('message_new', { msg_dict: dict, custom_values: custom }));
  } else {
    resId = route.resId;
    await checkDocumentAccess(env, route.model, [resId], 'read');
    await env.model(route.model).call('message_update', { ids: [resId], msg_dict: dict, update_vals: {} });
  }
  const files: NewFile[] = opts.stripAttachments ? [] : mail.files.map((f) => [f.filename, f.content, f.contentType]);
  if (opts.saveOriginal) files.push(['original_email.eml', raw, 'message/rfc822']);
  await postMessage(env, route.model, resId, {
    body: dict.body, subject: mail.subject || null, type: 'email', subtype: 'mail.mt_comment',
    parentId: route.kind === 'update' ? route.parentId : null, authorId, attachments: files, messageId: mail.messageId,
  });
  if (mail.messageId) await env.cr('mail_inbound').where('message_id', mail.messageId).update({ model: route.model, res_id: resId });
  if (route.kind === 'new') await queueAcknowledgment(env, route.model, resId, authorId, mail.subject, mail.messageId);
  log?.info(`Incoming mail routed to ${route.model},${resId} (${route.via})`, meta);
  return resId;
}
