// Typed configuration with its defaults. Read only by src/main.ts (tests build their own).
import { MAIL_DEFAULTS, type MailConfig } from '../src/mail/mail-config';
import { SYNC_DEFAULTS, type SyncConfig } from '../src/sync/sync-config';

export interface CodecLimitsConfig {
  maxBodyBytes: number;
  maxDepth: number;
  maxElements: number;
  maxStringLength: number;
}

export interface Config {
  /** HTTP port (OpenERP's 8069). 0 picks a free port. */
  port: number;
  host: string;
  /** Folder holding one SQLite file per database (the embedded default). */
  dataDir: string;
  /** A PostgreSQL server URL; when set, every database is a PostgreSQL database there. */
  databaseUrl: string | null;
  /** Tells this installation's databases from others' on a shared PostgreSQL server. */
  databaseTag?: string;
  /** Master password of the `db` service (OpenERP's admin_passwd). */
  masterPassword: string;
  /** Whether `db.list` answers (false: AccessDenied, as OpenERP's list_db = False). */
  listDb: boolean;
  /** Database created on first start when missing; null for none. */
  defaultDb: string | null;
  /** Admin password for the default database; generated and printed once when null. */
  adminPassword: string | null;
  /** Version advertised by common.version() and db.server_version(). */
  serverVersion: string;
  /** Languages offered by db.list_lang(), as [code, label]. */
  languages: [string, string][];
  /** pbkdf2-sha512 rounds for new password hashes. */
  passwordRounds: number;
  /** Failed logins allowed from one address before that address's cooldown. */
  loginMaxFailures: number;
  loginCooldownSeconds: number;
  /**
   * Behind a reverse proxy: take the caller's address from X-Forwarded-For (its last entry), and
   * mark session cookies Secure (the proxy speaks HTTPS).
   */
  proxyMode: boolean;
  /** Put stack detail in faults (never in production). */
  debugFaults: boolean;
  logLevel: string;
  limits: CodecLimitsConfig;
  /** This installation's support-center code (peers know us by it). */
  centerCode: string;
  /** A request whose body has not fully arrived after this long gets 408 (slow-body clients). */
  bodyTimeoutMs?: number;
  /** A JSON-RPC web session unused for this long expires (default a week, as Odoo). */
  sessionTtlSeconds?: number;
  /** On SIGTERM/SIGINT, how long in-flight calls may take before connections are cut. */
  shutdownTimeoutMs?: number;
  /** Outgoing mail: SMTP server, sender pacing and retries (src/mail/mail-config.ts). */
  mail: MailConfig;
  /** The secret peer passwords are encrypted with; null derives one from the master password. */
  syncSecretKey: string | null;
  /** Peer-center sync: sender pacing, timeouts and backoff (src/sync/sync-config.ts). */
  sync: SyncConfig;
  /** Odoo's worker processes: 0 serves from one process; N forks N workers behind a master (src/cluster). */
  workers?: number;
  /**
   * Odoo's limits of a worker: limit_time_real (seconds a call may run), limit_memory_soft and
   * limit_memory_hard (bytes of resident memory), limit_request (requests served). Null: none.
   */
  limitTimeReal?: number | null;
  limitMemorySoft?: number | null;
  limitMemoryHard?: number | null;
  limitRequest?: number | null;
  /** File the log goes to instead of stdout (reopened on SIGHUP). */
  logfile?: string | null;
  /** Log JSON lines instead of text lines. */
  logJson?: boolean;
  /** Regular expression the databases listed by db.list must match (Odoo's dbfilter). */
  dbFilter?: string | null;
  /** Databases created at start get no demo data (Odoo's without_demo). */
  withoutDemo?: boolean;
}

export const DEFAULTS: Config = {
  port: 8069,
  host: '0.0.0.0',
  dataDir: './data',
  databaseUrl: null,
  databaseTag: 'default',
  masterPassword: 'admin',
  listDb: true,
  defaultDb: 'support',
  adminPassword: null,
  serverVersion: '7.0',
  languages: [['en_US', 'English'], ['es_ES', 'Spanish / Español']],
  passwordRounds: 600_000,
  loginMaxFailures: 10,
  loginCooldownSeconds: 60,
  proxyMode: false,
  debugFaults: false,
  logLevel: 'info',
  // 250k elements bound the parse of one request to a fraction of a second (1M took ~1.4 s of
  // CPU on a 2-core machine) and still leave room for imports of thousands of rows.
  limits: { maxBodyBytes: 10 * 1024 * 1024, maxDepth: 64, maxElements: 250_000, maxStringLength: 10 * 1024 * 1024 },
  centerCode: 'MAIN',
  bodyTimeoutMs: 30_000,
  sessionTtlSeconds: 7 * 24 * 3600,
  shutdownTimeoutMs: 30_000,
  mail: MAIL_DEFAULTS,
  syncSecretKey: null,
  sync: SYNC_DEFAULTS,
};
