// Runs one call in a loop, from one client or several at once, within a bound on calls and on
// time, and sums it up: calls per second over the wall time and latency percentiles.
export interface Measurement {
  name: string;
  clients: number;
  calls: number;
  seconds: number;
  callsPerSecond: number;
  p50Ms: number;
  p95Ms: number;
}

export interface Budget {
  seconds: number;
  maxCalls: number;
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
  const start = process.hrtime.bigint();
  const deadline = start + BigInt(budget.seconds) * 1_000_000_000n;
  const worker = async (w: number): Promise<void> => {
    while (issued < budget.maxCalls && process.hrtime.bigint() < deadline) {
      const i = issued++;
      const t0 = process.hrtime.bigint();
      if (!(await op(w, i))) return;
      latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
  };
  await Promise.all(Array.from({ length: clients }, (_, w) => worker(w)));
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  latencies.sort((a, b) => a - b);
  return {
    name, clients, calls: latencies.length, seconds,
    callsPerSecond: latencies.length / seconds,
    p50Ms: percentile(latencies, 50),
    p95Ms: percentile(latencies, 95),
  };
}
