// The server started as an Odoo server is, on SQLite and on PostgreSQL: an odoo.conf written for
// Odoo with `-i helpdesk_master -d newdb --stop-after-init` creates and installs the database and
// exits 0; started again on the same file, it serves that database.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BACKENDS, PG_URL, uniqueName } from '../support/backends';
import { killChildServers, removeChildData, runChildServer, startChildServer } from './support/child-server';
import { client } from './support/npm-client';

jest.setTimeout(300_000);
afterAll(() => killChildServers());

const ODOO_CONF = readFileSync(join(__dirname, '..', 'support', 'odoo.conf'), 'utf8');

/** The Odoo file with our machine's values in place of the packaged ones. */
function confFor(values: Record<string, string>): string {
  return ODOO_CONF.split('\n').map((line) => {
    const key = /^(\w+) =/.exec(line)?.[1];
    return key !== undefined && key in values ? `${key} = ${values[key]}` : line;
  }).join('\n');
}

describe('a bad config file', () => {
  it('stops the start with the key, the file line and exit code 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ocsc-conf-'));
    const path = join(dir, 'odoo.conf');
    writeFileSync(path, confFor({ http_port: 'eighty', workers: 'many' }));
    const run = await runChildServer({}, ['-c', path]);
    rmSync(dir, { recursive: true, force: true });
    expect(run.code).toBe(1);
    expect(run.output).toContain(`http_port must be a whole number from 0 to 65535 (got "eighty" from ${path} line 20)`);
    expect(run.output).toContain(`workers must be a whole number from 0 to 1024 (got "many" from ${path} line 59)`);
  });
});

describe.each(BACKENDS)('odoo.conf, -i and --stop-after-init on %s', (backend) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ocsc-odoo-'));
  const confPath = join(dataDir, 'odoo.conf');
  const db = uniqueName('odooconf');
  const pg = new URL(PG_URL);
  writeFileSync(confPath, confFor({
    admin_passwd: 'conf-master', data_dir: dataDir, http_interface: '127.0.0.1', http_port: '0', smtp_server: 'False',
    ...(backend === 'pg' ? { db_host: pg.hostname, db_port: pg.port || '5432', db_user: pg.username || 'postgres' } : { db_user: 'False' }),
  }));
  const env = { PASSWORD_ROUNDS: '1000', ...(backend === 'pg' ? { DATABASE_TAG: uniqueName('conf') } : {}) };

  afterAll(async () => {
    await removeChildData(backend, [db], dataDir);
  });

  it('creates and installs the database, exits 0, and serves it on the next start', async () => {
    const init = await runChildServer(env, ['-c', confPath, '-i', 'helpdesk_master', '-d', db, '--stop-after-init']);
    expect(init.code).toBe(0);
    expect(init.output).toMatch(/WARNING \? config: Ignoring settings this server does not use in .*: addons_path, csv_internal_sep/);
    expect(init.output).not.toContain('HTTP service');
    const password = /Log in as "admin" with the password: (\S+)/.exec(init.output)![1];

    const server = await startChildServer(env, 120_000, ['-c', confPath, '-d', db]);
    const rpc = client(server.port);
    expect(await rpc.call('/xmlrpc/db', 'list')).toContain(db);
    const uid = await rpc.call('/xmlrpc/common', 'login', db, 'admin', password) as number;
    const modules = await rpc.call('/xmlrpc/2/object', 'execute_kw', db, uid, password, 'ir.module.module', 'search_read',
      [[['name', '=', 'helpdesk_master']]], { fields: ['state'] }) as { state: string }[];
    expect(modules.map((m) => m.state)).toEqual(['installed']);
    // admin_passwd of the file is the master password of the db service.
    expect(await rpc.call('/xmlrpc/db', 'change_admin_password', 'conf-master', 'conf-master')).toBe(true);
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
  });

  it('refuses a module it does not have', async () => {
    const run = await runChildServer(env, ['-c', confPath, '-i', 'sale', '-d', db, '--stop-after-init']);
    expect(run.code).toBe(1);
    expect(run.output).toContain('Unknown module(s) for -i/-u: sale');
  });
});
