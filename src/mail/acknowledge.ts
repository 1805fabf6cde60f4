// The acknowledgment a sender gets when their message opened a record: the record's reference
// in the subject and the body, threaded under their message, in the partner's language.
import type { Env } from '../orm/env-types';
import { labelText } from '../orm/labels';
import type { Label } from '../orm/define';
import { escapeHtml } from './email-body';
import { formatAddress, partnersInfo } from './partners';
import { queueMail } from './outbox';

const RECEIVED: Label = {
  en_US: 'We have received your message and registered it with the reference %s. '
    + 'Reply to this email to add anything to it.',
  es_ES: 'Hemos recibido su mensaje y lo hemos registrado con la referencia %s. '
    + 'Responda a este correo para añadir cualquier información.',
};

export async function queueAcknowledgment(
  env: Env, model: string, resId: number, authorId: number, subject: string, inReplyTo: string | null,
): Promise<number | null> {
  const author = (await partnersInfo(env, [authorId])).get(authorId);
  if (!author?.email) return null;
  const [pair] = await env.sudo().model(model).nameGet([resId]);
  const reference = pair ? pair[1] : `${model},${resId}`;
  const text = labelText(RECEIVED, author.lang ?? 'en_US').replace('%s', `<strong>${escapeHtml(reference)}</strong>`);
  return queueMail(env, {
    model, resId, recordName: reference,
    subject: `[${reference}] ${subject}`.trim(),
    bodyHtml: `<p>${text}</p>`,
    emailTo: formatAddress(author.name, author.email), recipientId: author.id,
    inReplyTo, references: inReplyTo,
  });
}
