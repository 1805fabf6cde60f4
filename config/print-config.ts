// The text of --print-config: the settings in effect as an `[options]` file, each line saying
// where its value came from, secrets masked (a printed configuration ends up in tickets and chats).
import type { Config } from './defaults';
import type { SettingValue } from './layers';
import { OPTIONS } from './options';

const MASK = '********';

function fromUrl(c: Config, part: 'hostname' | 'port' | 'username' | 'password'): unknown {
  if (!c.databaseUrl) return null;
  const value = decodeURIComponent(new URL(c.databaseUrl)[part]);
  return value === '' ? null : value;
}

/** The value in effect of each key, read back from the final configuration. */
const IN_EFFECT: Record<string, (c: Config) => unknown> = {
  admin_passwd: (c) => c.masterPassword,
  db_host: (c) => fromUrl(c, 'hostname'),
  db_port: (c) => fromUrl(c, 'port'),
  db_user: (c) => fromUrl(c, 'username'),
  db_password: (c) => fromUrl(c, 'password'),
  db_name: (c) => c.defaultDb,
  dbfilter: (c) => c.dbFilter ?? null,
  list_db: (c) => c.listDb,
  http_port: (c) => c.port,
  http_interface: (c) => c.host,
  workers: (c) => c.workers ?? 0,
  limit_time_real: (c) => c.limitTimeReal ?? null,
  limit_memory_soft: (c) => c.limitMemorySoft ?? null,
  limit_memory_hard: (c) => c.limitMemoryHard ?? null,
  limit_request: (c) => c.limitRequest ?? null,
  proxy_mode: (c) => c.proxyMode ?? false,
  logfile: (c) => c.logfile ?? null,
  log_level: (c) => c.logLevel,
  log_json: (c) => c.logJson ?? false,
  data_dir: (c) => c.dataDir,
  without_demo: (c) => c.withoutDemo ?? true,
  smtp_server: (c) => c.mail.smtp.host,
  smtp_port: (c) => c.mail.smtp.port,
  smtp_user: (c) => c.mail.smtp.user,
  smtp_password: (c) => c.mail.smtp.password,
  smtp_ssl: (c) => c.mail.smtp.requireTls,
  email_from: (c) => c.mail.from,
  center_code: (c) => c.centerCode,
  sync_secret_key: (c) => c.syncSecretKey,
  database_url: (c) => c.databaseUrl,
  admin_password: (c) => c.adminPassword,
  password_rounds: (c) => c.passwordRounds,
  login_max_failures: (c) => c.loginMaxFailures,
  login_cooldown_seconds: (c) => c.loginCooldownSeconds,
  debug_faults: (c) => c.debugFaults,
  smtp_secure: (c) => c.mail.smtp.secure,
  mail_transport: (c) => c.mail.transport,
};

function shown(value: unknown, secret: boolean): string {
  if (value === null || value === undefined) return 'False';
  // A URL is shown with its password masked: where the server connects is worth seeing.
  if (secret && typeof value === 'string' && /^postgres(ql)?:\/\//.test(value)) {
    const url = new URL(value);
    if (url.password) url.password = MASK;
    return url.toString();
  }
  if (secret) return MASK;
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  return String(value);
}

export function printConfig(config: Config, settings: Map<string, SettingValue>): string {
  const lines = ['[options]'];
  for (const option of OPTIONS) {
    const given = settings.get(option.key);
    const read = IN_EFFECT[option.key];
    if (!given && !read) continue;
    const value = read ? read(config) : given!.value;
    const source = given ? given.source : 'default';
    lines.push(`${`${option.key} = ${shown(value, option.secret === true)}`.padEnd(48)} ; ${source}`);
  }
  return `${lines.join('\n')}\n`;
}
