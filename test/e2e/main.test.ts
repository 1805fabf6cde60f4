// The server as a process (src/main.ts), on SQLite and on PostgreSQL: a bad configuration stops
// it with a clear message; the first start creates the default database and prints the admin's
// generated password once; SIGTERM lets a running call finish, then the process exits 0.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BACKENDS, PG_URL, uniqueName } from '../support/backends';
import { killChildServers, removeChildData, runChildServer, startChildServer } from './support/child-server';
import { client } from './support/npm-client';

// Each test starts real processes (twice for the graceful stop), which takes a while on a busy machine.
jest.setTimeout(300_000);
afterAll(() => killChildServers());

describe('configuration errors', () => {
  it('stop the start with a message naming each problem, exit code 1', async () => {
    const run = await runChildServer({ PORT: 'eighty', LIST_DB: 'perhaps', DEFAULT_DB: '../x' });
    expect(run.code).toBe(1);
    expect(run.output).toContain('Invalid configuration');
    expect(run.output).toContain('http_port must be a whole number from 0 to 65535 (got "eighty" from environment variable PORT)');
    expect(run.output).toContain('list_db must be true or false (got "perhaps" from environment variable LIST_DB)');
    expect(run.output).toContain('db_name must be a database name');
  });
});

describe.each(BACKENDS)('the server process on %s', (backend) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ocsc-main-'));
  const db = uniqueName('main');
  const env: Record<string, string> = {
    PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, DEFAULT_DB: db, MASTER_PASSWORD: 'master-of-tests',
    PASSWORD_ROUNDS: '1000', LOG_LEVEL: 'info', MAIL_TRANSPORT: 'off', SHUTDOWN_TIMEOUT_MS: '60000',
    ...(backend === 'pg' ? { DATABASE_URL: PG_URL, DATABASE_TAG: uniqueName('main') } : {}),
  };
  const made = [db];

  afterAll(async () => {
    await removeChildData(backend, made, dataDir);
  });

  it('creates the default database on first start, prints the password once, and stops gracefully', async () => {
    const server = await startChildServer(env);
    const printed = /Log in as "admin" with the password: (\S+)/.exec(server.output());
    expect(printed).not.toBeNull();
    const password = printed![1];
    const rpc = client(server.port);
    const uid = await rpc.call('/xmlrpc/common', 'login', db, 'admin', password);
    expect(uid).toEqual(expect.any(Number));
    // The password went to the console once, never into a log line.
    expect(server.output().split('\n').filter((l) => l.includes(password))).toHaveLength(1);

    // A database creation is a long call: signal the server while it runs.
    const second = `${db}_b`;
    made.push(second);
    const creating = rpc.call('/xmlrpc/2/db', 'create_database', 'master-of-tests', second, false, 'en_US', 'pw2');
    let finished = false;
    creating.then(() => { finished = true; }, () => { finished = true; });
    while (!finished) {
      const stats = await rpc.call('/xmlrpc/common', 'get_stats') as string;
      if (/Calls in progress: [2-9]/.test(stats)) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(finished).toBe(false);
    server.child.kill('SIGTERM');
    expect(await creating).toBe(true);
    expect(await server.exited).toBe(0);
    expect(server.output()).toMatch(/SIGTERM received: finishing \d+ running call/);

    // Started again: the databases are there, and no password is printed this time.
    const again = await startChildServer(env);
    expect(again.output()).not.toContain('Log in as "admin"');
    const rpc2 = client(again.port);
    expect(await rpc2.call('/xmlrpc/common', 'login', db, 'admin', password)).toBe(uid);
    expect(await rpc2.call('/xmlrpc/common', 'login', second, 'admin', 'pw2')).toEqual(expect.any(Number));
    again.child.kill('SIGINT');
    expect(await again.exited).toBe(0);
  });
});
