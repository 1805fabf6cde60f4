// The results as Markdown tables: one per backend, the sequential and concurrent runs of each
// call side by side, and a header saying where and how they were measured.
import { cpus } from 'node:os';
import type { Measurement } from './measure';
import type { BenchOptions } from './options';

export interface BackendResult {
  backend: string;
  engine: string;
  /** One-minute load average of the machine when the measurements began and ended. */
  load: [number, number];
  results: Measurement[];
  /** The floor's measurements of the same calls (PostgreSQL only). */
  floor?: Measurement[];
  calls: Record<string, string>;
  /** Peak RSS of the server's process and of its workers, in MiB, at the end of the run. */
  peakRss?: { pid: number; mib: number }[];
  /** Filler partners written before measuring (0: only the seeded 300). */
  partners?: number;
}

const ms = (v: number): string => (Number.isNaN(v) ? '-' : v < 10 ? v.toFixed(2) : v.toFixed(1));
const rate = (v: number): string => (v < 100 ? v.toFixed(1) : Math.round(v).toString());

/** A fault on one line: its head and its last line (the message, after any traceback). */
function firstLine(text: string | null): string {
  const lines = (text ?? '').split('\n').map((l) => l.trim()).filter(Boolean);
  const short = lines.length > 1 ? `${lines[0]} ... ${lines[lines.length - 1]}` : lines[0] ?? '';
  return short.slice(0, 600);
}

export function header(opts: BenchOptions): string {
  const cpu = cpus();
  return [
    `Node ${process.version}, ${cpu.length} cores (${cpu[0]?.model.trim() ?? 'unknown CPU'}), ${process.platform}`,
    `Each measurement: at most ${opts.maxCalls} calls or ${opts.seconds} s; sequential = 1 client, `
      + `concurrent = ${opts.clients} clients; HTTP on 127.0.0.1 ${opts.keepAlive ? 'with keep-alive' : 'with a new connection per call'}; `
      + 'server and clients on the same machine.',
    opts.external ? 'Server: the one at BENCH_URL.' : `Server: ${opts.workers > 0 ? `a master and ${opts.workers} worker processes (WORKERS=${opts.workers})` : 'one process (WORKERS=0)'}; `
      + `${opts.partners} partners seeded.`,
  ].join('\n');
}

export function table(r: BackendResult, clients: number): string {
  const lines = [
    `### ${r.backend} (${r.engine}; load average ${r.load[0].toFixed(1)} at start, ${r.load[1].toFixed(1)} at end)`,
    '',
    ...(r.partners ? [`${r.partners} partners (300 seeded over XML-RPC, any others written straight into the database).`, ''] : []),
    ...(r.peakRss?.length ? [`Peak RSS: ${r.peakRss.map((p, i) => `${i === 0 ? 'server' : `worker ${i}`} ${p.mib.toFixed(0)} MiB`).join(', ')}.`, ''] : []),
    `| call | calls (1) | calls/s (1) | p50 ms (1) | p99 ms (1) | faults (1) | calls (${clients}) | calls/s (${clients}) `
      + `| p50 ms (${clients}) | p99 ms (${clients}) | faults (${clients}) |`,
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  const names = [...new Set(r.results.map((m) => m.name))];
  for (const name of names) {
    const seq = r.results.find((m) => m.name === name && m.clients === 1);
    const con = r.results.find((m) => m.name === name && m.clients === clients);
    const cells = (m: Measurement | undefined): string[] => (m
      ? [String(m.calls), rate(m.callsPerSecond), ms(m.p50Ms), ms(m.p99Ms), String(m.faults)]
      : ['-', '-', '-', '-', '-']);
    lines.push(`| ${name} | ${[...cells(seq), ...cells(con)].join(' | ')} |`);
  }
  const faulty = r.results.filter((m) => m.faults > 0);
  if (faulty.length) lines.push('', 'Faults:', ...faulty.map((m) => `- ${m.name} x${m.clients}: ${m.faults}, the first: ${firstLine(m.firstFault)}`));
  return lines.join('\n');
}

export function callList(r: BackendResult): string {
  return Object.entries(r.calls).map(([name, call]) => `- ${name}: \`${call}\``).join('\n');
}

const cpu = (v: number | undefined): string => (v === undefined ? '-' : v.toFixed(3));
const pct = (ours: number, floor: number): string => (floor > 0 ? `${Math.round((100 * ours) / floor)}%` : '-');

/** Ours against the floor, call by call: rates, their ratio, and the latencies side by side. */
export function floorTable(r: BackendResult): string {
  if (!r.floor?.length) return '';
  const lines = [
    `### ${r.backend} against the floor (bench/floor-server.ts: node:http + pg, the least SQL, canned answer bytes)`,
    '',
    '| call | clients | ours calls/s | floor calls/s | ours / floor | ours p50 ms | floor p50 ms | ours p99 ms | floor p99 ms '
      + '| ours CPU ms/call | floor CPU ms/call |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const f of r.floor) {
    const o = r.results.find((m) => m.name === f.name && m.clients === f.clients);
    if (!o) continue;
    lines.push(`| ${f.name} | ${f.clients} | ${rate(o.callsPerSecond)} | ${rate(f.callsPerSecond)} | `
      + `${pct(o.callsPerSecond, f.callsPerSecond)} | ${ms(o.p50Ms)} | ${ms(f.p50Ms)} | ${ms(o.p99Ms)} | ${ms(f.p99Ms)} | `
      + `${cpu(o.cpuMsPerCall)} | ${cpu(f.cpuMsPerCall)} |`);
  }
  return lines.join('\n');
}
