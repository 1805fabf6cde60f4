// What src/main.ts reads at start: the command line, the config file (-c or CONFIG_FILE) and the
// environment, validated together; every problem is reported at once, naming key and source.
import { readFileSync } from 'node:fs';
import { ValidationError } from '../src/errors';
import { parseCommandLine, type LaunchOptions } from './argv';
import type { Config } from './defaults';
import { gatherSettings, type EnvVars, type SettingValue } from './layers';
import { loadConfig } from './load';
import { OPTION_BY_KEY, OPTIONS } from './options';
import { schemaProblems } from './schema';

export interface Startup {
  config: Config;
  launch: LaunchOptions;
  /** Lines to log once the logger exists (unknown file keys). */
  warnings: string[];
  /** Every setting that was given, with its value and source (for --print-config). */
  settings: Map<string, SettingValue>;
}

/** The logger's level for each of Odoo's level names (and ours, unchanged). */
const LOGGER_LEVEL: Record<string, string> = {
  warning: 'warn', debug_rpc: 'debug', debug_rpc_answer: 'debug', debug_sql: 'debug',
  test: 'info', runbot: 'info', notset: 'debug',
};

function invalid(problems: string[]): ValidationError {
  return new ValidationError(`Invalid configuration:\n- ${problems.join('\n- ')}`, 'Configuration');
}

/** A PostgreSQL URL from Odoo's db_* keys over `base`; no host means the local Unix socket, as libpq. */
function postgresUrl(base: string | null, values: Map<string, SettingValue>): string {
  const url = new URL(base ?? 'postgres://localhost/postgres');
  const text = (key: string) => values.get(key)?.value;
  if (text('db_host') !== undefined) url.hostname = String(text('db_host'));
  else if (base === null) url.hostname = encodeURIComponent('/var/run/postgresql');
  if (text('db_port') !== undefined) url.port = String(text('db_port'));
  if (text('db_user') !== undefined) url.username = encodeURIComponent(String(text('db_user')));
  if (text('db_password') !== undefined) url.password = encodeURIComponent(String(text('db_password')));
  return url.toString();
}

/** Today's environment variables, with each setting's winning value in its variable. */
function environmentFor(env: EnvVars, values: Map<string, SettingValue>): EnvVars {
  const out: EnvVars = { ...env };
  for (const [key, { value }] of values) {
    const option = OPTION_BY_KEY.get(key)!;
    if (!option.env) continue;
    out[option.env] = value === null ? '' : String(value);
  }
  const level = values.get('log_level')?.value;
  if (typeof level === 'string') out.LOG_LEVEL = LOGGER_LEVEL[level] ?? level;
  // Odoo sends through smtp_server whenever it is set: a file or flag naming one turns mail on.
  const smtp = values.get('smtp_server');
  if (smtp && smtp.origin !== 'environment' && !values.has('mail_transport')) out.MAIL_TRANSPORT = 'smtp';
  const dbKeys = ['db_host', 'db_port', 'db_user', 'db_password'].filter((k) => values.has(k));
  const url = values.get('database_url');
  const rank = { file: 1, environment: 2, flag: 3 };
  const dbRank = Math.max(0, ...dbKeys.map((k) => rank[values.get(k)!.origin]));
  if (dbKeys.length > 0 && (!url || dbRank >= rank[url.origin])) {
    out.DATABASE_URL = postgresUrl(url ? String(url.value) : null, values);
  }
  return out;
}

/** Names, in loadConfig's messages, the file key or flag that set a variable. */
function withSources(message: string, values: Map<string, SettingValue>): string {
  const byEnv = new Map(OPTIONS.filter((o) => o.env).map((o) => [o.env!, o.key]));
  return message.split('\n').map((line) => {
    const variable = /^- ([A-Z_]+) /.exec(line)?.[1];
    const setting = variable ? values.get(byEnv.get(variable) ?? '') : undefined;
    return setting && setting.origin !== 'environment' ? `${line} [${byEnv.get(variable!)} from ${setting.source}]` : line;
  }).join('\n');
}

