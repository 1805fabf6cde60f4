// Reading an incoming RFC 822 message with a maintained MIME parser (mailparser): encoded
// headers (ISO-8859-1, UTF-8), quoted-printable and base64 bodies, attachments. What comes out
// is plain data the router and the thread methods use (OpenERP's msg_dict).
// mailparser and nodemailer are loaded on the first message read, not with the server.
import type { AddressObject, ParsedMail } from 'mailparser';
import { UserError } from '../errors';

export interface MailAddress {
  name: string;
  address: string;
}

export interface InboundFile {
  filename: string;
  contentType: string;
  content: Buffer;
}

export interface InboundMail {
  messageId: string | null;
  /** In-Reply-To then References, most recent first, without duplicates. */
  threadIds: string[];
  from: MailAddress | null;
  /** To, Cc and Delivered-To addresses, lower case. */
  recipients: string[];
  subject: string;
  /** The HTML body as sent (sanitised when stored), or the text body turned into HTML. */
  html: string;
  text: string;
  date: Date | null;
  files: InboundFile[];
  /** Header values the drop rules look at, lower-case names. */
  headers: Map<string, string>;
  contentType: string;
  raw: Buffer;
}

const DROP_HEADERS = ['auto-submitted', 'x-auto-response-suppress', 'return-path', 'precedence', 'x-autoreply', 'x-autorespond'];

type AddressParser = typeof import('nodemailer/lib/addressparser').default;

function addresses(value: AddressObject | AddressObject[] | undefined, addressparser: AddressParser): MailAddress[] {
  const list = value === undefined ? [] : Array.isArray(value) ? value : [value];
  const out: MailAddress[] = [];
  const walk = (items: { address?: string; name?: string; group?: unknown[] }[]) => {
    for (const a of items) {
      if (a.group) walk(a.group as typeof items);
      else if (a.address) out.push({ name: a.name ?? '', address: a.address.toLowerCase() });
      // Some clients encode the whole `Name <address>` as one encoded word: read the decoded text again.
      else if (a.name?.includes('@')) walk(addressparser(a.name, { flatten: true }));
    }
  };
  for (const obj of list) walk(obj.value);
  return out;
}

function headerText(parsed: ParsedMail, name: string): string | null {
  const v = parsed.headers.get(name);
  if (v === undefined || v === null) return null;
  if (typeof v === 'string') return v.trim();
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'object' && 'text' in v) return String((v as AddressObject).text).trim();
  if (typeof v === 'object' && 'value' in v) return String((v as { value: unknown }).value).trim();
  return String(v).trim();
}

/** The raw message of an RPC call: text, or base64 (an XML-RPC binary arrives decoded to base64 text). */
export function rawMessage(value: unknown): Buffer {
  if (Buffer.isBuffer(value)) return value;
  if (typeof value !== 'string' || !value.trim()) throw new UserError('message_process needs the message as a string or a binary');
  // A message always has a "Name: value" header line; base64 text never holds a colon.
  return value.includes(':') ? Buffer.from(value, 'utf8') : Buffer.from(value, 'base64');
}

export async function parseMail(raw: Buffer): Promise<InboundMail> {
  const [{ simpleParser }, { default: addressparser }] = await Promise.all([import('mailparser'), import('nodemailer/lib/addressparser')]);
  const parsed = await simpleParser(raw, { skipImageLinks: true });
  const headers = new Map<string, string>();
  for (const name of DROP_HEADERS) {
    const v = headerText(parsed, name);
    if (v !== null) headers.set(name, v);
  }
  const refs = parsed.references === undefined ? [] : Array.isArray(parsed.references) ? parsed.references : [parsed.references];
  const threadIds = [...new Set([...(parsed.inReplyTo ? [parsed.inReplyTo] : []), ...[...refs].reverse()].map((s) => s.trim()).filter(Boolean))];
  const delivered = headerText(parsed, 'delivered-to');
  const recipients = [
    ...addresses(parsed.to, addressparser), ...addresses(parsed.cc, addressparser),
    ...(delivered ? [{ name: '', address: delivered.toLowerCase() }] : []),
  ].map((a) => a.address);
  const text = parsed.text ?? '';
  const ct = parsed.headers.get('content-type') as { value?: string } | undefined;
  return {
    messageId: parsed.messageId?.trim() || null,
    threadIds,
    from: addresses(parsed.from, addressparser)[0] ?? null,
    recipients: [...new Set(recipients)],
    subject: parsed.subject ?? '',
    html: typeof parsed.html === 'string' && parsed.html ? parsed.html : parsed.textAsHtml ?? '',
    text,
    date: parsed.date ?? null,
    files: parsed.attachments.map((a, i) => ({
      filename: a.filename || `attachment-${i + 1}`,
      contentType: a.contentType || 'application/octet-stream',
      content: a.content,
    })),
    headers,
    contentType: ct?.value?.toLowerCase() ?? 'text/plain',
    raw,
  };
}
