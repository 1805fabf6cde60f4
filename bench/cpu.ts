// The CPU time (user + system) a server process and its workers have used so far, read from
// /proc on Linux: the benchmark takes it before and after a measurement for the CPU per call.
import { readFileSync } from 'node:fs';

/** Linux counts process times in clock ticks of 1/100 s (USER_HZ). */
const TICK_MS = 10;

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

function children(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/** Milliseconds of CPU used by `pid` and its child processes, or null where /proc cannot tell. */
export function cpuMs(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  const own = ticks(pid);
  if (own === null) return null;
  return children(pid).reduce((sum, child) => sum + (ticks(child) ?? 0), own) * TICK_MS;
}
