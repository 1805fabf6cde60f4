// The catalogue of settings an administrator can give: each under Odoo's key name where Odoo has
// one with the same meaning (file key, command-line flags), and under today's environment variable.
import { CONFIG_VARIABLES } from './load';

export type OptionType = 'string' | 'integer' | 'boolean';

export interface OptionSpec {
  /** Key in the `[options]` section of the config file (Odoo's name where it means the same). */
  key: string;
  type: OptionType;
  /** The environment variable of the same setting, when there is one. */
  env?: string;
  /** Command-line spellings besides `--<key>` (with `_` or `-`), which is always accepted. */
  flags?: string[];
  /** A boolean flag that sets false (Odoo's `--no-database-list`). */
  negativeFlag?: string;
  minimum?: number;
  maximum?: number;
  enum?: string[];
  pattern?: string;
  /** What a pattern means, for the message when a value does not match. */
  patternText?: string;
  /** `False` or an empty value means "none" (kept), instead of "not set here" (skipped). */
  nullable?: boolean;
  /** Masked by --print-config. */
  secret?: boolean;
  help: string;
}

/** Odoo's log levels and ours; config/layers.ts maps each to the logger's level. */
export const LOG_LEVEL_NAMES = [
  'critical', 'error', 'warn', 'warning', 'info', 'debug', 'debug_rpc', 'debug_rpc_answer', 'debug_sql',
  'test', 'runbot', 'notset', 'http', 'verbose', 'silly',
];

const DB_NAME = '^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,62}$';
const port = { type: 'integer' as const, minimum: 0, maximum: 65535 };

