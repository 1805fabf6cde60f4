// The server's memory as a process (src/main.ts started as `node dist/src/main.js` is): it serves
// from a child given V8's young-generation flag and two malloc arenas, sets the old generation's
// growth, and stays under 150 MiB of resident memory through a burst of 50 concurrent clients; a
// flag the administrator gives node stands, and then no child is started.
import { mkdtempSync, readFileSync } from 'node:fs';
import { Agent } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import xmlrpc from 'xmlrpc';
import { BACKENDS, PG_URL, uniqueName } from '../support/backends';
import { killChildServers, processEnvironment, removeChildData, startChildServer, type ChildServer } from './support/child-server';

jest.setTimeout(300_000);
afterAll(() => killChildServers());

const MIB = 1024 * 1024;
/** The bound of the task: resident memory of each server process under load. */
const RSS_BOUND_MIB = 150;
const CLIENTS = 50;

/** The processes `pid` started (Linux). */
function childPids(pid: number): number[] {
  return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').split(/\s+/).filter(Boolean).map(Number);
}

function statusKiB(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const m = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!m) throw new Error(`no ${field} for process ${pid}`);
  return Number(m[1]);
}

function commandLine(pid: number): string[] {
  return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
}

/** One call on a fresh connection (a keep-alive socket closed by the server mid-reuse would fail the call, not the server). */
function call(port: number, path: string, method: string, params: unknown[]): Promise<unknown> {
  const c = xmlrpc.createClient({ host: '127.0.0.1', port, path, agent: new Agent({ keepAlive: false }) } as Parameters<typeof xmlrpc.createClient>[0]);
  return new Promise((resolve, reject) => c.methodCall(method, params, (err: unknown, value: unknown) => (err ? reject(err) : resolve(value))));
}

describe.each(BACKENDS)('memory of the server process on %s', (backend) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ocsc-memory-'));
  const db = uniqueName('memory');
  const env: Record<string, string> = {
    PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, DEFAULT_DB: db, MASTER_PASSWORD: 'master-of-tests', ADMIN_PASSWORD: 'admin-pw',
    PASSWORD_ROUNDS: '1000', LOG_LEVEL: 'info', MAIL_TRANSPORT: 'off',
    ...(backend === 'pg' ? { DATABASE_URL: PG_URL, DATABASE_TAG: uniqueName('memory') } : {}),
  };
  let server: ChildServer | null = null;

  afterAll(async () => {
    server?.child.kill('SIGTERM');
    if (server) await server.exited;
    await removeChildData(backend, [db], dataDir);
  });

  it('serves from a child with the young generation flag and stays under 150 MiB through 50 concurrent clients', async () => {
    server = await startChildServer(env);
    const launcher = server.child.pid!;
    const serving = childPids(launcher);
    expect(serving).toHaveLength(1);
    expect(commandLine(serving[0])).toContain('--max-semi-space-size=8');
    expect(server.output()).toContain('V8 heap: --heap-growing-percent=25');
    // glibc's malloc gets two arenas in the serving process (read from its environment as it started).
    expect(processEnvironment(serving[0])).toContain('MALLOC_ARENA_MAX=2');

    const uid = await call(server.port, '/xmlrpc/2/common', 'login', [db, 'admin', 'admin-pw']);
    expect(uid).toEqual(expect.any(Number));
    // Each client reads 300 field definitions (every column) twice: 50 answers of ~1 MB built at once.
    const rows = await Promise.all(Array.from({ length: CLIENTS }, async () => {
      let read = 0;
      for (let i = 0; i < 2; i++) {
        const found = await call(server!.port, '/xmlrpc/2/object', 'execute_kw',
          [db, uid, 'admin-pw', 'ir.model.fields', 'search_read', [[]], { limit: 300 }]) as unknown[];
        read += found.length;
      }
      return read;
    }));
    expect(rows.every((n) => n === 600)).toBe(true);
    // The peak over the process's life (creating the database included), as the benchmark reads it.
    const peakMiB = statusKiB(serving[0], 'VmHWM') * 1024 / MIB;
    expect(peakMiB).toBeLessThanOrEqual(RSS_BOUND_MIB);
    // The launcher itself only waits.
    expect(statusKiB(launcher, 'VmHWM') * 1024 / MIB).toBeLessThanOrEqual(RSS_BOUND_MIB);

    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    expect(server.output()).toMatch(/SIGTERM received: finishing \d+ running call/);
    server = null;
  });

  it("leaves a young generation flag given in NODE_OPTIONS as it is: no child, the administrator's size", async () => {
    server = await startChildServer({ ...env, NODE_OPTIONS: '--max-semi-space-size=16' });
    expect(childPids(server.child.pid!)).toEqual([]);
    expect(server.output()).toContain('V8 heap: --heap-growing-percent=25');
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    server = null;
  });
});
