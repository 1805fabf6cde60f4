// Settings of incoming mail: the built-in SMTP listener (off unless a port is given), the
// domains it accepts, the size limits of a message and its files, and the reply address
// whose `+model-id` tag carries the thread of a notification.
import { envReader, type EnvVars } from '../env-reader';

export interface InboundConfig {
  /** Port of the SMTP listener; null keeps it off (0 picks a free port). */
  smtpPort: number | null;
  smtpHost: string;
  /** Recipient domains the listener accepts (lower case); empty accepts none. */
  domains: string[];
  /** Database the listener delivers to; null means the server's default database. */
  database: string | null;
  /** Largest raw message (headers, body and files) accepted, in bytes. */
  maxMessageBytes: number;
  /** Largest single attachment kept, in bytes. */
  maxAttachmentBytes: number;
  /**
   * Catch-all address of the gateway (`catchall@support.example.com`): notifications about a
   * record get `catchall+<model>-<id>@...` as Reply-To, so replies find their thread even when
   * a mail client drops the threading headers. Null keeps the author's address as Reply-To.
   */
  catchall: string | null;
}

export const INBOUND_DEFAULTS: InboundConfig = {
  smtpPort: null,
  smtpHost: '127.0.0.1',
  domains: [],
  database: null,
  // Matches the default XML-RPC body limit, so the gateway script and the listener agree.
  maxMessageBytes: 10 * 1024 * 1024,
  maxAttachmentBytes: 8 * 1024 * 1024,
  catchall: null,
};

export const INBOUND_CONFIG_VARIABLES = [
  'INBOUND_SMTP_PORT', 'INBOUND_SMTP_HOST', 'INBOUND_SMTP_DOMAINS', 'INBOUND_DATABASE',
  'INBOUND_MAX_BYTES', 'INBOUND_MAX_ATTACHMENT_BYTES', 'MAIL_CATCHALL',
] as const;

const ADDRESS = /^[^\s@<>+]+@[^\s@<>]+$/;

export function loadInboundConfig(env: EnvVars, base: InboundConfig, problems: string[]): InboundConfig {
  const { raw, int } = envReader(env, problems);
  const port = raw('INBOUND_SMTP_PORT');
  const domains = raw('INBOUND_SMTP_DOMAINS');
  const catchall = raw('MAIL_CATCHALL') ?? base.catchall;
  if (catchall !== null && !ADDRESS.test(catchall)) problems.push(`MAIL_CATCHALL must be an email address without + (got "${catchall}")`);
  const out: InboundConfig = {
    smtpPort: port === undefined ? base.smtpPort : int('INBOUND_SMTP_PORT', 0, 0, 65535),
    smtpHost: raw('INBOUND_SMTP_HOST') ?? base.smtpHost,
    domains: domains === undefined ? base.domains
      : domains.split(',').map((d) => d.trim().toLowerCase()).filter(Boolean),
    database: raw('INBOUND_DATABASE') ?? base.database,
    maxMessageBytes: int('INBOUND_MAX_BYTES', base.maxMessageBytes, 1024),
    maxAttachmentBytes: int('INBOUND_MAX_ATTACHMENT_BYTES', base.maxAttachmentBytes, 1),
    catchall,
  };
  if (out.smtpPort !== null && !out.domains.length) problems.push('INBOUND_SMTP_DOMAINS must name the domains the SMTP listener accepts');
  return out;
}
