// Settings of outgoing mail: how the sender delivers (SMTP, a folder, or not at all) and how it
// paces itself. config/defaults.ts holds the values; only the composition root reads them.
import { envReader, type EnvVars } from '../env-reader';
import { INBOUND_CONFIG_VARIABLES, INBOUND_DEFAULTS, loadInboundConfig, type InboundConfig } from './inbound-config';

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
  /**
   * How long a claim holds unless renewed; a live sender renews its claims every third of it, so
   * a dead process's mail is taken over this long after it died.
   */
  leaseMs: number;
  /** Backoff of transient failures: first delay, cap, and the attempts before giving up. */
  retryBaseMs: number;
  retryMaxMs: number;
  maxAttempts: number;
  /** Connection, greeting and socket timeout of SMTP. */
  timeoutMs: number;
  /** Incoming mail: the SMTP listener, limits and the reply address (src/mail/inbound-config.ts). */
  inbound: InboundConfig;
}

export const MAIL_DEFAULTS: MailConfig = {
  transport: 'off',
  smtp: { host: '127.0.0.1', port: 25, secure: false, requireTls: false, user: null, password: null },
  folder: './data/mail',
  from: 'notifications@localhost',
  batchSize: 50,
  concurrency: 2,
  pollMs: 5_000,
  leaseMs: 15_000,
  retryBaseMs: 30_000,
  retryMaxMs: 60 * 60_000,
  // With the cap above, about two days of retrying before a mail is marked failed.
  maxAttempts: 60,
  timeoutMs: 30_000,
  inbound: INBOUND_DEFAULTS,
};

/** Environment variables of outgoing mail, read by `loadMailConfig`. */
export const MAIL_CONFIG_VARIABLES = [
  'MAIL_TRANSPORT', 'MAIL_FOLDER', 'MAIL_FROM', 'SMTP_HOST', 'SMTP_PORT', 'SMTP_SECURE', 'SMTP_REQUIRE_TLS',
  'SMTP_USER', 'SMTP_PASSWORD', 'SMTP_TIMEOUT_MS', 'MAIL_BATCH_SIZE', 'MAIL_CONCURRENCY', 'MAIL_POLL_MS',
  'MAIL_LEASE_MS', 'MAIL_RETRY_BASE_MS', 'MAIL_RETRY_MAX_MS', 'MAIL_MAX_ATTEMPTS',
  ...INBOUND_CONFIG_VARIABLES,
] as const;

/** Mail settings from environment variables over `base`; each bad value is added to `problems`. */
export function loadMailConfig(env: EnvVars, base: MailConfig, problems: string[]): MailConfig {
  const { raw, int, bool } = envReader(env, problems);
  const transport = (raw('MAIL_TRANSPORT')?.toLowerCase() ?? base.transport) as MailConfig['transport'];
  if (!['off', 'smtp', 'folder'].includes(transport)) problems.push('MAIL_TRANSPORT must be off, smtp or folder');
  const from = raw('MAIL_FROM') ?? base.from;
  if (!/^[^\s@<>]+@[^\s@<>]+$/.test(from)) problems.push(`MAIL_FROM must be an email address (got "${from}")`);
  const out: MailConfig = {
    transport,
    smtp: {
      host: raw('SMTP_HOST') ?? base.smtp.host,
      port: int('SMTP_PORT', base.smtp.port, 1, 65535),
      secure: bool('SMTP_SECURE', base.smtp.secure),
      requireTls: bool('SMTP_REQUIRE_TLS', base.smtp.requireTls),
      user: raw('SMTP_USER') ?? base.smtp.user,
      password: env.SMTP_PASSWORD ?? base.smtp.password,
    },
    folder: raw('MAIL_FOLDER') ?? base.folder,
    from,
    batchSize: int('MAIL_BATCH_SIZE', base.batchSize, 1, 10_000),
    concurrency: int('MAIL_CONCURRENCY', base.concurrency, 1, 64),
    pollMs: int('MAIL_POLL_MS', base.pollMs, 10),
    leaseMs: int('MAIL_LEASE_MS', base.leaseMs, 1000),
    retryBaseMs: int('MAIL_RETRY_BASE_MS', base.retryBaseMs, 1),
    retryMaxMs: int('MAIL_RETRY_MAX_MS', base.retryMaxMs, 1),
    maxAttempts: int('MAIL_MAX_ATTEMPTS', base.maxAttempts, 1),
    timeoutMs: int('SMTP_TIMEOUT_MS', base.timeoutMs, 100),
    inbound: loadInboundConfig(env, base.inbound ?? INBOUND_DEFAULTS, problems),
  };
  return out;
}
