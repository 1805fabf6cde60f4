// The server with `workers = 2` (a master and two worker processes sharing the port), as real
// processes on SQLite and on PostgreSQL: calls are served by both workers (the pid column of their
// log lines), a killed worker is replaced, limit_memory_soft recycles workers, limit_time_real kills
// a worker running a long call (its write or create never lands), SIGTERM lets a running call end, and with two senders every queued
// mail reaches a real SMTP server exactly once.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import knexFactory from 'knex';
import xmlrpc from 'xmlrpc';
import { BACKENDS, PG_URL, uniqueName } from '../support/backends';
import { waitFor } from '../support/wait-for';
import { SmtpSink } from '../integration/mail/support/smtp-sink';
import { killChildServers, processEnvironment, removeChildData, runChildServer, startChildServer, type ChildServer } from './support/child-server';

jest.setTimeout(300_000);
afterAll(() => killChildServers());

const PASSWORD = 'admin-of-workers';
const MASTER = 'master-of-workers';

/** One XML-RPC call on its own connection (as a fresh xmlrpc.client.ServerProxy would make). */
function call(port: number, path: string, method: string, ...params: unknown[]): Promise<unknown> {
  const c = xmlrpc.createClient({ host: '127.0.0.1', port, path, agent: false } as Parameters<typeof xmlrpc.createClient>[0]);
  return new Promise((resolve, reject) => {
    c.methodCall(method, params, (err: unknown, value: unknown) => (err ? reject(err) : resolve(value)));
  });
}

/** Pids of the workers that said they are alive, in order. */
const alive = (s: ChildServer): number[] => [...s.output().matchAll(/Worker \((\d+)\) alive/g)].map((m) => Number(m[1]));

/** Pids in the log lines of the calls to `method` that were answered. */
function servedBy(s: ChildServer, method: string): number[] {
  const line = new RegExp(`^\\S+ \\S+ (\\d+) INFO \\S+ rpc: \\S+ ${method.replace('.', '\\.')} ok `, 'gm');
  return [...s.output().matchAll(line)].map((m) => Number(m[1]));
}

const count = (text: string, part: string): number => text.split(part).length - 1;

/**
 * Waits until both workers have logged answering `method`. Each worker writes its log line after
 * its answer, and the kernel may hand one worker every connection of a burst: `more` sends
 * another few calls while only one worker has served.
 */
function servedByBoth(s: ChildServer, method: string, more: () => Promise<unknown>): Promise<void> {
  return waitFor(async () => {
    if (new Set(servedBy(s, method)).size < 2) await more();
    return new Set(servedBy(s, method)).size === 2;
  }, `${method} served by both workers`);
}

