// The peak resident memory (VmHWM) of a server process and of each process it started (its
// workers), read from /proc on Linux; empty elsewhere.
import { readFileSync } from 'node:fs';

function peakKiB(pid: number): number | null {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

function children(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/** Peak RSS in MiB of `pid` and then of each of its child processes, as they stand now. */
export function peakRssMiB(pid: number): { pid: number; mib: number }[] {
  const out: { pid: number; mib: number }[] = [];
  for (const p of [pid, ...children(pid)]) {
    const kib = peakKiB(p);
    if (kib !== null) out.push({ pid: p, mib: kib / 1024 });
  }
  return out;
}
