// Measures report rendering in one process: the server built in process on a scratch database
// with 200 service requests, `render_report` of the 200-request list (and of the statistics and of
// 20 full requests) timed over XML-RPC, with the CPU time they take (this process, all threads),
// while an event-loop monitor records the longest stretch the loop was held and the same client
// times `common.version` calls made during the renders. The first row is the same measurement with
// no report: on a shared, loaded machine the loop is held by the scheduler too.
// Run: node -r ./test/support/ts-register.js bench/reports.ts [sqlite|pg] [runs]
import { loadavg } from 'node:os';
import { withTransaction } from '../src/db/transaction';
import { createEnv } from '../src/orm/env';
import { RpcClient } from './client';
import { startInProcess } from './in-process';

const REQUESTS = 200;
const CATEGORIES = ['technical', 'functional', 'development'];

/** The longest gap between 1 ms timer ticks while `work` runs: how long the loop was held at most. */
async function longestBlock<T>(work: () => Promise<T>): Promise<{ value: T; blockMs: number }> {
  let last = performance.now();
  let worst = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    worst = Math.max(worst, now - last - 1);
    last = now;
  }, 1);
  try {
    const value = await work();
    return { value, blockMs: worst };
  } finally {
    clearInterval(timer);
  }
}

const ms = (n: number) => `${n.toFixed(1)} ms`;
const sortNum = (a: number, b: number) => a - b;

async function main(): Promise<void> {
  const backend = process.argv[2] === 'pg' ? 'pg' : 'sqlite';
  const runs = Number(process.argv[3] ?? 5);
  const { server, db, adminPassword, port, stop } = await startInProcess(backend, 'rep', 'es_ES');
  try {
    const ids = await withTransaction(await server.dbm.get(db), async (trx) => {
      const env = createEnv({ cr: trx, uid: 1, su: true, registry: server.registry, dbName: db });
      const partners: number[] = [];
      for (let i = 0; i < 20; i++) partners.push(await env.model('res.partner').create({ name: `Solicitante Núñez ${i}` }));
      const out: number[] = [];
      for (let i = 0; i < REQUESTS; i++) {
        out.push(await env.model('helpdesk.request').create({
          subject: `¿Por qué falla la impresión número ${i} en la oficina de Logroño?`, category: CATEGORIES[i % 3],
          description: 'Descripción con acentos: señal, camión, pingüino.', partner_id: partners[i % partners.length],
        }));
      }
      return out;
    });
    const rpc = new RpcClient('127.0.0.1', port, 2);
    const session = { uid: 1, password: adminPassword } as const;
    const render = (name: string, list: number[]) => rpc.call('/xmlrpc/2/report', 'render_report',
      [db, session.uid, session.password, name, list, {}, { lang: 'es_ES' }]) as Promise<{ result: string }>;
    const cases: [string, string, number[]][] = [
      ['none: version calls alone for 1 s (baseline)', '', []],
      [`list of ${REQUESTS} requests`, 'helpdesk.request.list', ids],
      [`statistics of ${REQUESTS} requests`, 'helpdesk.request.statistics', ids],
      ['20 full requests (a page each)', 'helpdesk.request', ids.slice(0, 20)],
    ];
    process.stdout.write(`backend ${backend}, ${runs} runs each (after one warm-up), load average ${loadavg()[0].toFixed(1)} on this machine\n`);
    process.stdout.write('| report | render p50 | render max | CPU time p50 (all threads) | PDF size | longest event-loop block | version p50 / max during renders |\n|---|---|---|---|---|---|---|\n');
    for (const [label, name, list] of cases) {
      if (name) await render(name, list);
      const times: number[] = [];
      const cpu: number[] = [];
      const blocks: number[] = [];
      const pings: number[] = [];
      let size = 0;
      for (let i = 0; i < runs; i++) {
        let rendering = true;
        const pinger = (async () => {
          while (rendering) {
            const t0 = performance.now();
            await rpc.call('/xmlrpc/2/common', 'version', []);
            pings.push(performance.now() - t0);
          }
        })();
        const t0 = performance.now();
        const cpu0 = process.cpuUsage();
        const idle = () => new Promise<{ result: string }>((resolve) => setTimeout(() => resolve({ result: '' }), 1000));
        const { value, blockMs } = await longestBlock(() => (name ? render(name, list) : idle()));
        times.push(performance.now() - t0);
        const used = process.cpuUsage(cpu0);
        cpu.push((used.user + used.system) / 1000);
        rendering = false;
        await pinger;
        blocks.push(blockMs);
        size = Buffer.from(value.result, 'base64').length;
      }
      times.sort(sortNum);
      cpu.sort(sortNum);
      pings.sort(sortNum);
      process.stdout.write(`| ${label} | ${ms(times[Math.floor(times.length / 2)])} | ${ms(times[times.length - 1])} | ${ms(cpu[Math.floor(cpu.length / 2)])} | `
        + `${(size / 1024).toFixed(0)} KiB | ${ms(Math.max(...blocks))} | ${ms(pings[Math.floor(pings.length / 2)])} / ${ms(pings[pings.length - 1])} |\n`);
    }
  } finally {
    await stop();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
  process.exit(1);
});
