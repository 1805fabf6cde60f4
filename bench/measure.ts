// Runs one call in a loop, from one client or several at once, within a bound on calls and on
// time, and sums it up: calls per second over the wall time, latency percentiles, and faults.
import { CallError } from '../src/errors';

export interface Measurement {
  name: string;
  clients: number;
  /** Calls answered with a value (the ones the rate and the latencies count). */
  calls: number;
  /** Calls answered with a fault: counted, left out of the latencies, the first one kept. */
  faults: number;
  firstFault: string | null;
  seconds: number;
  callsPerSecond: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  /** CPU (user + system) of the server's processes per call answered, when it could be read. */
  cpuMsPerCall?: number;
}

export interface Budget {
  seconds: number;
  maxCalls: number;
}

/** What the client throws for a fault answer (bench/client.ts). */
export function isFault(err: unknown): err is CallError {
  return err instanceof CallError && err.pyType === 'Fault';
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export async function measure(
  name: string, clients: number, budget: Budget, op: (worker: number, i: number) => Promise<boolean>,
): Promise<Measurement> {
  const latencies: number[] = [];
  let issued = 0;
  let faults = 0;
  let firstFault: string | null = null;
  const start = process.hrtime.bigint();
  const deadline = start + BigInt(budget.seconds) * 1_000_000_000n;
  const worker = async (w: number): Promise<void> => {
    while (issued < budget.maxCalls && process.hrtime.bigint() < deadline) {
      const i = issued++;
      const t0 = process.hrtime.bigint();
      try {
        if (!(await op(w, i))) return;
      } catch (err) {
        // A fault is the server's answer and is reported; anything else means the run is wrong.
        if (!isFault(err)) throw err;
        faults += 1;
        firstFault ??= err.message;
        continue;
      }
      latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
  };
  await Promise.all(Array.from({ length: clients }, (_, w) => worker(w)));
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  latencies.sort((a, b) => a - b);
  return {
    name, clients, calls: latencies.length, faults, firstFault, seconds,
    callsPerSecond: latencies.length / seconds,
    p50Ms: percentile(latencies, 50),
    p95Ms: percentile(latencies, 95),
    p99Ms: percentile(latencies, 99),
  };
}
