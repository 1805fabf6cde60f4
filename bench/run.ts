// `npm run bench`: for each backend, starts the real server with a fresh database, seeds it,
// warms up, then measures every call with one client and with several, and prints the tables.
// On PostgreSQL each call the floor knows is measured against it too, in turns (bench/floor.ts).
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { InternalError, ValidationError } from '../src/errors';
import { RpcClient } from './client';
import { attachServer } from './external';
import { openBenchDatabase, writeFillerPartners } from './filler';
import { type Floor, startFloor } from './floor';
import { measure, type Measurement } from './measure';
import { type Backend, type BenchOptions, readOptions } from './options';
import { type BackendResult, callList, floorTable, header, table } from './report';
import { cpuMs, peakRssMiB } from './proc';
import { type Scenario, scenarios } from './scenarios';
import { seed } from './seed';
import { type BenchServer, startServer } from './server';

/** The warm-up of each call: enough for the JIT and the caches, never recorded. */
const WARM_UP = { seconds: 1, maxCalls: 20 };

let running: BenchServer | null = null;

function say(line: string): void {
  process.stderr.write(`${line}\n`);
}

/**
 * The server's log lines about a fault: an internal error names a ref, and the log line with
 * that ref (and the lines after it) hold the detail.
 */
function detail(server: BenchServer, fault: string, count: number): string[] {
  const ref = /\(ref ([0-9a-f]+)\)/.exec(fault)?.[1];
  const lines = server.logTail();
  const at = ref ? lines.findIndex((l) => l.includes(ref)) : -1;
  return at >= 0 ? lines.slice(at, at + count) : [];
}

async function open(backend: Backend, opts: BenchOptions): Promise<BenchServer> {
  if (backend !== 'external') {
    say(`[${backend}] starting the server and creating a fresh database`);
    return startServer(backend, opts.pgUrl, opts.workers);
  }
  if (!opts.external) throw new ValidationError('the external backend needs BENCH_URL');
  say(`[external] measuring the server at ${opts.external.host}:${opts.external.port}, database ${opts.external.db}`);
  return attachServer(opts.external);
}

async function measureOne(backend: Backend, who: string, s: Scenario, clients: number, opts: BenchOptions,
  pid: number | undefined): Promise<Measurement> {
  const cpu0 = cpuMs(pid);
  const m = await measure(s.name, clients, opts, s.op);
  const cpu1 = cpuMs(pid);
  if (cpu0 !== null && cpu1 !== null && m.calls + m.faults > 0) m.cpuMsPerCall = (cpu1 - cpu0) / (m.calls + m.faults);
  say(`[${backend}]${who ? ` ${who}` : ''} ${s.name} x${clients}: ${m.calls} calls, ${m.callsPerSecond.toFixed(1)}/s, `
    + `p50 ${m.p50Ms.toFixed(2)} ms, p99 ${m.p99Ms.toFixed(2)} ms, ${m.faults} faults`
    + `${m.cpuMsPerCall !== undefined ? `, CPU ${m.cpuMsPerCall.toFixed(3)} ms/call` : ''}`);
  return m;
}

/** Partners seeded over XML-RPC (30 companies, 270 contacts); BENCH_PARTNERS beyond them are filler. */
const SEEDED = 300;

/** Filler contacts written straight into the database, then ANALYZE. */
async function fill(backend: 'sqlite' | 'pg', db: string, dataDir: string, opts: BenchOptions): Promise<void> {
  const count = opts.partners - SEEDED;
  say(`[${backend}] writing ${count} filler partners`);
  const knex = openBenchDatabase(backend, opts.pgUrl, db, dataDir);
  try {
    await writeFillerPartners(knex, backend, count, (n) => say(`[${backend}] ${n} partners written`));
  } finally {
    await knex.destroy();
  }
}

/** The scenarios BENCH_CALLS names (all when it names none); an unknown name is an error. */
function pick(list: Scenario[], names: string[] | null): Scenario[] {
  if (!names) return list;
  for (const n of names) {
    if (!list.some((s) => s.name === n)) throw new ValidationError(`BENCH_CALLS names "${n}"; the calls are: ${list.map((s) => s.name).join(', ')}`);
  }
  return list.filter((s) => names.includes(s.name));
}

