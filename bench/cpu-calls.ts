// CPU of the server per call for the three calls that show its fixed cost: common.version, read of
// 10 partners (8 fields) and write of one partner. The server is built in this process (as
// bench/cpu-reads.ts does); the client sends raw request bytes from a worker thread and reads the
// answers as bytes, so the main thread's own CPU time (/proc/thread-self/schedstat) is the
// server's, beside the whole process's. A bare node:http server on the main thread answering the
// version's bytes is measured too ('floor'): what any HTTP answer costs here.
// ONLY=floor|version|read|write measures one call; CPU_PROF=file profiles the measured calls only
// (the main thread: the server), summed by bench/cpuprofile-summary.ts.
// Run: node -r ./test/support/ts-register.js bench/cpu-calls.ts [pg|sqlite] [calls] [rounds]
import { createServer, type Server } from 'node:http';
import { Session as Inspector } from 'node:inspector';
import { readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { Worker } from 'node:worker_threads';
import { serializeMethodCall } from '../src/rpc/codec';
import type { RpcValue } from '../src/values';
import { RpcClient } from './client';
import { startInProcess } from './in-process';
import { seed } from './seed';
import type { BenchServer } from './server';

const FIELDS = ['name', 'email', 'city', 'is_company', 'parent_id', 'country_id', 'category_id', 'child_ids'];

interface Body { port: number; path: string; bytes: Buffer }

/** The client: sends `calls` requests one after the other over one kept-alive connection. */
const CLIENT = `
const { parentPort } = require('node:worker_threads');
const { Agent, request } = require('node:http');
const agent = new Agent({ keepAlive: true, maxSockets: 1 });
const post = (b) => new Promise((resolve, reject) => {
  const req = request({ host: '127.0.0.1', port: b.port, path: b.path, method: 'POST', agent,
    headers: { 'Content-Type': 'text/xml', 'Content-Length': b.bytes.length } }, (res) => {
    let n = 0;
    res.on('data', (c) => { n += c.length; });
    res.on('end', () => (res.statusCode === 200 ? resolve(n) : reject(new Error('HTTP ' + res.statusCode))));
    res.on('error', reject);
  });
  req.on('error', reject);
  req.end(Buffer.from(b.bytes));
});
parentPort.on('message', async ({ bodies, calls }) => {
  if (calls === 0) { agent.destroy(); return parentPort.close(); }
  let bytes = 0;
  for (let i = 0; i < calls; i++) bytes += await post(bodies[i % bodies.length]);
  parentPort.postMessage(bytes);
});
`;

/** Nanoseconds this thread has run (the kernel's count, system calls included). */
function threadNs(): number {
  return Number(readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[0]);
}

/** The floor: drains the body and answers `answer` as it is, nothing else. */
function floorServer(answer: Buffer): Promise<Server> {
  const server = createServer((req, res) => {
    req.on('data', () => undefined);
    req.on('end', () => res.writeHead(200, { 'Content-Type': 'text/xml', 'Content-Length': answer.length }).end(answer));
  });
  return new Promise((resolve) => { server.listen(0, '127.0.0.1', () => resolve(server)); });
}

async function answerOf(body: Body): Promise<Buffer> {
  const res = await fetch(`http://127.0.0.1:${body.port}${body.path}`, { method: 'POST', body: body.bytes });
  return Buffer.from(await res.arrayBuffer());
}

async function main(): Promise<void> {
  const backend = process.argv[2] === 'sqlite' ? 'sqlite' : 'pg';
  const calls = Number(process.argv[3] ?? 1000);
  const rounds = Number(process.argv[4] ?? 3);
  const { db, adminPassword, port, stop } = await startInProcess(backend, 'calls', 'en_US');
  const rpc = new RpcClient('127.0.0.1', port, 1);
  const client = new Worker(CLIENT, { eval: true });
  client.on('error', (err) => {
    process.stderr.write(`client: ${err.stack ?? err.message}\n`);
    process.exit(1);
  });
  let floor: Server | null = null;
  try {
    const fake = { backend, host: '127.0.0.1', port, db, adminLogin: 'admin', adminPassword } as unknown as BenchServer;
    const fx = await seed(rpc, fake);
    const u = fx.user;
    const object = (method: string, args: RpcValue[], kwargs: Record<string, RpcValue> = {}): Body => ({
      port, path: '/xmlrpc/2/object',
      bytes: Buffer.from(serializeMethodCall('execute_kw', [u.db, u.uid, u.password, 'res.partner', method, args, kwargs]), 'utf8'),
    });
    const version: Body = { port, path: '/xmlrpc/2/common', bytes: Buffer.from(serializeMethodCall('version', []), 'utf8') };
    const read = [0, 1, 2, 3, 4].map((k) => object('read', [fx.partnerIds.slice(k * 10, k * 10 + 10), FIELDS]));
    // As the benchmark writes: a phone and a city, on partners taken in turn.
    const write = Array.from({ length: 20 }, (_, i) => object('write', [[fx.partnerIds[(i * 997) % fx.partnerIds.length]],
      { phone: `+53 5 ${i}`, city: `Ciudad ${i % 7}` }]));
    floor = await floorServer(await answerOf(version));
    const floorCall: Body = { ...version, port: (floor.address() as AddressInfo).port, path: '/floor' };
    const cases = ([['floor', [floorCall]], ['version', [version]], ['read 10', read], ['write 1', write]] as [string, Body[]][])
      .filter(([label]) => !process.env.ONLY || label.startsWith(process.env.ONLY));
    const run = (bodies: Body[], n: number) => new Promise<number>((resolve) => {
      client.once('message', resolve);
      client.postMessage({ bodies, calls: n });
    });
    const prof = process.env.CPU_PROF;
    const insp = prof ? new Inspector() : null;
    const send = (cmd: string, params?: object) => new Promise<unknown>((res, rej) => insp!.post(cmd, params ?? {}, (e, r) => (e ? rej(e) : res(r))));
    if (insp) { insp.connect(); await send('Profiler.enable'); await send('Profiler.setSamplingInterval', { interval: 100 }); }
    for (const [, bodies] of cases) await run(bodies, 300);
    if (insp) await send('Profiler.start');
    for (let r = 0; r < rounds; r++) {
      for (const [label, bodies] of cases) {
        const cpu0 = process.cpuUsage();
        const thread0 = threadNs();
        const t0 = process.hrtime.bigint();
        const bytes = await run(bodies, calls);
        const server = (threadNs() - thread0) / 1e6;
        const cpu = process.cpuUsage(cpu0);
        const wall = Number(process.hrtime.bigint() - t0) / 1e6;
        process.stdout.write(`${label.padEnd(10)} server ${(server / calls).toFixed(3)} ms/call  `
          + `process ${((cpu.user + cpu.system) / 1000 / calls).toFixed(3)}  wall ${(wall / calls).toFixed(2)}  ${Math.round(bytes / calls)} B\n`);
      }
    }
    if (insp) {
      const { profile } = await send('Profiler.stop') as { profile: unknown };
      writeFileSync(prof!, JSON.stringify(profile));
    }
  } finally {
    client.postMessage({ bodies: [], calls: 0 });
    await client.terminate();
    floor?.closeAllConnections();
    floor?.close();
    rpc.close();
    await stop();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${String(err instanceof Error ? err.stack : err)}\n`);
  process.exitCode = 1;
});
