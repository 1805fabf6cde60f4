// What /proc on Linux tells of a server process and the processes it started (its workers):
// the CPU time they have used so far (taken before and after a measurement for the CPU per
// call) and their peak resident memory. Elsewhere: null and empty.
import { readFileSync } from 'node:fs';

/** Linux counts process times in clock ticks of 1/100 s (USER_HZ). */
const TICK_MS = 10;

function children(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

function ticks(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The fields after the command name (in parentheses, which may hold spaces): utime is the 14th field.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return null;
  }
}

/** Milliseconds of CPU used by `pid` and its child processes, or null where /proc cannot tell. */
export function cpuMs(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  const own = ticks(pid);
  if (own === null) return null;
  return children(pid).reduce((sum, child) => sum + (ticks(child) ?? 0), own) * TICK_MS;
}

function peakKiB(pid: number): number | null {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : null;
  } catch {
    return null;
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
