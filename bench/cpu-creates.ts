// CPU of the server per create call, in one process: the server built in process on PostgreSQL (or
// SQLite), seeded as the benchmark seeds, then the benchmark's 'create partner' (a contact with a
// company, a country and two tags, as the non-superuser bench user) sent as raw request bytes over
// HTTP, with the statements each create sends to the database counted. DIRECT=1 calls the
// dispatcher without HTTP; CPU_PROF=file profiles the measured calls only.
// Run: node -r ./test/support/ts-register.js bench/cpu-creates.ts [pg|sqlite] [calls] [rounds]
import { Agent, request } from 'node:http';
import { Session as Inspector } from 'node:inspector';
import { writeFileSync } from 'node:fs';
import { serializeMethodCall } from '../src/rpc/codec';
import { resolveRoute } from '../src/rpc/routes';
import { RpcClient } from './client';
import { startInProcess } from './in-process';
import { seed } from './seed';
import type { BenchServer } from './server';

function post(agent: Agent, port: number, body: Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request({
      host: '127.0.0.1', port, path: '/xmlrpc/2/object', method: 'POST', agent,
      headers: { 'Content-Type': 'text/xml', 'Content-Length': body.length },
    }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (c: Buffer) => { parts.push(c); });
      res.on('end', () => (res.statusCode === 200 ? resolve(Buffer.concat(parts).toString('utf8')) : reject(new Error(`HTTP ${res.statusCode}`))));
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
  const { server, db, adminPassword, port, stop } = await startInProcess(backend, 'cpuc', 'en_US');
  const rpc = new RpcClient('127.0.0.1', port, 1);
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  try {
    const fake = { backend, host: '127.0.0.1', port, db, adminLogin: 'admin', adminPassword } as unknown as BenchServer;
    const fx = await seed(rpc, fake);
    const u = fx.user;
    let n = 0;
    // The benchmark's create partner, a new name and email each time.
    const body = () => {
      n += 1;
      return Buffer.from(serializeMethodCall('execute_kw', [u.db, u.uid, u.password, 'res.partner', 'create', [{
        name: `Nuevo ${n}`, email: `nuevo${n}@example.com`, city: 'Trinidad', parent_id: fx.partnerIds[n % 30],
        country_id: fx.countryIds[0] ?? false, category_id: [[6, 0, fx.categoryIds.slice(0, 2)]],
      }], {}]), 'utf8');
    };
    const route = resolveRoute('/xmlrpc/2/object')!;
    const call = process.env.DIRECT
      ? async (b: Buffer) => (await server.dispatcher.handle(route, b, '127.0.0.1')).toString()
      : (b: Buffer) => post(agent, port, b);
    const knex = (await server.dbm.get(db)).knex;
    let statements = 0;
    knex.on('query', () => { statements += 1; });
    const prof = process.env.CPU_PROF;
    const insp = prof ? new Inspector() : null;
    const send = (cmd: string, params?: object) => new Promise<unknown>((res, rej) => insp!.post(cmd, params ?? {}, (e, r) => (e ? rej(e) : res(r))));
    if (insp) { insp.connect(); await send('Profiler.enable'); await send('Profiler.setSamplingInterval', { interval: 200 }); }
    for (let i = 0; i < 100; i++) {
      const answer = await call(body());
      if (!answer.includes('<int>')) throw new Error(`create failed: ${answer}`);
    }
    if (insp) await send('Profiler.start');
    for (let r = 0; r < rounds; r++) {
      const bodies = Array.from({ length: calls }, body);
      statements = 0;
      const cpu0 = process.cpuUsage();
      const t0 = process.hrtime.bigint();
      for (const b of bodies) await call(b);
      const cpu = process.cpuUsage(cpu0);
      const wall = Number(process.hrtime.bigint() - t0) / 1e6;
      process.stdout.write(`create partner   CPU ${((cpu.user + cpu.system) / 1000 / calls).toFixed(3)} ms/call `
        + `(user ${(cpu.user / 1000 / calls).toFixed(3)})  wall ${(wall / calls).toFixed(2)} ms/call  `
        + `${(statements / calls).toFixed(2)} statements/call\n`);
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
