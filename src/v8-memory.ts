// The memory settings the server runs with (src/main.ts imports this file before anything else):
// a small young generation instead of V8's 16 MiB semi-spaces, an old generation that grows by a
// quarter of its live size between full collections instead of up to 4x, and two malloc arenas for
// the processes it starts instead of glibc's eight per core, so that a process stays near its live
// data under load. The heap's limit stays V8's own: big reports and imports fit as
// before. A setting the administrator gives node (its command line or NODE_OPTIONS) stands.
// See docs/DEPLOY.md, "Memory".
import { setFlagsFromString } from 'node:v8';

/** Largest semi-space of the young generation, in MiB (V8's default is 16 on 64-bit). */
export const SEMI_SPACE_MIB = 8;
/** Growth of the old generation between full collections, in percent of what survived the last. */
export const HEAP_GROWING_PERCENT = 25;
/** glibc's malloc arenas for a process this one starts (read by the C library as the process starts). */
export const MALLOC_ARENAS = '2';

/** The flag that starts node with our young generation (npm start and the cluster's workers pass it). */
export const YOUNG_GENERATION_FLAG = `--max-semi-space-size=${SEMI_SPACE_MIB}`;

const YOUNG_FLAGS = ['max-semi-space-size', 'min-semi-space-size', 'semi-space-growth-factor'];
const OLD_FLAGS = ['heap-growing-percent', 'max-old-space-size', 'max-heap-size'];

/** The names of the V8 flags in node's arguments and NODE_OPTIONS (`--max_semi_space_size` counts as `max-semi-space-size`). */
export function givenFlags(execArgv: readonly string[], nodeOptions: string | undefined): Set<string> {
  const names = new Set<string>();
  for (const word of [...execArgv, ...(nodeOptions ?? '').split(/\s+/)]) {
    const m = /^--(?:no-)?([a-z0-9_-]+)/i.exec(word);
    if (m) names.add(m[1].toLowerCase().replace(/_/g, '-'));
  }
  return names;
}

export interface MemoryPlan {
  /** Keep the young generation at its first size: node was started without a say on it. */
  fixYoung: boolean;
  /** Set the old generation's growing factor (no administrator's flag decides it). */
  heapGrowing: boolean;
}

export function memoryPlan(execArgv: readonly string[], nodeOptions: string | undefined): MemoryPlan {
  const given = givenFlags(execArgv, nodeOptions);
  return {
    fixYoung: !YOUNG_FLAGS.some((f) => given.has(f)),
    heapGrowing: !OLD_FLAGS.some((f) => given.has(f)),
  };
}

/** Applies the plan; returns what it set, for the start's log line. */
export function applyMemorySettings(plan: MemoryPlan): string[] {
  const applied: string[] = [];
  if (plan.fixYoung) {
    // V8 sizes the young generation's bounds when it starts, but reads the growth factor at each
    // growth: a process started without YOUNG_GENERATION_FLAG (the launcher, a cluster's master,
    // scripts) keeps its first 1 MiB semi-spaces; the process that serves gets the flag.
    setFlagsFromString('--semi-space-growth-factor=1');
    applied.push('--semi-space-growth-factor=1');
  }
  if (plan.heapGrowing) {
    setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
    applied.push(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  }
  return applied;
}

/** node's arguments for a process this one starts (the cluster's workers): ours, with the young generation's flag unless the administrator gave one. */
export function childExecArgv(execArgv: readonly string[], nodeOptions: string | undefined): string[] {
  return memoryPlan(execArgv, nodeOptions).fixYoung ? [...execArgv, YOUNG_GENERATION_FLAG] : [...execArgv];
}

/** The environment of a process this one starts (the launcher's child, the cluster's workers): `env` with our malloc arenas unless the administrator set them. */
export function childEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return env.MALLOC_ARENA_MAX === undefined ? { ...env, MALLOC_ARENA_MAX: MALLOC_ARENAS } : env;
}

/** What this process set, for the start's log line. */
export const APPLIED_MEMORY_SETTINGS: readonly string[] = applyMemorySettings(memoryPlan(process.execArgv, process.env.NODE_OPTIONS));
