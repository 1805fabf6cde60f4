// CPU of the server per call for the three calls that show its fixed cost: common.version, read of
// 10 partners (8 fields) and write of one partner, in one process as bench/cpu-reads.ts does (raw
// request bytes over HTTP, answers read as bytes). ONLY=version|read|write measures one call,
// CPU_PROF=file profiles the measured calls only (summarise it with bench/cpuprofile-summary.ts).
// A bare node:http server in the same process answering the version's bytes is measured beside
// them ('floor'): the client's share and what any HTTP answer costs.
// Run: node -r ./test/support/ts-register.js bench/cpu-calls.ts [pg|sqlite] [calls] [rounds]
import { Agent, createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Session as Inspector } from 'node:inspector';
import { writeFileSync } from 'node:fs';
import { serializeMethodCall } from '../src/rpc/codec';
import type { RpcValue } from '../src/values';
import { RpcClient } from './client';
import { startInProcess } from './in-process';
import { seed } from './seed';
import type { BenchServer } from './server';

const FIELDS = ['name', 'email', 'city', 'is_company', 'parent_id', 'country_id', 'category_id', 'child_ids'];

interface Body { path: string; bytes: Buffer }

/** The floor: drains the body and answers `answer` as it is, nothing else. */
function floorServer(answer: Buffer): Promise<Server> {
  const server = createServer((req, res) => {
    req.on('data', () => undefined);
    req.on('end', () => res.writeHead(200, { 'Content-Type': 'text/xml', 'Content-Length': answer.length }).end(answer));
  });
  return new Promise((resolve) => { server.listen(0, '127.0.0.1', () => resolve(server)); });
}

async function answerOf(port: number, body: Body): Promise<Buffer> {
  const res = await fetch(`http://127.0.0.1:${port}${body.path}`, { method: 'POST', body: body.bytes });
  return Buffer.from(await res.arrayBuffer());
}

function post(agent: Agent, port: number, body: Body): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({
      host: '127.0.0.1', port, path: body.path, method: 'POST', agent,
      headers: { 'Content-Type': 'text/xml', 'Content-Length': body.bytes.length },
    }, (res) => {
      let n = 0;
      res.on('data', (c: Buffer) => { n += c.length; });
      res.on('end', () => (res.statusCode === 200 ? resolve(n) : reject(new Error(`HTTP ${res.statusCode}`))));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body.bytes);
  });
}

async function main(): Promise<void> {
  const backend = process.argv[2] === 'sqlite' ? 'sqlite' : 'pg';
  const calls = Number(process.argv[3] ?? 1000);
  const rounds = Number(process.argv[4] ?? 3);
  const { db, adminPassword, port, stop } = await startInProcess(backend, 'calls', 'en_US');
  const rpc = new RpcClient('127.0.0.1', port, 1);
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  let floor: Server | null = null;
  try {
    const fake = { backend, host: '127.0.0.1', port, db, adminLogin: 'admin', adminPassword } as unknown as BenchServer;
    const fx = await seed(rpc, fake);
    const u = fx.user;
    const object = (method: string, args: RpcValue[], kwargs: Record<string, RpcValue> = {}): Body => ({
      path: '/xmlrpc/2/object',
      bytes: Buffer.from(serializeMethodCall('execute_kw', [u.db, u.uid, u.password, 'res.partner', method, args, kwargs]), 'utf8'),
    });
    const version: Body[] = [{ path: '/xmlrpc/2/common', bytes: Buffer.from(serializeMethodCall('version', []), 'utf8') }];
    const read = [0, 1, 2, 3, 4].map((k) => object('read', [fx.partnerIds.slice(k * 10, k * 10 + 10), FIELDS]));
    // As the benchmark writes: a phone and a city, on partners taken in turn.
    const write = Array.from({ length: 20 }, (_, i) => object('write', [[fx.partnerIds[(i * 997) % fx.partnerIds.length]],
      { phone: `+53 5 ${i}`, city: `Ciudad ${i % 7}` }]));
    floor = await floorServer(await answerOf(port, version[0]));
    const floorPort = (floor.address() as AddressInfo).port;
    const floorCall: Body = { ...version[0], path: '/floor' };
    const cases = ([['floor', [floorCall]], ['version', version], ['read 10', read], ['write 1', write]] as [string, Body[]][])
      .filter(([label]) => !process.env.ONLY || label.startsWith(process.env.ONLY));
    const call = (b: Body) => post(agent, b === floorCall ? floorPort : port, b);
    const prof = process.env.CPU_PROF;
    const insp = prof ? new Inspector() : null;
    const send = (cmd: string, params?: object) => new Promise<unknown>((res, rej) => insp!.post(cmd, params ?? {}, (e, r) => (e ? rej(e) : res(r))));
    if (insp) { insp.connect(); await send('Profiler.enable'); await send('Profiler.setSamplingInterval', { interval: 100 }); }
    for (const [, bodies] of cases) for (let i = 0; i < 300; i++) await call(bodies[i % bodies.length]);
    if (insp) await send('Profiler.start');
    for (let r = 0; r < rounds; r++) {
      for (const [label, bodies] of cases) {
        const cpu0 = process.cpuUsage();
        const t0 = process.hrtime.bigint();
        let bytes = 0;
        for (let i = 0; i < calls; i++) bytes += await call(bodies[i % bodies.length]);
        const cpu = process.cpuUsage(cpu0);
        const wall = Number(process.hrtime.bigint() - t0) / 1e6;
        process.stdout.write(`${label.padEnd(10)} CPU ${((cpu.user + cpu.system) / 1000 / calls).toFixed(3)} ms/call `
          + `(user ${(cpu.user / 1000 / calls).toFixed(3)})  wall ${(wall / calls).toFixed(2)} ms/call  ${Math.round(bytes / calls)} B\n`);
      }
    }
    if (insp) {
      const { profile } = await send('Profiler.stop') as { profile: unknown };
      writeFileSync(prof!, JSON.stringify(profile));
    }
  } finally {
    agent.destroy();
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
