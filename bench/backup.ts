// `node -r ./test/support/ts-register.js bench/backup.ts [sqlite|pg]`: the server as its own process
// with BENCH_PARTNERS partners (300,000 by default); common.version is called without pause while
// a backup and a restore run, and the report gives their times, the calls' p50/p99/max and the
// server's peak RSS (VmHWM) for the streamed zip form and for XML-RPC's portable dump.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdtempSync, openAsBlob, readFileSync, rmSync, statSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import knexFactory from 'knex';
import { openBenchDatabase, writeFillerPartners } from './filler';

const PG_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const PARTNERS = Number(process.env.BENCH_PARTNERS ?? 300_000);
const ROOT = join(__dirname, '..');

interface Server { child: ChildProcess; port: number; db: string; master: string; dataDir: string; stop(): Promise<void> }

async function startServer(backend: 'sqlite' | 'pg'): Promise<Server> {
  const tag = randomBytes(4).toString('hex');
  const db = `benchbk_${tag}`;
  const master = `master-${tag}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'ocsc-benchbk-'));
  const child = spawn(process.execPath, ['-r', './test/support/ts-register.js', 'src/main.ts'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin', PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, DEFAULT_DB: db,
      ADMIN_PASSWORD: 'bench', MASTER_PASSWORD: master, DATABASE_TAG: `benchbk_${tag}`, LOG_LEVEL: 'info',
      ...(backend === 'pg' ? { DATABASE_URL: PG_URL } : {}),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const port = await new Promise<number>((resolve, reject) => {
    const seen = (d: Buffer) => {
      out += d.toString('utf8');
      const m = /running on [^\s]+:(\d+)/.exec(out);
      if (m) resolve(Number(m[1]));
    };
    child.stdout!.on('data', seen);
    child.stderr!.on('data', seen);
    child.on('exit', () => reject(new Error(`server exited:\n${out}`)));
  });
  child.on('exit', (code, signal) => {
    if (code !== 0 && signal !== 'SIGTERM') process.stderr.write(`server ended (${code ?? signal}):\n${out.split('\n').filter((l) => !l.includes('common.version')).slice(-30).join('\n')}\n`);
  });
  return {
    child, port, db, master, dataDir,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      if (backend === 'pg') {
        const admin = knexFactory({ client: 'pg', connection: PG_URL, pool: { min: 0, max: 1 } });
        for (const name of [db, `${db}_zip`, `${db}_portable`]) await admin.raw(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await admin.destroy();
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Partners written straight into the database (seeding is not what is measured). */
async function seedPartners(backend: 'sqlite' | 'pg', server: Server): Promise<void> {
  const knex = openBenchDatabase(backend, PG_URL, server.db, server.dataDir);
  try {
    await writeFillerPartners(knex, backend, PARTNERS);
  } finally {
    await knex.destroy();
  }
}

const agent = new Agent({ keepAlive: true, maxSockets: 1 });
const VERSION_CALL = '<?xml version="1.0"?><methodCall><methodName>version</methodName><params/></methodCall>';

function post(port: number, path: string, body: string, type: string, via: Agent | false = agent): Promise<{ status: number; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'POST', agent: via, headers: { 'Content-Type': type } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** Calls common.version one after another until `work` ends; returns the work's time and the latencies. */
async function whileRunning(port: number, work: () => Promise<void>): Promise<{ seconds: number; latencies: number[]; failed: number }> {
  const latencies: number[] = [];
  let done = false;
  let failed = 0;
  const poller = (async () => {
    while (!done) {
      const t0 = performance.now();
      // A call the server cut (408 after a blocked event loop) counts as failed, with its time.
      const ok = await post(port, '/xmlrpc/2/common', VERSION_CALL, 'text/xml').then((r) => r.status === 200, () => false);
      if (!ok) failed += 1;
      latencies.push(performance.now() - t0);
    }
  })();
  const t0 = performance.now();
  await work();
  const seconds = (performance.now() - t0) / 1000;
  done = true;
  await poller;
  return { seconds, latencies, failed };
}

const pct = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
};
const peakRssMiB = (pid: number): number => Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;
const row = (what: string, r: { seconds: number; latencies: number[]; failed: number }, extra: string) =>
  `| ${what} | ${r.seconds.toFixed(1)} s | ${r.latencies.length} (${r.failed} failed) | ${pct(r.latencies, 50).toFixed(1)} | ${pct(r.latencies, 99).toFixed(1)} | ${Math.max(...r.latencies).toFixed(0)} | ${extra} |`;

async function benchBackend(backend: 'sqlite' | 'pg'): Promise<string[]> {
  process.stderr.write(`[${backend}] starting the server, seeding ${PARTNERS} partners\n`);
  const server = await startServer(backend);
  const lines: string[] = [];
  try {
    await seedPartners(backend, server);
    process.stderr.write(`[${backend}] seeded; measuring\n`);
    const pid = server.child.pid!;
    const file = join(server.dataDir, 'bench.zip');
    const idle = await whileRunning(server.port, () => new Promise((r) => setTimeout(r, 3000)));
    process.stderr.write(`[${backend}] idle measured; zip backup\n`);
    lines.push(row('idle (3 s)', idle, `${peakRssMiB(pid).toFixed(0)} MiB`));

    const zipDump = await whileRunning(server.port, async () => {
      const res = await fetch(`http://127.0.0.1:${server.port}/web/database/backup`, {
        method: 'POST', body: new URLSearchParams({ master_pwd: server.master, name: server.db, backup_format: 'zip' }),
      });
      if (res.status !== 200) throw new Error(`backup answered ${res.status}: ${await res.text()}`);
      await pipeline(Readable.fromWeb(res.body as never), createWriteStream(file));
    });
    process.stderr.write(`[${backend}] zip restore\n`);
    lines.push(row(`zip backup (${(statSync(file).size / 2 ** 20).toFixed(0)} MiB)`, zipDump, `${peakRssMiB(pid).toFixed(0)} MiB`));

    const zipRestore = await whileRunning(server.port, async () => {
      const form = new FormData();
      form.append('master_pwd', server.master);
      form.append('name', `${server.db}_zip`);
      form.append('backup_file', await openAsBlob(file), 'bench.zip');
      const res = await fetch(`http://127.0.0.1:${server.port}/web/database/restore`, { method: 'POST', body: form });
      if (res.status !== 200) throw new Error(`restore answered ${res.status}: ${await res.text()}`);
    });
    process.stderr.write(`[${backend}] portable dump\n`);
    lines.push(row('zip restore (upload)', zipRestore, `${peakRssMiB(pid).toFixed(0)} MiB`));

    let portable = '';
    const portableDump = await whileRunning(server.port, async () => {
      const call = `<?xml version="1.0"?><methodCall><methodName>dump</methodName><params><param><value><string>${server.master}</string></value></param><param><value><string>${server.db}</string></value></param><param><value><string>portable</string></value></param></params></methodCall>`;
      const res = await post(server.port, '/xmlrpc/2/db', call, 'text/xml', false);
      portable = res.body.toString('utf8');
    });
    lines.push(row(`portable dump, XML-RPC (${(portable.length / 2 ** 20).toFixed(0)} MiB base64)`, portableDump, `${peakRssMiB(pid).toFixed(0)} MiB`));
  } finally {
    await server.stop();
  }
  return lines;
}

async function main(): Promise<void> {
  const backends = (process.argv[2] ? [process.argv[2]] : ['sqlite', 'pg']) as ('sqlite' | 'pg')[];
  const out = [`${PARTNERS} partners; load average before: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`];
  for (const backend of backends) {
    out.push('', `### ${backend}`, '', '| operation | time | version calls | p50 ms | p99 ms | max ms | server peak RSS so far |', '|---|---|---|---|---|---|---|');
    out.push(...await benchBackend(backend));
  }
  out.push('', `load average after: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  process.stdout.write(`${out.join('\n')}\n`);
  agent.destroy();
}

main().catch((err: unknown) => {
  process.stderr.write(`${(err instanceof Error ? err.stack ?? err.message : String(err)).slice(0, 2000)}\n`);
  process.exit(1);
});
