// Measures the read path in one process, for profiling (`node --cpu-prof`): the server built in
// process on a scratch SQLite (or PostgreSQL) database, seeded as the benchmark seeds, then
// search_read/read timed over HTTP, with the number of SQL queries each call makes.
// Run: node -r ./test/support/ts-register.js bench/profile-reads.ts [sqlite|pg] [calls]
import type { RpcValue } from '../src/values';
import { RpcClient, type Session } from './client';
import { startInProcess } from './in-process';
import { seed } from './seed';
import type { BenchServer } from './server';

const FIELDS = ['name', 'email', 'city', 'is_company', 'parent_id', 'country_id', 'category_id', 'child_ids'];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

async function measure(label: string, calls: number, fn: () => Promise<RpcValue>, queries: () => number): Promise<void> {
  for (let i = 0; i < 20; i++) await fn();
  const times: number[] = [];
  const before = queries();
  const cpu0 = process.cpuUsage();
  const wall0 = process.hrtime.bigint();
  for (let i = 0; i < calls; i++) {
    const t0 = process.hrtime.bigint();
    await fn();
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  const wallMs = Number(process.hrtime.bigint() - wall0) / 1e6;
  const cpu = process.cpuUsage(cpu0);
  const perCall = (queries() - before) / calls;
  // CPU of this process (server and, over HTTP, the client too), per call.
  const cpuMs = (cpu.user + cpu.system) / 1000 / calls;
  times.sort((a, b) => a - b);
  process.stdout.write(`${label.padEnd(24)} p50 ${percentile(times, 50).toFixed(2)} ms  p95 ${percentile(times, 95).toFixed(2)} ms  `
    + `${(calls / (wallMs / 1000)).toFixed(0)} calls/s  CPU ${cpuMs.toFixed(2)} ms/call  queries/call ${perCall.toFixed(1)}\n`);
}

async function main(): Promise<void> {
  const backend = process.argv[2] === 'pg' ? 'pg' : 'sqlite';
  const calls = Number(process.argv[3] ?? 200);
  const { server, db, adminPassword, port, stop } = await startInProcess(backend, 'prof', 'en_US');
  const rpc = new RpcClient('127.0.0.1', port, 1);
  try {
    const fake = { backend, host: '127.0.0.1', port, db, adminLogin: 'admin', adminPassword } as unknown as BenchServer;
    const fixture = await seed(rpc, fake);
    const user: Session = fixture.user;
    const knex = (await server.dbm.get(db)).knex;
    let queries = 0;
    let show = false;
    const started = new Map<string, bigint>();
    knex.on('query', (q: { sql: string; __knexQueryUid: string }) => {
      queries++;
      if (show) started.set(q.__knexQueryUid, process.hrtime.bigint());
    });
    knex.on('query-response', (_r: unknown, q: { sql: string; __knexQueryUid: string }) => {
      const t0 = started.get(q.__knexQueryUid);
      if (show && t0 !== undefined) {
        const ms = Number(process.hrtime.bigint() - t0) / 1e6;
        process.stdout.write(`  ${ms.toFixed(2).padStart(6)} ms  ${q.sql.slice(0, 160)}\n`);
      }
    });
    if (process.env.PROFILE_SQL) {
      show = true;
      await user.call('res.partner', 'search_read', [[]], { fields: FIELDS, limit: 80 });
      process.stdout.write('--\n');
      await user.call('res.partner', 'read', [fixture.partnerIds.slice(0, 200), FIELDS]);
      show = false;
    }
    const ids = fixture.partnerIds.slice(0, 200);
    let offset = 0;
    const httpToo = process.env.PROFILE_DIRECT_ONLY === undefined;
    if (httpToo) await measure('search_read 80', calls, () => user.call('res.partner', 'search_read', [[]], { fields: FIELDS, limit: 80, offset: offset++ % 4 }), () => queries);
    if (httpToo) await measure('read 200', calls, () => user.call('res.partner', 'read', [ids, FIELDS]), () => queries);
    if (httpToo) await measure('name_search', calls, () => user.call('res.partner', 'name_search', [], { name: 'contacto 1', limit: 8 }), () => queries);
    const direct = (method: string, args: RpcValue[], kwargs: Record<string, RpcValue>) => async (): Promise<RpcValue> => {
      const out = await server.dispatcher.dispatch({
        service: 'object', method: 'execute_kw', profile: 'odoo', ip: '127.0.0.1',
        params: [db, user.uid, fixture.password, 'res.partner', method, args, kwargs],
      });
      if (!out.ok) throw out.error;
      return out.value;
    };
    await measure('search_read 80 direct', calls, direct('search_read', [[]], { fields: FIELDS, limit: 80 }), () => queries);
    await measure('read 200 direct', calls, direct('read', [ids, FIELDS], {}), () => queries);
  } finally {
    rpc.close();
    await stop();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${String(err instanceof Error ? err.stack : err)}\n`);
  process.exitCode = 1;
});
