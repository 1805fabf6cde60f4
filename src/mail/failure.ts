// Sorting delivery failures: transient ones (connection refused, timeouts, 4xx replies) are
// retried; permanent ones (5xx replies, an address that cannot be used) fail the mail for good.

export interface DeliveryFailure {
  permanent: boolean;
  /** The server or the whole transport is unreachable: no point trying the rest of the batch now. */
  transportDown: boolean;
  reason: string;
}

interface MailerError {
  code?: string;
  responseCode?: number;
  response?: string;
  message?: string;
}

/** Errors that leave the connection unusable, not the message refused. */
const CONNECTION_CODES = new Set(['ECONNECTION', 'ESOCKET', 'ETIMEDOUT', 'EDNS', 'ETLS', 'EPROXY', 'ECONNREFUSED', 'ECONNRESET']);
/** A mail the sender itself cannot build or address: retrying gives the same answer. */
const PERMANENT_CODES = new Set(['EENVELOPE', 'EMAXRECIPIENTS']);

export function classifyFailure(err: unknown): DeliveryFailure {
  const e: MailerError = typeof err === 'object' && err !== null ? (err as MailerError) : { message: String(err) };
  const text = oneLine(e.response || e.message || String(err));
  const code = e.code ?? '';
  if (typeof e.responseCode === 'number') {
    // RFC 5321: 5yz is a permanent refusal, 4yz a transient one. 503 (bad sequence) only says the
    // session was confused, and 421 means the server is closing: both are worth another try.
    const permanent = e.responseCode >= 500 && e.responseCode < 600 && e.responseCode !== 503;
    return { permanent, transportDown: e.responseCode === 421, reason: text };
  }
  if (CONNECTION_CODES.has(code)) return { permanent: false, transportDown: true, reason: `${code}: ${text}` };
  // Bad credentials are the server's configuration, not this mail's fault: retry once fixed.
  if (code === 'EAUTH' || code === 'ENOAUTH') return { permanent: false, transportDown: true, reason: `${code}: ${text}` };
  if (PERMANENT_CODES.has(code)) return { permanent: true, transportDown: false, reason: `${code}: ${text}` };
  return { permanent: false, transportDown: false, reason: code ? `${code}: ${text}` : text };
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim().slice(0, 500);
}

/** A deliberately loose check: what no SMTP server could accept is refused before sending. */
export function unusableAddress(address: string): string | null {
  const a = address.trim();
  const bare = /<([^<>]*)>\s*$/.exec(a)?.[1] ?? a;
  if (!/^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+$/.test(bare)) return `Invalid email address: ${address}`;
  return null;
}