const NAMED: OptionSpec[] = [
  { key: 'admin_passwd', type: 'string', env: 'MASTER_PASSWORD', secret: true, help: 'master password of the db service' },
  { key: 'db_host', type: 'string', flags: ['--db_host'], help: 'PostgreSQL host (a folder for a Unix socket); setting any db_* key selects PostgreSQL' },
  { key: 'db_port', ...port, minimum: 1, flags: ['--db_port'], help: 'PostgreSQL port' },
  { key: 'db_user', type: 'string', flags: ['-r', '--db_user'], help: 'PostgreSQL user' },
  { key: 'db_password', type: 'string', flags: ['-w', '--db_password'], secret: true, help: 'PostgreSQL password' },
  {
    key: 'db_name', type: 'string', env: 'DEFAULT_DB', flags: ['-d', '--database'], nullable: true, pattern: DB_NAME,
    patternText: 'a database name (letters, digits, _ . -)', help: 'database created on start when missing (False: none)',
  },
  { key: 'dbfilter', type: 'string', flags: ['--db-filter'], help: 'regular expression the listed databases must match (%d: first part of the host name, %h: the host name)' },
  { key: 'list_db', type: 'boolean', env: 'LIST_DB', negativeFlag: '--no-database-list', help: 'whether db.list answers' },
  { key: 'http_port', ...port, env: 'PORT', flags: ['-p', '--http-port'], help: 'HTTP port (0 picks a free one)' },
  { key: 'http_interface', type: 'string', env: 'HOST', flags: ['--http-interface'], help: 'address to listen on (empty: every interface)' },
  { key: 'workers', type: 'integer', minimum: 0, maximum: 1024, env: 'WORKERS', flags: ['--workers'], help: 'worker processes behind a master process (0: serve from one process)' },
  { key: 'limit_time_real', type: 'integer', minimum: 1, env: 'LIMIT_TIME_REAL', flags: ['--limit-time-real'], help: 'seconds a call may run before its worker is killed (workers only)' },
  { key: 'limit_memory_soft', type: 'integer', minimum: 1, env: 'LIMIT_MEMORY_SOFT', flags: ['--limit-memory-soft'], help: 'bytes of memory after which a worker is replaced once its calls end (workers only)' },
  { key: 'limit_memory_hard', type: 'integer', minimum: 1, env: 'LIMIT_MEMORY_HARD', flags: ['--limit-memory-hard'], help: 'bytes of memory at which a worker is stopped at once (workers only)' },
  { key: 'limit_request', type: 'integer', minimum: 1, env: 'LIMIT_REQUEST', flags: ['--limit-request'], help: 'requests a worker serves before it is replaced (workers only)' },
  { key: 'proxy_mode', type: 'boolean', env: 'PROXY_MODE', flags: ['--proxy-mode'], help: 'trust X-Forwarded-* headers of a reverse proxy' },
  { key: 'logfile', type: 'string', env: 'LOGFILE', flags: ['--logfile'], nullable: true, help: 'file the log is written to (reopened on SIGHUP)' },
  { key: 'log_level', type: 'string', env: 'LOG_LEVEL', flags: ['--log-level'], enum: LOG_LEVEL_NAMES, help: 'info, warn, error, critical, debug...' },
  { key: 'log_json', type: 'boolean', env: 'LOG_JSON', flags: ['--log-json'], help: 'log JSON lines instead of text lines' },
  { key: 'data_dir', type: 'string', env: 'DATA_DIR', flags: ['-D', '--data-dir'], help: 'folder of the SQLite databases' },
  { key: 'without_demo', type: 'string', env: 'WITHOUT_DEMO', flags: ['--without-demo'], nullable: true, help: 'no demo data in new databases (all, True or False)' },
  { key: 'smtp_server', type: 'string', env: 'SMTP_HOST', flags: ['--smtp'], help: 'SMTP server of notifications (setting it turns mail on)' },
  { key: 'smtp_port', ...port, minimum: 1, env: 'SMTP_PORT', flags: ['--smtp-port'], help: 'SMTP port' },
  { key: 'smtp_user', type: 'string', env: 'SMTP_USER', flags: ['--smtp-user'], help: 'SMTP user' },
  { key: 'smtp_password', type: 'string', env: 'SMTP_PASSWORD', flags: ['--smtp-password'], secret: true, help: 'SMTP password' },
  { key: 'smtp_ssl', type: 'boolean', env: 'SMTP_REQUIRE_TLS', flags: ['--smtp-ssl'], help: 'require STARTTLS' },
  { key: 'email_from', type: 'string', env: 'MAIL_FROM', flags: ['--email-from'], help: 'From address of notifications' },
  { key: 'center_code', type: 'string', env: 'CENTER_CODE', pattern: '^[A-Za-z0-9_.-]{1,32}$', patternText: '1-32 letters, digits, _ . -', help: "this support center's code among its peers" },
  { key: 'sync_secret_key', type: 'string', env: 'SYNC_SECRET_KEY', secret: true, help: 'key encrypting the stored passwords of peer centers' },
  { key: 'database_url', type: 'string', env: 'DATABASE_URL', secret: true, pattern: '^postgres(ql)?://', patternText: 'a postgres:// or postgresql:// URL', help: 'PostgreSQL server URL (instead of the db_* keys)' },
  { key: 'admin_password', type: 'string', env: 'ADMIN_PASSWORD', nullable: true, secret: true, help: 'password of admin in a database created on start (generated when unset)' },
  { key: 'password_rounds', type: 'integer', minimum: 1, env: 'PASSWORD_ROUNDS', help: 'pbkdf2 rounds of new password hashes' },
  { key: 'login_max_failures', type: 'integer', minimum: 1, env: 'LOGIN_MAX_FAILURES', help: 'failed logins before a cooldown' },
  { key: 'login_cooldown_seconds', type: 'integer', minimum: 0, env: 'LOGIN_COOLDOWN_SECONDS', help: 'length of that cooldown' },
  { key: 'debug_faults', type: 'boolean', env: 'DEBUG_FAULTS', help: 'stacks in faults (development only)' },
  { key: 'smtp_secure', type: 'boolean', env: 'SMTP_SECURE', help: 'TLS from the first byte (port 465)' },
  { key: 'mail_transport', type: 'string', env: 'MAIL_TRANSPORT', enum: ['off', 'smtp', 'folder'], help: 'off, smtp or folder' },
];

/** Every environment variable of config/load.ts without a named option gets `<lower_case>` as key. */
function generic(): OptionSpec[] {
  const named = new Set(NAMED.map((o) => o.env));
  return CONFIG_VARIABLES.filter((v) => !named.has(v))
    .map((v) => ({ key: v.toLowerCase(), type: 'string' as const, env: v, secret: /PASSWORD|SECRET/.test(v), help: `as the ${v} environment variable` }));
}

export const OPTIONS: OptionSpec[] = [...NAMED, ...generic()];
export const OPTION_BY_KEY = new Map(OPTIONS.map((o) => [o.key, o]));
