// CPU of the server per read call, in one process: the server built in process on PostgreSQL (or
// SQLite), seeded as the benchmark seeds, then the benchmark's search_read 80 and read 10 sent as
// raw request bytes over HTTP and their answers read as bytes (no client-side decoding), so the
// process's CPU is the server's plus a thin HTTP client. DIRECT=1 calls the dispatcher without
// HTTP, ONLY=read (or search_read) measures one call, CPU_PROF=file profiles the measured calls only.
// Run: node -r ./test/support/ts-register.js bench/cpu-reads.ts [pg|sqlite] [calls] [rounds]
import { Agent, request } from 'node:http';
import { Session as Inspector } from 'node:inspector';
import { writeFileSync } from 'node:fs';
import { serializeMethodCall } from '../src/rpc/codec';
import type { RpcValue } from '../src/values';
import { RpcClient } from './client';
import { startInProcess } from './in-process';
import { seed } from './seed';
import { resolveRoute } from '../src/rpc/routes';
import type { BenchServer } from './server';

const FIELDS = ['name', 'email', 'city', 'is_company', 'parent_id', 'country_id', 'category_id', 'child_ids'];

function post(agent: Agent, port: number, body: Buffer): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({
      host: '127.0.0.1', port, path: '/xmlrpc/2/object', method: 'POST', agent,
      headers: { 'Content-Type': 'text/xml', 'Content-Length': body.length },
    }, (res) => {
      let n = 0;
      res.on('data', (c: Buffer) => { n += c.length; });
      res.on('end', () => (res.statusCode === 200 ? resolve(n) : reject(new Error(`HTTP ${res.statusCode}`))));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function main(): Promise<void> {
  const backend = process.argv[2] === 'sqlite' ? 'sqlite' : 'pg';
  const calls = Number(process.argv[3] ?? 500);
  const rounds = Number(process.argv[4] ?? 3);
  const { server, db, adminPassword, port, stop } = await startInProcess(backend, 'cpu', 'en_US');
  const rpc = new RpcClient('127.0.0.1', port, 1);
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  try {
    const fake = { backend, host: '127.0.0.1', port, db, adminLogin: 'admin', adminPassword } as unknown as BenchServer;
    const fx = await seed(rpc, fake);
    const u = fx.user;
    const body = (method: string, args: RpcValue[], kwargs: Record<string, RpcValue>) => Buffer.from(serializeMethodCall(
      'execute_kw', [u.db, u.uid, u.password, 'res.partner', method, args, kwargs]), 'utf8');
    const sr = [0, 1, 2, 3].map((o) => body('search_read', [[]], { fields: FIELDS, limit: 80, offset: o }));
    const rd = [0, 1, 2, 3, 4].map((k) => body('read', [fx.partnerIds.slice(k * 10, k * 10 + 10), FIELDS], {}));
    // ONLY=read or ONLY=search_read: one of the two calls.
    const cases = ([['search_read 80', sr], ['read 10', rd]] as [string, Buffer[]][])
      .filter(([label]) => !process.env.ONLY || label.startsWith(process.env.ONLY));
    // DIRECT=1: the dispatcher's handle (codec, dispatch, ORM, answer text, log line) without HTTP.
    const route = resolveRoute('/xmlrpc/2/object')!;
    const call = process.env.DIRECT
      ? async (b: Buffer) => (await server.dispatcher.handle(route, b, '127.0.0.1')).length
      : (b: Buffer) => post(agent, port, b);
    const prof = process.env.CPU_PROF;
    const insp = prof ? new Inspector() : null;
    const send = (cmd: string, params?: object) => new Promise<unknown>((res, rej) => insp!.post(cmd, params ?? {}, (e, r) => (e ? rej(e) : res(r))));
    if (insp) { insp.connect(); await send('Profiler.enable'); await send('Profiler.setSamplingInterval', { interval: 200 }); }
    for (const [, bodies] of cases) for (let i = 0; i < 100; i++) await call(bodies[i % bodies.length]);
    if (insp) await send('Profiler.start');
    for (let r = 0; r < rounds; r++) {
      for (const [label, bodies] of cases) {
        const cpu0 = process.cpuUsage();
        const t0 = process.hrtime.bigint();
        let bytes = 0;
        for (let i = 0; i < calls; i++) bytes += await call(bodies[i % bodies.length]);
        const cpu = process.cpuUsage(cpu0);
        const wall = Number(process.hrtime.bigint() - t0) / 1e6;
        process.stdout.write(`${label.padEnd(16)} CPU ${((cpu.user + cpu.system) / 1000 / calls).toFixed(3)} ms/call `
          + `(user ${(cpu.user / 1000 / calls).toFixed(3)})  wall ${(wall / calls).toFixed(2)} ms/call  ${Math.round(bytes / calls)} B\n`);
      }
    }
    if (insp) {
      const { profile } = await send('Profiler.stop') as { profile: unknown };
      writeFileSync(prof!, JSON.stringify(profile));
    }
  } finally {
    agent.destroy();
    rpc.close();
    await stop();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${String(err instanceof Error ? err.stack : err)}\n`);
  process.exitCode = 1;
});
