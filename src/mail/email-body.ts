// What a notification email says: the record's reference in the subject (so people and mail
// clients can tell requests apart), the message, and who wrote it.

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The text of an HTML body, cut to a subject-sized summary. */
export function summary(html: string, max = 80): string {
  const text = html.replace(/<[^>]+>/g, ' ').replace(/&nbsp;/g, ' ').replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/\s+/g, ' ').trim();
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export interface EmailContent {
  subject: string;
  bodyHtml: string;
}

export function notificationEmail(opts: {
  recordName: string | null;
  subject: string | null;
  body: string;
  authorName: string | null;
}): EmailContent {
  const topic = opts.subject?.trim() || summary(opts.body);
  const subject = opts.recordName ? `[${opts.recordName}] ${topic}`.trim() : topic;
  const sign = opts.authorName ? `<p style="color:#777777">-- <br/>${escapeHtml(opts.authorName)}</p>` : '';
  return { subject, bodyHtml: `<div>${opts.body}</div>${sign}` };
}
