// Settings of outgoing mail: how the sender delivers (SMTP, a folder, or not at all) and how it
// paces itself. config/defaults.ts holds the values; only the composition root reads them.

export interface SmtpSettings {
  host: string;
  port: number;
  /** TLS from the first byte (port 465); otherwise STARTTLS is used when offered. */
  secure: boolean;
  /** Refuse to send without STARTTLS. */
  requireTls: boolean;
  user: string | null;
  password: string | null;
}

export interface MailConfig {
  /** `off`: mail waits in the outbox; `smtp`: delivered; `folder`: written as .eml files (development). */
  transport: 'off' | 'smtp' | 'folder';
  smtp: SmtpSettings;
  /** Where `folder` writes the messages. */
  folder: string;
  /** The From address of notifications (the author's name is shown with it). */
  from: string;
  /** Mails claimed per round, and how many are sent at once. */
  batchSize: number;
  concurrency: number;
  /** How often the outbox is looked at when nothing wakes the sender. */
  pollMs: number;
  /** How long a claim holds; a claim of a dead process is retried after it runs out. */
  leaseMs: number;
  /** Backoff of transient failures: first delay, cap, and the attempts before giving up. */
  retryBaseMs: number;
  retryMaxMs: number;
  maxAttempts: number;
  /** Connection, greeting and socket timeout of SMTP. */
  timeoutMs: number;
}

export const MAIL_DEFAULTS: MailConfig = {
  transport: 'off',
  smtp: { host: '127.0.0.1', port: 25, secure: false, requireTls: false, user: null, password: null },
  folder: './data/mail',
  from: 'notifications@localhost',
  batchSize: 50,
  concurrency: 2,
  pollMs: 5_000,
  leaseMs: 5 * 60_000,
  retryBaseMs: 30_000,
  retryMaxMs: 60 * 60_000,
  // With the cap above, about two days of retrying before a mail is marked failed.
  maxAttempts: 60,
  timeoutMs: 30_000,
};
