// Reads the configuration: environment variables over the typed defaults. Every bad value is
// reported at once, so a misconfigured server refuses to start with one readable message.
import { ValidationError } from '../src/errors';
import { envReader, type EnvVars } from '../src/env-reader';
import { Config, DEFAULTS } from './defaults';
import { loadMailConfig, MAIL_CONFIG_VARIABLES } from '../src/mail/mail-config';

/** The variables we read, with what each sets; the README's configuration table mirrors it. */
export const CONFIG_VARIABLES = [
  'PORT', 'HOST', 'DATA_DIR', 'DATABASE_URL', 'DATABASE_TAG', 'MASTER_PASSWORD', 'ADMIN_PASSWORD', 'DEFAULT_DB',
  'LOG_LEVEL', 'LIST_DB', 'SERVER_VERSION', 'PASSWORD_ROUNDS', 'LOGIN_MAX_FAILURES',
  'LOGIN_COOLDOWN_SECONDS', 'DEBUG_FAULTS', 'CENTER_CODE', 'MAX_BODY_BYTES', 'MAX_DEPTH',
  'MAX_ELEMENTS', 'MAX_STRING_LENGTH', 'BODY_TIMEOUT_MS', 'SHUTDOWN_TIMEOUT_MS', 'SYNC_SECRET_KEY', 'SESSION_TTL_SECONDS',
  'PROXY_MODE', ...MAIL_CONFIG_VARIABLES,
] as const;

const LOG_LEVELS = ['error', 'warn', 'info', 'http', 'verbose', 'debug', 'silly'];
const DB_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,62}$/;

export function loadConfig(env: EnvVars = process.env, base: Config = DEFAULTS): Config {
  const problems: string[] = [];
  const { raw, int, bool } = envReader(env, problems);

  const databaseUrl = raw('DATABASE_URL') ?? base.databaseUrl;
  if (databaseUrl !== null && !isPostgresUrl(databaseUrl)) {
    problems.push('DATABASE_URL must be a postgres:// or postgresql:// URL');
  }
  const databaseTag = raw('DATABASE_TAG') ?? base.databaseTag;
  if (databaseTag !== undefined && !/^[a-zA-Z0-9_.-]{1,40}$/.test(databaseTag)) {
    problems.push('DATABASE_TAG must be 1-40 letters, digits, _ . -');
  }
  // DEFAULT_DB set but empty means "create no database on start".
  const defaultDb = env.DEFAULT_DB !== undefined ? env.DEFAULT_DB.trim() || null : base.defaultDb;
  if (defaultDb !== null && !DB_NAME.test(defaultDb)) {
    problems.push(`DEFAULT_DB must be a database name (letters, digits, _ . -; got "${defaultDb}")`);
  }
  const logLevel = raw('LOG_LEVEL')?.toLowerCase() ?? base.logLevel;
  if (!LOG_LEVELS.includes(logLevel)) problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}`);
  const serverVersion = raw('SERVER_VERSION') ?? base.serverVersion;
  if (!/^\d+\.\d+/.test(serverVersion)) problems.push(`SERVER_VERSION must start with MAJOR.MINOR (got "${serverVersion}")`);
  const masterPassword = env.MASTER_PASSWORD ?? base.masterPassword;
  if (masterPassword === '') problems.push('MASTER_PASSWORD must not be empty');
  const adminPassword = env.ADMIN_PASSWORD !== undefined ? env.ADMIN_PASSWORD || null : base.adminPassword;
  const centerCode = raw('CENTER_CODE') ?? base.centerCode;
  if (!/^[A-Za-z0-9_.-]{1,32}$/.test(centerCode)) problems.push('CENTER_CODE must be 1-32 letters, digits, _ . -');

  const config: Config = {
    ...base,
    port: int('PORT', base.port, 0, 65535),
    host: raw('HOST') ?? base.host,
    dataDir: raw('DATA_DIR') ?? base.dataDir,
    databaseUrl,
    databaseTag,
    masterPassword,
    listDb: bool('LIST_DB', base.listDb),
    defaultDb,
    adminPassword,
    serverVersion,
    passwordRounds: int('PASSWORD_ROUNDS', base.passwordRounds, 1),
    loginMaxFailures: int('LOGIN_MAX_FAILURES', base.loginMaxFailures, 1),
    loginCooldownSeconds: int('LOGIN_COOLDOWN_SECONDS', base.loginCooldownSeconds, 0),
    debugFaults: bool('DEBUG_FAULTS', base.debugFaults),
    logLevel,
    centerCode,
    syncSecretKey: raw('SYNC_SECRET_KEY') ?? base.syncSecretKey,
    limits: {
      maxBodyBytes: int('MAX_BODY_BYTES', base.limits.maxBodyBytes, 1024),
      maxDepth: int('MAX_DEPTH', base.limits.maxDepth, 2, 10_000),
      maxElements: int('MAX_ELEMENTS', base.limits.maxElements, 16),
      maxStringLength: int('MAX_STRING_LENGTH', base.limits.maxStringLength, 16),
    },
    bodyTimeoutMs: int('BODY_TIMEOUT_MS', base.bodyTimeoutMs ?? 30_000, 1),
    shutdownTimeoutMs: int('SHUTDOWN_TIMEOUT_MS', base.shutdownTimeoutMs ?? 30_000, 0),
    sessionTtlSeconds: int('SESSION_TTL_SECONDS', base.sessionTtlSeconds ?? 7 * 24 * 3600, 60),
    proxyMode: bool('PROXY_MODE', base.proxyMode ?? false),
    mail: loadMailConfig(env, base.mail, problems),
  };
  if (problems.length > 0) {
    throw new ValidationError(`Invalid configuration:\n- ${problems.join('\n- ')}`, 'Configuration');
  }
  return config;
}

function isPostgresUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'postgres:' || url.protocol === 'postgresql:';
  } catch {
    return false;
  }
}
