// Mail that must create nothing: automatic answers and bounces (they would open requests and
// could start a loop of acknowledgments) and our own notifications coming back.
import type { InboundMail } from './inbound-parse';

const DAEMONS = new Set(['mailer-daemon', 'postmaster']);
const BULK = new Set(['bulk', 'junk', 'list', 'auto_reply']);

/** Why the message is dropped, or null when it may be processed. */
export function dropReason(mail: InboundMail, notificationAddress: string, envelopeSender?: string | null): string | null {
  const h = mail.headers;
  const auto = h.get('auto-submitted')?.toLowerCase();
  if (auto && auto !== 'no') return `automatic message (Auto-Submitted: ${auto})`;
  if (h.get('x-auto-response-suppress')) return 'automatic message (X-Auto-Response-Suppress)';
  if (h.has('x-autoreply') || h.has('x-autorespond')) return 'automatic reply';
  const precedence = h.get('precedence')?.toLowerCase();
  if (precedence && BULK.has(precedence)) return `automatic message (Precedence: ${precedence})`;
  if (h.get('return-path') === '' || envelopeSender === '') return 'bounce (empty return path)';
  if (mail.contentType === 'multipart/report') return 'bounce (delivery report)';
  const from = mail.from?.address ?? '';
  if (!from) return 'no sender address';
  if (DAEMONS.has(from.split('@')[0])) return `bounce (from ${from})`;
  if (from === notificationAddress.toLowerCase()) return 'our own notification (mail loop)';
  return null;
}
