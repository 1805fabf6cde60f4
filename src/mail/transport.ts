// How a composed email leaves the server: over SMTP (a pooled nodemailer transport), or into a
// folder as .eml files named after the Message-ID (development). `off` has no transport at all.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SendMailOptions, Transporter } from 'nodemailer';
import type { MailConfig } from './mail-config';

export interface MailTransport {
  send(message: SendMailOptions): Promise<void>;
  close(): void;
}

export function createMailTransport(config: MailConfig): MailTransport | null {
  if (config.transport === 'smtp') return smtpTransport(config);
  if (config.transport === 'folder') return folderTransport(config.folder);
  return null;
}

/** nodemailer, loaded with the first message sent: a server with mail off never loads it. */
async function loadNodemailer(): Promise<typeof import('nodemailer').default> {
  return (await import('nodemailer')).default;
}

/** The transport made on first use and kept; closing before that first use closes nothing. */
function lazyTransport(make: (nodemailer: typeof import('nodemailer').default) => Transporter): { get(): Promise<Transporter>; close(): void } {
  let made: Promise<Transporter> | null = null;
  let closed = false;
  return {
    get() {
      made ??= loadNodemailer().then(make);
      return made;
    },
    close() {
      if (closed) return;
      closed = true;
      void made?.then((mailer) => mailer.close(), () => undefined);
    },
  };
}

function smtpTransport(config: MailConfig): MailTransport {
  const s = config.smtp;
  const mailer = lazyTransport((nodemailer) => nodemailer.createTransport({
    pool: true,
    maxConnections: Math.max(1, config.concurrency),
    host: s.host,
    port: s.port,
    secure: s.secure,
    requireTLS: s.requireTls,
    auth: s.user ? { user: s.user, pass: s.password ?? '' } : undefined,
    connectionTimeout: config.timeoutMs,
    greetingTimeout: config.timeoutMs,
    socketTimeout: config.timeoutMs,
    logger: false,
  }));
  return {
    async send(message) {
      await (await mailer.get()).sendMail(message);
    },
    close() {
      mailer.close();
    },
  };
}

function folderTransport(folder: string): MailTransport {
  const mailer = lazyTransport((nodemailer) => nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' }));
  return {
    async send(message) {
      const info = await (await mailer.get()).sendMail(message);
      await mkdir(folder, { recursive: true });
      const name = String(message.messageId ?? info.messageId).replace(/[^A-Za-z0-9._@-]/g, '');
      // A retry rewrites the same file: one file per Message-ID, like one message per mailbox.
      await writeFile(join(folder, `${name}.eml`), info.message as Buffer);
    },
    close() {
      mailer.close();
    },
  };
}