describe('workers that cannot listen', () => {
  it('stop the start with exit code 1 after a few attempts', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const dataDir = mkdtempSync(join(tmpdir(), 'ocsc-workers-'));
    try {
      const run = await runChildServer({
        PORT: String((taken.address() as { port: number }).port), HOST: '127.0.0.1', DATA_DIR: dataDir, DEFAULT_DB: 'taken',
        ADMIN_PASSWORD: PASSWORD, PASSWORD_ROUNDS: '1000', MAIL_TRANSPORT: 'off', WORKERS: '2',
      });
      expect(run.code).toBe(1);
      expect(run.output).toContain('EADDRINUSE');
      expect(run.output).toMatch(/CRITICAL \? server\.master: Worker \(\d+\) died \(exit code 1\) before listening, 3 times: stopping/);
    } finally {
      taken.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe.each(BACKENDS)('workers = 2 on %s', (backend) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ocsc-workers-'));
  const db = uniqueName('wk');
  const made = [db];
  const env: Record<string, string> = {
    PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, DEFAULT_DB: db, MASTER_PASSWORD: MASTER, ADMIN_PASSWORD: PASSWORD,
    PASSWORD_ROUNDS: '1000', LOG_LEVEL: 'info', MAIL_TRANSPORT: 'off', WORKERS: '2', SHUTDOWN_TIMEOUT_MS: '60000',
    ...(backend === 'pg' ? { DATABASE_URL: PG_URL, DATABASE_TAG: uniqueName('wk') } : {}),
  };
  let server: ChildServer | null = null;

  async function start(extra: Record<string, string> = {}): Promise<ChildServer> {
    const s = await startChildServer({ ...env, ...extra });
    server = s;
    await waitFor(() => alive(s).length >= 2, 'two workers alive', 120_000);
    return s;
  }

  const login = (port: number) => call(port, '/xmlrpc/common', 'login', db, 'admin', PASSWORD);

  afterEach(async () => {
    if (server && server.child.exitCode === null && server.child.signalCode === null) {
      server.child.kill('SIGTERM');
      await server.exited;
    }
    server = null;
  });

  afterAll(async () => {
    await removeChildData(backend, made, dataDir);
  });

  it('serves calls from two worker processes and replaces one that is killed', async () => {
    const s = await start();
    const [a, b] = alive(s);
    expect([a, b]).not.toContain(s.child.pid);
    // Each worker starts with the master's malloc arenas (src/v8-memory.ts).
    for (const pid of [a, b]) expect(processEnvironment(pid)).toContain('MALLOC_ARENA_MAX=2');
    const uids = await Promise.all(Array.from({ length: 20 }, () => login(s.port)));
    expect(new Set(uids)).toEqual(new Set([expect.any(Number)]));
    await servedByBoth(s, 'common.login', () => Promise.all(Array.from({ length: 4 }, () => login(s.port))));
    expect(new Set(servedBy(s, 'common.login'))).toEqual(new Set([a, b]));

    process.kill(a, 'SIGKILL');
    await waitFor(() => s.output().includes(`Worker (${a}) died (signal SIGKILL); respawning`), 'the master logs the death');
    // The other worker answers meanwhile.
    for (let i = 0; i < 4; i++) expect(await login(s.port)).toBe(uids[0]);
    await waitFor(() => alive(s).length >= 3, 'a new worker', 120_000);
    const c = alive(s)[2];
    expect([a, b]).not.toContain(c);
    await waitFor(async () => (await login(s.port)) === uids[0] && servedBy(s, 'common.login').includes(c), 'a call served by the new worker');
  });

  it('replaces workers past limit_memory_soft while calls keep being answered', async () => {
    const s = await start({ LIMIT_MEMORY_SOFT: '1' });
    const failures: unknown[] = [];
    let answered = 0;
    await waitFor(async () => {
      await login(s.port).then(() => { answered += 1; }, (err: unknown) => { failures.push(err); });
      return count(s.output(), 'exited after being replaced') >= 2;
    }, 'two workers replaced', 180_000);
    expect(failures).toEqual([]);
    expect(answered).toBeGreaterThan(0);
    expect(s.output()).toMatch(/INFO \S+ server\.worker: Worker \(\d+\) virtual memory limit \(1\) reached/);
    expect(s.output()).toMatch(/Worker \(\d+\) retiring \(limit_memory_soft\): starting its replacement/);
    expect(alive(s).length).toBeGreaterThanOrEqual(4);
  });

  /** The database as another program sees it: a knex handle on the server's SQLite file or PostgreSQL database. */
  function openDirect() {
    if (backend === 'pg') {
      const url = new URL(PG_URL);
      url.pathname = `/${db}`;
      return knexFactory({ client: 'pg', connection: url.toString(), pool: { min: 1, max: 1 } });
    }
    return knexFactory({ client: 'better-sqlite3', connection: { filename: join(dataDir, `${db}.sqlite`) }, useNullAsDefault: true, pool: { min: 1, max: 1 } });
  }

  it('kills a worker whose call runs past limit_time_real, and serves on', async () => {
    const s = await start({ LIMIT_TIME_REAL: '1' });
    const uid = await login(s.port);
    const partners = (...args: unknown[]) => call(s.port, '/xmlrpc/object', 'execute', db, uid, PASSWORD, 'res.partner', ...args);
    const id = await partners('create', { name: 'Held partner' }) as number;
    // Another program holds the partner (PostgreSQL: its row; SQLite: the write lock), so the
    // write below waits for it: a call stuck past the limit, as behind a long transaction.
    const direct = openDirect();
    const holder = await direct.transaction();
    try {
      if (backend === 'pg') await holder('res_partner').where({ id }).update({ comment: 'held' });
      else await holder.raw('DELETE FROM res_partner WHERE id = -1');
      await expect(partners('write', [id], { name: 'Written by the stuck call' })).rejects.toThrow(/socket hang up|ECONNRESET/);
      expect(s.output()).toMatch(/ERROR \? server\.master: Worker \((\d+)\) timeout after 1s \(limit_time_real\)/);
      await waitFor(() => s.output().includes('killed (limit_time_real); starting a new worker'), 'the replacement is started');
    } finally {
      await holder.rollback();
      await direct.destroy();
    }
    // The other worker answers, and the killed call's write never happened.
    await waitFor(async () => (await partners('read', [id], ['name']) as { name: string }[])[0].name === 'Held partner', 'the partner as it was');
    await new Promise((r) => setTimeout(r, 500));
    expect((await partners('read', [id], ['name']) as { name: string }[])[0].name).toBe('Held partner');
    await waitFor(() => alive(s).length >= 3, 'a new worker', 120_000);
    expect(typeof await login(s.port)).toBe('number');

    // A create naming the held partner as its parent: outside a transaction it would wait for the
    // row and commit after its worker died; it waits in a transaction instead, which dies with it.
    const again = openDirect();
    const holding = await again.transaction();
    try {
      if (backend === 'pg') await holding.raw('SELECT id FROM res_partner WHERE id = ? FOR UPDATE', [id]);
      else await holding.raw('DELETE FROM res_partner WHERE id = -1');
      await expect(partners('create', { name: 'Created by the stuck call', parent_id: id })).rejects.toThrow(/socket hang up|ECONNRESET/);
      await waitFor(() => count(s.output(), 'killed (limit_time_real); starting a new worker') >= 2, 'the second replacement is started');
    } finally {
      await holding.rollback();
      await again.destroy();
    }
    await new Promise((r) => setTimeout(r, 500));
    expect(await partners('search', [['name', '=', 'Created by the stuck call']])).toEqual([]);
    await waitFor(() => alive(s).length >= 4, 'another new worker', 120_000);
  });

  it('stops on SIGTERM once a running call has ended, and exits 0', async () => {
    const s = await start();
    const second = `${db}_b`;
    made.push(second);
    const creating = call(s.port, '/xmlrpc/2/db', 'create_database', MASTER, second, false, 'en_US', 'pw2');
    let finished = false;
    creating.then(() => { finished = true; }, () => { finished = true; });
    // Calls go to both workers in turn: one of them soon answers from the worker creating the database.
    while (!finished && !/Calls in progress: [2-9]/.test(await call(s.port, '/xmlrpc/common', 'get_stats') as string)) {
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(finished).toBe(false);
    s.child.kill('SIGTERM');
    expect(await creating).toBe(true);
    expect(await s.exited).toBe(0);
    expect(s.output()).toContain('SIGTERM received: stopping 2 worker(s) once their running calls end');
    expect(count(s.output(), 'stopped (exit code 0)')).toBe(2);
  });

  it('stops its workers when the master is killed', async () => {
    const s = await start();
    const pids = alive(s);
    s.child.kill('SIGKILL');
    await s.exited;
    const gone = (pid: number) => {
      try {
        process.kill(pid, 0);
        return false;
      } catch {
        return true;
      }
    };
    await waitFor(() => pids.every(gone), 'the workers exit', 60_000);
    await expect(login(s.port)).rejects.toThrow(/ECONNREFUSED/);
  });

  it('delivers every queued mail exactly once with two senders', async () => {
    const sink = await new SmtpSink().start();
    try {
      const s = await start({ MAIL_TRANSPORT: 'smtp', SMTP_HOST: '127.0.0.1', SMTP_PORT: String(sink.port), MAIL_FROM: 'support@example.com' });
      const uid = await login(s.port);
      const ids: unknown[] = [];
      const queue = async (count: number) => {
        const from = ids.length;
        ids.push(...await Promise.all(Array.from({ length: count }, (_, k) => call(s.port, '/xmlrpc/object', 'execute', db, uid, PASSWORD,
          'mail.mail', 'create', { subject: `Outage notice ${from + k}`, email_to: `user${from + k}@example.com`, body_html: `<p>Notice ${from + k}</p>` }))));
      };
      await queue(40);
      await servedByBoth(s, 'object.execute', () => queue(4));
      const N = ids.length;
      const sent = () => call(s.port, '/xmlrpc/object', 'execute', db, uid, PASSWORD, 'mail.mail', 'search_count', [['id', 'in', ids], ['state', '=', 'sent']]);
      await waitFor(async () => (await sent()) === N, 'every mail marked sent', 120_000);
      expect(sink.received).toHaveLength(N);
      const counts = sink.countsByMessageId();
      expect(counts.size).toBe(N);
      expect([...counts.values()].every((n) => n === 1)).toBe(true);
      expect(new Set(sink.received.map((r) => r.subject))).toEqual(new Set(Array.from({ length: N }, (_, i) => `Outage notice ${i}`)));
    } finally {
      if (server) {
        server.child.kill('SIGTERM');
        await server.exited;
        server = null;
      }
      await sink.stop();
    }
  });
});