/** The URL of one database on the PostgreSQL server of `pgUrl`. */
function databaseUrl(pgUrl: string, db: string): string {
  const url = new URL(pgUrl);
  url.pathname = `/${db}`;
  return url.toString();
}

async function runBackend(backend: Backend, opts: BenchOptions): Promise<BackendResult> {
  const server = await open(backend, opts);
  running = server;
  let floor: Floor | null = null;
  const rpc = new RpcClient(server.host, server.port, opts.clients, opts.keepAlive);
  try {
    say(`[${backend}] listening on ${server.host}:${server.port}; seeding`);
    const fx = await seed(rpc, server, { partners: SEEDED, parallel: opts.clients });
    if (opts.partners > SEEDED && backend !== 'external' && server.dataDir) await fill(backend, server.db, server.dataDir, opts);
    const list = pick(scenarios(rpc, server.db, fx), opts.calls);
    for (const s of list) await measure(s.name, 1, WARM_UP, s.op);
    // One client reaches one worker: each worker's first call of the user checks the password
    // (pbkdf2), which the warm-up pays on every connection, so on every worker.
    if (opts.workers > 0) {
      for (const s of list) await measure(s.name, opts.clients, { seconds: WARM_UP.seconds * 5, maxCalls: opts.clients * 4 }, s.op);
    }
    if (backend === 'pg' && opts.floor) {
      say(`[${backend}] starting the floor on the same database`);
      floor = await startFloor(databaseUrl(opts.pgUrl, server.db), list, rpc, opts.clients);
      for (const twin of floor.twins.values()) await measure(twin.name, 1, WARM_UP, twin.op);
    }
    const results: Measurement[] = [];
    const floorResults: Measurement[] = [];
    const loadAtStart = loadavg()[0];
    for (const clients of [1, opts.clients]) {
      for (const [index, s] of list.entries()) {
        const twin = floor?.twins.get(s.name);
        // Interleaved, and in turns, so that the machine's load falls on both alike.
        if (twin && index % 2 === 1) floorResults.push(await measureOne(backend, 'floor', twin, clients, opts, floor?.pid));
        const m = await measureOne(backend, '', s, clients, opts, server.pid);
        if (m.firstFault) m.firstFault = [m.firstFault, ...detail(server, m.firstFault, 2)].join('\n');
        results.push(m);
        if (twin && index % 2 === 0) floorResults.push(await measureOne(backend, 'floor', twin, clients, opts, floor?.pid));
      }
    }
    return {
      backend, engine: await server.engineVersion(), load: [loadAtStart, loadavg()[0]], results, floor: floorResults,
      peakRss: server.pid ? peakRssMiB(server.pid) : [], partners: opts.partners,
      calls: Object.fromEntries(list.map((s) => [s.name, s.call])),
    };
  } catch (err) {
    const about = detail(server, err instanceof Error ? err.message : '', 30);
    say((about.length ? about : server.logTail().slice(-30)).join('\n'));
    throw err;
  } finally {
    rpc.close();
    await floor?.stop();
    await server.stop();
    running = null;
  }
}

async function main(): Promise<void> {
  const opts = readOptions();
  const done: BackendResult[] = [];
  for (const backend of opts.backends) done.push(await runBackend(backend, opts));
  const out = [header(opts), '', ...done.map((r) => table(r, opts.clients)), ...done.map((r) => floorTable(r)), '',
    'Calls:', callList(done[0])];
  process.stdout.write(`${out.join('\n\n').replace(/\n{3,}/g, '\n\n')}\n`);
  if (opts.jsonOut) writeFileSync(opts.jsonOut, `${JSON.stringify({ date: new Date().toISOString(), opts, done }, null, 2)}\n`);
}

// An interrupted run still stops its server and drops its database.
process.once('SIGINT', () => {
  void (running?.stop() ?? Promise.resolve()).finally(() => process.exit(130));
});

main().catch(async (err: unknown) => {
  const cause = err instanceof InternalError && err.cause !== undefined ? `\n${String(err.cause)}` : '';
  process.stderr.write(`The benchmark failed: ${err instanceof Error ? err.message : String(err)}${cause}\n`);
  await running?.stop();
  process.exit(1);
});
