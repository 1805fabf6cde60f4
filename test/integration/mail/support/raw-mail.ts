// Raw RFC 822 messages as mail servers hand them to the gateway: encoded headers, quoted-printable
// and base64 bodies, attachments. Built by hand so the tests control every byte.
import { randomBytes } from 'node:crypto';

export interface RawMailOptions {
  from: string;
  to: string;
  subject?: string;
  /** Plain text body, sent UTF-8 quoted-printable unless `latin1`. */
  text?: string;
  /** HTML body (sent base64 UTF-8 beside the text). */
  html?: string;
  messageId?: string;
  inReplyTo?: string;
  references?: string;
  headers?: Record<string, string>;
  /** Encode the subject and text in ISO-8859-1 (quoted-printable), as older mail clients do. */
  latin1?: boolean;
  attachments?: { filename: string; contentType: string; content: Buffer }[];
}

export function newMessageId(): string {
  return `<${randomBytes(8).toString('hex')}@client.example.org>`;
}

function qp(bytes: Buffer): string {
  let out = '';
  let line = '';
  for (const b of bytes) {
    const ch = (b >= 33 && b <= 126 && b !== 61) || b === 32 ? String.fromCharCode(b) : b === 10 ? '\n' : `=${b.toString(16).toUpperCase().padStart(2, '0')}`;
    if (ch === '\n') {
      out += `${line}\r\n`;
      line = '';
      continue;
    }
    if (line.length + ch.length > 72) {
      out += `${line}=\r\n`;
      line = '';
    }
    line += ch;
  }
  return out + line;
}

function encodedWord(text: string, latin1: boolean): string {
  const charset = latin1 ? 'ISO-8859-1' : 'UTF-8';
  const bytes = Buffer.from(text, latin1 ? 'latin1' : 'utf8');
  return `=?${charset}?Q?${[...bytes].map((b) => ((b >= 48 && b <= 57) || (b >= 65 && b <= 90) || (b >= 97 && b <= 122) ? String.fromCharCode(b) : b === 32 ? '_' : `=${b.toString(16).toUpperCase().padStart(2, '0')}`)).join('')}?=`;
}

const base64Lines = (buf: Buffer) => buf.toString('base64').replace(/.{76}/g, '$&\r\n');

export function rawMail(o: RawMailOptions): string {
  const latin1 = !!o.latin1;
  const charset = latin1 ? 'ISO-8859-1' : 'UTF-8';
  const head = [
    `From: ${o.from}`, `To: ${o.to}`, `Subject: ${encodedWord(o.subject ?? '', latin1)}`,
    `Date: ${new Date().toUTCString()}`, `Message-ID: ${o.messageId ?? newMessageId()}`, 'MIME-Version: 1.0',
    ...(o.inReplyTo ? [`In-Reply-To: ${o.inReplyTo}`] : []),
    ...(o.references ? [`References: ${o.references}`] : []),
    ...Object.entries(o.headers ?? {}).map(([k, v]) => `${k}: ${v}`),
  ];
  const textPart = [`Content-Type: text/plain; charset=${charset}`, 'Content-Transfer-Encoding: quoted-printable', '',
    qp(Buffer.from(o.text ?? '', latin1 ? 'latin1' : 'utf8'))].join('\r\n');
  const parts = [textPart];
  if (o.html !== undefined) {
    parts.push(['Content-Type: text/html; charset=UTF-8', 'Content-Transfer-Encoding: base64', '', base64Lines(Buffer.from(o.html, 'utf8'))].join('\r\n'));
  }
  let body: string;
  const boundary = `b-${randomBytes(6).toString('hex')}`;
  if (o.attachments?.length) {
    const alt = parts.length > 1
      ? [`Content-Type: multipart/alternative; boundary="${boundary}a"`, '', ...parts.map((p) => `--${boundary}a\r\n${p}`), `--${boundary}a--`].join('\r\n')
      : textPart;
    const files = o.attachments.map((a) => [`Content-Type: ${a.contentType}; name="${a.filename}"`, 'Content-Transfer-Encoding: base64',
      `Content-Disposition: attachment; filename="${a.filename}"`, '', base64Lines(a.content)].join('\r\n'));
    head.push(`Content-Type: multipart/mixed; boundary="${boundary}"`);
    body = [...[alt, ...files].map((p) => `--${boundary}\r\n${p}`), `--${boundary}--`, ''].join('\r\n');
  } else if (parts.length > 1) {
    head.push(`Content-Type: multipart/alternative; boundary="${boundary}"`);
    body = [...parts.map((p) => `--${boundary}\r\n${p}`), `--${boundary}--`, ''].join('\r\n');
  } else {
    head.push(...textPart.split('\r\n\r\n')[0].split('\r\n'));
    body = textPart.split('\r\n\r\n').slice(1).join('\r\n\r\n');
  }
  return `${head.join('\r\n')}\r\n\r\n${body}`;
}