export function readStartup(argv: string[], env: EnvVars, readFile = (p: string) => readFileSync(p, 'utf8')): Startup {
  const commandLine = parseCommandLine(argv);
  const problems = [...commandLine.problems];
  const path = commandLine.launch.configFile ?? (env.CONFIG_FILE?.trim() || null);
  let file: { path: string; text: string } | null = null;
  if (path !== null) {
    try {
      file = { path, text: readFile(path) };
    } catch (err) {
      problems.push(`cannot read the config file ${path} (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
    }
  }
  const gathered = gatherSettings({ flags: commandLine.values, env, file });
  problems.push(...gathered.problems);
  const { values } = gathered;
  const plain = Object.fromEntries([...values].map(([k, v]) => [k, v.value]));
  for (const [key, expected] of schemaProblems(plain)) {
    const setting = values.get(key)!;
    problems.push(`${key} must be ${expected} (got ${JSON.stringify(setting.value)} from ${setting.source})`);
  }
  const filter = values.get('dbfilter');
  if (filter && typeof filter.value === 'string') {
    // Calls do not carry the host name down to the services: Odoo's %h and %d cannot be honoured.
    if (/%[hd]/.test(filter.value)) {
      problems.push(`dbfilter cannot use %h or %d here: this server filters by database name only (from ${filter.source})`);
    }
    try {
      new RegExp(filter.value);
    } catch {
      problems.push(`dbfilter must be a regular expression (got ${JSON.stringify(filter.value)} from ${filter.source})`);
    }
  }
  if (problems.length > 0) throw invalid(problems);

  let config: Config;
  try {
    config = loadConfig(environmentFor(env, values));
  } catch (err) {
    if (err instanceof ValidationError) throw new ValidationError(withSources(err.message, values), 'Configuration');
    throw err;
  }
  const get = (key: string) => values.get(key)?.value;
  const withoutDemo = get('without_demo');
  // Settings loadConfig does not read; a value it did read (a default, a variable) stays when none is given here.
  config = {
    ...config,
    workers: (get('workers') as number | undefined) ?? config.workers ?? 0,
    limitTimeReal: (get('limit_time_real') as number | undefined) ?? config.limitTimeReal ?? null,
    limitMemorySoft: (get('limit_memory_soft') as number | undefined) ?? config.limitMemorySoft ?? null,
    limitMemoryHard: (get('limit_memory_hard') as number | undefined) ?? config.limitMemoryHard ?? null,
    limitRequest: (get('limit_request') as number | undefined) ?? config.limitRequest ?? null,
    proxyMode: (get('proxy_mode') as boolean | undefined) ?? config.proxyMode ?? false,
    logfile: (get('logfile') as string | null | undefined) ?? config.logfile ?? null,
    logJson: (get('log_json') as boolean | undefined) ?? config.logJson ?? false,
    dbFilter: (get('dbfilter') as string | undefined) ?? config.dbFilter ?? null,
    // Our databases are made without demo data unless asked: only an explicit False loads it.
    withoutDemo: withoutDemo === undefined ? config.withoutDemo ?? true : withoutDemo !== null && !/^(false|0|no|off)$/i.test(String(withoutDemo)),
  };
  const warnings: string[] = [];
  if (gathered.unknownFileKeys.length > 0) {
    warnings.push(`Ignoring settings this server does not use in ${path}: ${gathered.unknownFileKeys.join(', ')}`);
  }
  const soft = config.limitMemorySoft ?? null;
  const hard = config.limitMemoryHard ?? null;
  if (soft !== null && hard !== null && hard <= soft) {
    throw invalid([`limit_memory_hard must be above limit_memory_soft (got ${hard} from ${values.get('limit_memory_hard')?.source ?? 'default'}, `
      + `limit_memory_soft ${soft})`]);
  }
  return { config, launch: commandLine.launch, warnings, settings: values };
}
