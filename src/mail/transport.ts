// How a composed email leaves the server: over SMTP (a pooled nodemailer transport), or into a
// folder as .eml files named after the Message-ID (development). `off` has no transport at all.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import type { SendMailOptions } from 'nodemailer';
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

function smtpTransport(config: MailConfig): MailTransport {
  const s = config.smtp;
  const mailer = nodemailer.createTransport({
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
  });
  return {
    async send(message) {
      await mailer.sendMail(message);
    },
    close() {
      mailer.close();
    },
  };
}

function folderTransport(folder: string): MailTransport {
  const mailer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    async send(message) {
      const info = await mailer.sendMail(message);
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
