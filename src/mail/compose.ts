// Turns an outbox row into the message handed to the transport: From shows the author's name on
// the configured address; replies go to the gateway's thread address when one is configured,
// else to the author; threading headers group a record's emails.
import type { SendMailOptions } from 'nodemailer';
import type { ClaimedMail } from './claim';
import { htmlToText } from './html-text';

interface Address {
  name: string;
  address: string;
}

/** Splits `Name <address>`; a bare address has an empty name. */
export function parseAddress(s: string | null): Address | null {
  if (!s) return null;
  const m = /^\s*"?([^"<]*?)"?\s*<([^<>]+)>\s*$/.exec(s);
  if (m) return { name: m[1].trim(), address: m[2].trim() };
  // An author without an address is known by name only.
  return s.includes('@') ? { name: '', address: s.trim() } : { name: s.trim(), address: '' };
}

/** `catchall+<model>-<id>@domain`: the gateway's address carrying the record a reply belongs to. */
export function threadReplyAddress(catchall: string, model: string, resId: number): string {
  const at = catchall.lastIndexOf('@');
  return `${catchall.slice(0, at)}+${model}-${resId}${catchall.slice(at)}`;
}

export function composeMessage(mail: ClaimedMail, fromAddress: string, catchall: string | null = null): SendMailOptions {
  const author = parseAddress(mail.email_from);
  const html = mail.body_html ?? '';
  const message: SendMailOptions = {
    from: { name: author?.name ?? '', address: fromAddress },
    to: mail.email_to,
    subject: mail.subject ?? '',
    html,
    text: htmlToText(html),
    messageId: mail.message_id,
    headers: {},
  };
  const threadAddress = catchall && mail.model && mail.res_id ? threadReplyAddress(catchall, mail.model, mail.res_id) : null;
  const replyTo = mail.reply_to ?? threadAddress ?? (author?.address && author.address !== fromAddress ? author.address : null);
  if (replyTo) message.replyTo = replyTo;
  if (mail.in_reply_to) message.inReplyTo = mail.in_reply_to;
  if (mail.references) message.references = mail.references;
  if (mail.model && mail.res_id) {
    message.headers = { 'X-OpenERP-Model': mail.model, 'X-OpenERP-Res-Id': String(mail.res_id) };
  }
  return message;
}
