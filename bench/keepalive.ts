// A focused comparison of HTTP keep-alive against a new connection per call: a few calls, 1 and
// several clients, the two modes alternated in short slices so that the machine's load hits both.
import { loadavg } from 'node:os';
import { ValidationError } from '../src/errors';
import { RpcClient, Session } from './client';
import { measure } from './measure';
import { readOptions } from './options';
import { scenarios } from './scenarios';
import { seed } from './seed';
import { startServer } from './server';

const PICK = (process.env.BENCH_CALLS ?? 'common.version,write partner,search 4-leaf domain').split(',');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 6);
if (!Number.isInteger(ROUNDS) || ROUNDS < 1 || ROUNDS > 20) throw new ValidationError('BENCH_ROUNDS must be a whole number from 1 to 20');

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main(): Promise<void> {
  const opts = readOptions();
  const backend = opts.backends[0] === 'sqlite' ? 'sqlite' : 'pg';
  const server = await startServer(backend, opts.pgUrl);
  const clients = { on: new RpcClient(server.host, server.port, opts.clients, true), off: new RpcClient(server.host, server.port, opts.clients, false) };
  try {
    const fx = await seed(clients.on, server);
    const lists = Object.fromEntries(Object.entries(clients).map(([mode, rpc]) => {
      const user = new Session(rpc, server.db, fx.user.uid, fx.password);
      return [mode, scenarios(rpc, server.db, { ...fx, user }).filter((s) => PICK.includes(s.name))];
    }));
    for (const list of Object.values(lists)) for (const s of list) await measure(s.name, 1, { seconds: 1, maxCalls: 20 }, s.op);
    process.stdout.write(`${backend}, load ${loadavg()[0].toFixed(1)}\n`);
    const rates = new Map<string, number[]>();
    for (let round = 0; round < ROUNDS; round++) {
      for (const n of [1, opts.clients]) {
        for (const mode of round % 2 ? ['off', 'on'] : ['on', 'off']) {
          for (const s of lists[mode]) {
            const m = await measure(s.name, n, opts, s.op);
            const key = `${s.name.padEnd(22)} x${n} keepalive=${mode.padEnd(3)}`;
            rates.set(key, [...rates.get(key) ?? [], m.callsPerSecond]);
            if (process.env.BENCH_VERBOSE) process.stdout.write(`${key} ${m.callsPerSecond.toFixed(0)}/s p50 ${m.p50Ms.toFixed(2)}\n`);
          }
        }
      }
    }
    for (const [key, xs] of [...rates].sort()) {
      process.stdout.write(`${key} median ${median(xs).toFixed(0).padStart(5)}/s  (${xs.map((x) => x.toFixed(0)).join(' ')})\n`);
    }
    process.stdout.write(`load ${loadavg()[0].toFixed(1)}\n`);
  } finally {
    clients.on.close();
    clients.off.close();
    await server.stop();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
  process.exit(1);
});
