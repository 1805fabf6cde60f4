// Reading the settings at start: an odoo.conf written for Odoo, Odoo's command-line flags, today's
// environment variables, their precedence, one message for every bad value, and --print-config.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { helpText, parseCommandLine } from '../../../config/argv';
import { DEFAULTS } from '../../../config/defaults';
import { printConfig } from '../../../config/print-config';
import { readStartup } from '../../../config/startup';

const ODOO_CONF = readFileSync(join(__dirname, '..', '..', 'support', 'odoo.conf'), 'utf8');
const files = (text: string) => (path: string): string => {
  if (path !== '/etc/odoo/odoo.conf') throw Object.assign(new Error('missing'), { code: 'ENOENT' });
  return text;
};
const start = (argv: string[], env: Record<string, string> = {}, text = ODOO_CONF) => readStartup(argv, env, files(text));

describe('an odoo.conf written for Odoo', () => {
  const startup = start(['-c', '/etc/odoo/odoo.conf']);

  it('sets what it shares with us under Odoo’s key names', () => {
    const c = startup.config;
    expect(c.masterPassword).toBe('my-master');
    expect(c.port).toBe(8069);
    expect(c.host).toBe('0.0.0.0');
    expect(c.listDb).toBe(true);
    expect(c.dataDir).toBe('/var/lib/odoo');
    expect(c.limitTimeReal).toBe(120);
    expect(c.limitMemorySoft).toBe(2147483648);
    expect(c.proxyMode).toBe(false);
    expect(c.logfile).toBeNull();
    expect(c.mail).toMatchObject({ transport: 'smtp', smtp: { host: 'localhost', port: 25, requireTls: false } });
    // without_demo = False: new databases get the demo data, as in Odoo.
    expect(c.withoutDemo).toBe(false);
    // db_name = False: no fixed database, so none is created on start.
    expect(c.defaultDb).toBeNull();
    // db_user without db_host: PostgreSQL over the local Unix socket, as libpq does.
    const url = new URL(c.databaseUrl!);
    expect([decodeURIComponent(url.hostname), url.username]).toEqual(['/var/run/postgresql', 'odoo']);
  });

  it('names the keys we do not use in one warning, and starts anyway', () => {
    const lines = startup.warnings.filter((w) => w.includes('does not use'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('addons_path');
    expect(lines[0]).toContain('max_cron_threads');
    expect(lines[0]).not.toMatch(/\bhttp_port\b|\badmin_passwd\b/);
  });

  it('is also found through CONFIG_FILE', () => {
    expect(start([], { CONFIG_FILE: '/etc/odoo/odoo.conf' }).config.masterPassword).toBe('my-master');
  });
});

describe('precedence: flag > environment > file > default', () => {
  const conf = '[options]\nhttp_port = 8070\n';
  it.each([
    [['-p', '8072'], { PORT: '8071' }, conf, 8072],
    [['--http-port=8072'], { PORT: '8071' }, conf, 8072],
    [[], { PORT: '8071' }, conf, 8071],
    [[], {}, conf, 8070],
    [[], {}, '[options]\n', 8069],
  ])('%j %j', (argv, env, text, port) => {
    expect(start(['-c', '/etc/odoo/odoo.conf', ...argv], env, text).config.port).toBe(port);
  });

  it('takes PostgreSQL from db_* keys and a password with any character', () => {
    const c = start(['--db_host', '127.0.0.1', '--db_port=5433', '-r', 'support', '-w', 'p@ss/w:rd'], {}).config;
    const url = new URL(c.databaseUrl!);
    expect([url.hostname, url.port, url.username, decodeURIComponent(url.password)]).toEqual(['127.0.0.1', '5433', 'support', 'p@ss/w:rd']);
  });

  it('keeps DATABASE_URL over db_* keys of the file, and lets db_* flags override its parts', () => {
    const env = { DATABASE_URL: 'postgres://a@db.example:5432/postgres' };
    const fileConf = '[options]\ndb_host = other\n';
    expect(start(['-c', '/etc/odoo/odoo.conf'], env, fileConf).config.databaseUrl).toBe(env.DATABASE_URL);
    expect(new URL(start(['--db_port', '6543'], env).config.databaseUrl!).port).toBe('6543');
  });
});

describe('command-line flags in Odoo’s spelling', () => {
  it('reads the launch options and the boolean flags', () => {
    const s = start(['-d', 'newdb', '-i', 'helpdesk_master,mail', '-u', 'all', '--stop-after-init', '--proxy-mode',
      '--no-database-list', '--workers', '4', '--logfile', '/var/log/support.log', '--log-level=debug_sql', '--without-demo=all']);
    expect(s.launch).toMatchObject({ init: ['helpdesk_master', 'mail'], update: ['all'], stopAfterInit: true });
    expect(s.config).toMatchObject({
      defaultDb: 'newdb', proxyMode: true, listDb: false, workers: 4, logfile: '/var/log/support.log', logLevel: 'debug', withoutDemo: true,
    });
  });

  it('reads the worker limits (ignored with workers = 0, as Odoo)', () => {
    const s = start(['--workers=4', '--limit-time-real', '60', '--limit-memory-soft=2000000', '--limit-memory-hard=3000000', '--limit-request=100']);
    expect(s.config).toMatchObject({ workers: 4, limitTimeReal: 60, limitMemorySoft: 2_000_000, limitMemoryHard: 3_000_000, limitRequest: 100 });
    expect(s.warnings).toEqual([]);
    expect(start(['--limit-request=100']).warnings).toEqual([]);
    expect(start([]).warnings).toEqual([]);
    expect(() => start(['--limit-memory-soft=2000', '--limit-memory-hard=1000'])).toThrow('limit_memory_hard must be above limit_memory_soft');
  });

  it('lists every setting in --help', () => {
    const help = helpText();
    for (const flag of ['-d', '--http-port', '--db_host', '--logfile', '--proxy-mode', '--stop-after-init', '--print-config']) {
      expect(help).toContain(flag);
    }
  });

  it('refuses an unknown flag and a flag without its value', () => {
    expect(parseCommandLine(['--frobnicate', '-d']).problems).toEqual([
      'unknown command-line argument "--frobnicate" (see --help)', '-d needs a value',
    ]);
  });
});

describe('bad values', () => {
  it('are all named in one message with the key and where each came from', () => {
    const text = '[options]\nhttp_port = 80x\nlist_db = perhaps\nworkers = -2\n';
    let message = '';
    try {
      start(['-c', '/etc/odoo/odoo.conf', '--log-level', 'loud', '--smtp-port=0'], { CENTER_CODE: 'a b', DEFAULT_DB: '../etc' }, text);
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message.split('\n')).toEqual([
      'Invalid configuration:',
      '- db_name must be a database name (letters, digits, _ . -) (got "../etc" from environment variable DEFAULT_DB)',
      '- list_db must be true or false (got "perhaps" from /etc/odoo/odoo.conf line 3)',
      '- http_port must be a whole number from 0 to 65535 (got "80x" from /etc/odoo/odoo.conf line 2)',
      '- workers must be a whole number from 0 to 1024 (got -2 from /etc/odoo/odoo.conf line 4)',
      '- log_level must be one of critical, error, warn, warning, info, debug, debug_rpc, debug_rpc_answer, debug_sql, test, runbot, notset, http, verbose, silly (got "loud" from flag --log-level)',
      '- smtp_port must be a whole number from 1 to 65535 (got 0 from flag --smtp-port)',
      '- center_code must be 1-32 letters, digits, _ . - (got "a b" from environment variable CENTER_CODE)',
    ]);
  });

  it('include a dbfilter that is no regular expression or needs the host name', () => {
    expect(() => start(['--db-filter', '('])).toThrow('dbfilter must be a regular expression (got "(" from flag --db-filter)');
    expect(() => start(['--db-filter', '^%d$'], {})).toThrow('dbfilter cannot use %h or %d here');
    expect(start(['--db-filter', '^support']).config.dbFilter).toBe('^support');
  });

  it('include a missing config file and a line that is not key = value', () => {
    expect(() => start(['-c', '/nowhere.conf'])).toThrow('cannot read the config file /nowhere.conf (ENOENT)');
    expect(() => start(['-c', '/etc/odoo/odoo.conf'], {}, '[options]\njust words\n')).toThrow('/etc/odoo/odoo.conf line 2: expected "key = value"');
  });

  it('checked after the schema name the file key that set them', () => {
    const text = '[options]\nmail_lease_ms = 999\n';
    expect(() => start(['-c', '/etc/odoo/odoo.conf'], {}, text)).toThrow(/MAIL_LEASE_MS must be .* \[mail_lease_ms from \/etc\/odoo\/odoo.conf line 2\]/);
  });

  it('keep today’s environment variables working', () => {
    expect(start([], {}).config).toEqual({ ...DEFAULTS, workers: 0, limitTimeReal: null, limitMemorySoft: null, limitMemoryHard: null, limitRequest: null, proxyMode: false, logfile: null, logJson: false, dbFilter: null, withoutDemo: true });
    expect(start([], { PORT: '9000', LIST_DB: 'no', DEFAULT_DB: '', MASTER_PASSWORD: 'm' }).config)
      .toMatchObject({ port: 9000, listDb: false, defaultDb: null, masterPassword: 'm' });
  });
});

describe('--print-config', () => {
  it('shows each value with its source and masks secrets', () => {
    const s = start(['-c', '/etc/odoo/odoo.conf', '-w', 'pg-secret', '--db_host', 'db.local', '-p', '8080'], { SMTP_PASSWORD: 'smtp-secret' });
    const text = printConfig(s.config, s.settings);
    expect(text).toMatch(/^\[options\]\n/);
    expect(text).toMatch(/^http_port = 8080 +; flag -p$/m);
    expect(text).toMatch(/^admin_passwd = \*{8} +; \/etc\/odoo\/odoo.conf line 3$/m);
    expect(text).toMatch(/^smtp_password = \*{8} +; environment variable SMTP_PASSWORD$/m);
    expect(text).toMatch(/^center_code = MAIN +; default$/m);
    expect(text).toMatch(/^database_url = postgres:\/\/odoo:\*{8}@db.local\/postgres/m);
    for (const secret of ['my-master', 'pg-secret', 'smtp-secret']) expect(text).not.toContain(secret);
  });
});
