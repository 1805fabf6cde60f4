// The pure transition function: given a machine, a state, a signal and the facts gathered by the
// engine (caller's groups, guard results), says what happens. It runs nothing.
import type { Label } from '../orm/define';
import type { TransitionDef, WorkflowMachine } from './define';

export interface TransitionFacts {
  /** External ids of the caller's groups, implied groups included. */
  groups: ReadonlySet<string>;
  /** The superuser (and sudo mode) passes every group check, as uid 1 does in OpenERP 7.0. */
  superuser: boolean;
  /** Result of each guard that was evaluated: null passes, a label says what is missing. */
  guards: Readonly<Record<string, Label | null>>;
}

export type TransitionResult =
  /** No transition leaves this state on this signal: nothing changes (OpenERP answers False). */
  | { outcome: 'ignored'; state: string }
  /** Transitions exist but the caller is in none of their groups. */
  | { outcome: 'forbidden'; state: string; groups: string[] }
  /** The caller may send it, but a guard refuses. */
  | { outcome: 'blocked'; state: string; guard: string; message: Label }
  /** The record moves; the engine writes `to` and then runs `effects` in order. */
  | { outcome: 'moved'; from: string; to: string; transition: TransitionDef; effects: string[] };

/** The transitions `signal` could take from `state`, in definition order. */
export function candidates(machine: WorkflowMachine, state: string, signal: string): TransitionDef[] {
  return machine.transitions.filter((t) => t.signal === signal && t.from.includes(state));
}

export function mayFire(t: TransitionDef, facts: Pick<TransitionFacts, 'groups' | 'superuser'>): boolean {
  return facts.superuser || t.groups.length === 0 || t.groups.some((g) => facts.groups.has(g));
}

/** The guards the engine must evaluate before calling `transition` (only those that matter). */
export function guardsToCheck(
  machine: WorkflowMachine, state: string, signal: string,
  facts: Pick<TransitionFacts, 'groups' | 'superuser'>,
): string[] {
  const names = new Set<string>();
  for (const t of candidates(machine, state, signal)) {
    if (mayFire(t, facts)) t.guards.forEach((g) => names.add(g));
  }
  return [...names];
}

/**
 * Like OpenERP's XOR split: the first transition the caller may fire and whose guards all pass
 * wins. When every allowed transition is guarded out, the first failing guard is reported.
 */
export function transition(
  machine: WorkflowMachine, state: string, signal: string, facts: TransitionFacts,
): TransitionResult {
  const all = candidates(machine, state, signal);
  if (!all.length) return { outcome: 'ignored', state };
  const allowed = all.filter((t) => mayFire(t, facts));
  if (!allowed.length) {
    const groups = [...new Set(all.flatMap((t) => t.groups))];
    return { outcome: 'forbidden', state, groups };
  }
  let firstFailure: { guard: string; message: Label } | null = null;
  for (const t of allowed) {
    const failed = t.guards.find((g) => facts.guards[g] !== null);
    if (failed === undefined) {
      return { outcome: 'moved', from: state, to: t.to, transition: t, effects: [...t.effects] };
    }
    // A guard nobody evaluated counts as failing: moving on missing facts would be worse.
    firstFailure ??= { guard: failed, message: facts.guards[failed] ?? `Condition "${failed}" was not checked` };
  }
  return { outcome: 'blocked', state, ...firstFailure! };
}
