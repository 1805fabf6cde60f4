// CPU of the server per create call, in one process: the server built in process on PostgreSQL (or
// SQLite), seeded as the benchmark seeds, then the benchmark's 'create partner' (a contact with a
// company, a country and two tags, as the non-superuser bench user) sent as raw request bytes over
// HTTP, with the statements each create sends to the database counted. BASE=<another checkout>
// builds that tree's server in the same process too and alternates batches between the two, so
// both are measured under the same load. On PostgreSQL (on this host) the CPU its backends spent
// for the database is counted too (/proc). DIRECT=1 calls the dispatcher without HTTP; CPU_PROF=file
// profiles the measured calls only.
// Run: node -r ./test/support/ts-register.js bench/cpu-creates.ts [pg|sqlite] [calls] [rounds]
import { Agent, request } from 'node:http';
import { Session as Inspector } from 'node:inspector';
import { readFileSync, writeFileSync } from 'node:fs';
import { Client } from 'pg';
import { resolve } from 'node:path';
import type { BenchServer } from './server';

function post(agent: Agent, port: number, body: Buffer): Promise<string> {
  return new Promise((done, reject) => {
    const req = request({
      host: '127.0.0.1', port, path: '/xmlrpc/2/object', method: 'POST', agent,
      headers: { 'Content-Type': 'text/xml', 'Content-Length': body.length },
    }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (c: Buffer) => { parts.push(c); });
      res.on('end', () => (res.statusCode === 200 ? done(Buffer.concat(parts).toString('utf8')) : reject(new Error(`HTTP ${res.statusCode}`))));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** CPU time (µs) of the PostgreSQL backends serving `db`, read from /proc (0 when not readable). */
async function pgCpu(pg: Client | null): Promise<number> {
  if (!pg) return 0;
  const { rows } = await pg.query<{ pid: number }>('select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()');
  let ticks = 0;
  for (const { pid } of rows) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // gone, or another host's
    }
  }
  return ticks * 10_000;
}

interface Target {
  label: string;
  /** CPU (µs) the database's server processes spent so far. */
  dbCpu(): Promise<number>;
  /** Sends the next create; resolves with the answer's text. */
  next(): Promise<string>;
  statements(): number;
  stop(): Promise<void>;
}

/** The server of the checkout at `root`, seeded, with the benchmark's create ready to send. */
async function target(label: string, root: string, backend: 'pg' | 'sqlite'): Promise<Target> {
  const { startInProcess } = require(resolve(root, 'bench/in-process')) as typeof import('./in-process');
  const { seed } = require(resolve(root, 'bench/seed')) as typeof import('./seed');
  const { RpcClient } = require(resolve(root, 'bench/client')) as typeof import('./client');
  const { serializeMethodCall } = require(resolve(root, 'src/rpc/codec')) as typeof import('../src/rpc/codec');
  const { resolveRoute } = require(resolve(root, 'src/rpc/routes')) as typeof import('../src/rpc/routes');
  const { server, db, adminPassword, port, stop } = await startInProcess(backend, 'cpuc', 'en_US');
  const rpc = new RpcClient('127.0.0.1', port, 1);
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
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
  let statements = 0;
  (await server.dbm.get(db)).knex.on('query', () => { statements += 1; });
  let pg: Client | null = null;
  if (backend === 'pg') {
    const url = new URL(process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
    url.pathname = `/${db}`;
    pg = new Client({ connectionString: url.toString() });
    await pg.connect();
  }
  return {
    label,
    dbCpu: () => pgCpu(pg),
    next: () => call(body()),
    statements: () => statements,
    async stop() {
      await pg?.end();
      agent.destroy();
      rpc.close();
      await stop();
    },
  };
}

async function main(): Promise<void> {
  const backend = process.argv[2] === 'sqlite' ? 'sqlite' : 'pg';
  const calls = Number(process.argv[3] ?? 500);
  const rounds = Number(process.argv[4] ?? 3);
  const targets: Target[] = [];
  try {
    if (process.env.BASE) targets.push(await target('base', process.env.BASE, backend));
    targets.push(await target(process.env.BASE ? 'this' : 'create partner', resolve(__dirname, '..'), backend));
    for (const t of targets) {
      for (let i = 0; i < 100; i++) {
        const answer = await t.next();
        if (!answer.includes('<int>')) throw new Error(`create failed: ${answer}`);
      }
    }
    const prof = process.env.CPU_PROF;
    const insp = prof ? new Inspector() : null;
    const send = (cmd: string, params?: object) => new Promise<unknown>((res, rej) => insp!.post(cmd, params ?? {}, (e, r) => (e ? rej(e) : res(r))));
    if (insp) {
      insp.connect();
      await send('Profiler.enable');
      await send('Profiler.setSamplingInterval', { interval: 200 });
      await send('Profiler.start');
    }
    // Batches of 50 calls, each target in turn, summed per round.
    const batch = 50;
    for (let r = 0; r < rounds; r++) {
      const sums = targets.map(() => ({ cpu: 0, user: 0, wall: 0, statements: 0, db: 0 }));
      for (let done = 0; done < calls; done += batch) {
        for (const [k, t] of targets.entries()) {
          const before = t.statements();
          const db0 = await t.dbCpu();
          const cpu0 = process.cpuUsage();
          const t0 = process.hrtime.bigint();
          for (let i = 0; i < Math.min(batch, calls - done); i++) await t.next();
          const cpu = process.cpuUsage(cpu0);
          sums[k].cpu += cpu.user + cpu.system;
          sums[k].user += cpu.user;
          sums[k].wall += Number(process.hrtime.bigint() - t0) / 1e6;
          sums[k].statements += t.statements() - before;
          sums[k].db += (await t.dbCpu()) - db0;
        }
      }
      for (const [k, t] of targets.entries()) {
        const s = sums[k];
        process.stdout.write(`${t.label.padEnd(16)} CPU ${(s.cpu / 1000 / calls).toFixed(3)} ms/call `
          + `(user ${(s.user / 1000 / calls).toFixed(3)})  wall ${(s.wall / calls).toFixed(2)} ms/call  `
          + `${(s.statements / calls).toFixed(2)} statements/call  database CPU ${(s.db / 1000 / calls).toFixed(3)} ms/call\n`);
      }
    }
    if (insp) {
      const { profile } = await send('Profiler.stop') as { profile: unknown };
      writeFileSync(prof!, JSON.stringify(profile));
    }
  } finally {
    for (const t of targets) await t.stop();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${String(err instanceof Error ? err.stack : err)}\n`);
  process.exitCode = 1;
});
