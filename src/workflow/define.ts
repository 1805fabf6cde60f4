// The public vocabulary of workflows: a machine is plain data (states, transitions, signals,
// groups, guard and effect names); models register the guard and effect functions beside it.
import type { Env } from '../orm/env-types';
import type { Label } from '../orm/define';
import { ValidationError } from '../errors';

/** One row of a transition table: `signal` moves a record from one of `from` to `to`. */
export interface TransitionDef {
  from: string[];
  to: string;
  signal: string;
  /** External ids of the groups that may send it; empty means everyone (superuser always may). */
  groups: string[];
  /** Guard names, checked in order; the first failing one refuses the transition. */
  guards: string[];
  /** Effect names, run in order after the state is written, in the same transaction. */
  effects: string[];
}

/** The pure part of a workflow: everything `transition()` needs, nothing that runs. */
export interface WorkflowMachine {
  model: string;
  /** The selection field holding the state (readonly for clients). */
  field: string;
  states: string[];
  initial: string;
  transitions: TransitionDef[];
}

/** What a guard or an effect gets: the record, the move, and a way to signal other records. */
export interface WorkflowContext {
  /** The caller's environment (its transaction, user and language). */
  env: Env;
  model: string;
  id: number;
  from: string;
  to: string;
  signal: string;
  /**
   * The fields of this record that the workflow's `reads` names for the guards and effects at
   * hand, read as the system once per signal on first use and shared by all of them.
   */
  values(): Promise<Record<string, unknown>>;
  /** Writes values on this record past the readonly flag (fields the workflow maintains). */
  write(vals: Record<string, unknown>): Promise<void>;
  /**
   * Sends `signal` to other records as the system (group checks bypassed, guards still apply).
   * Records for which the signal does not apply are left alone, so cascades stop by themselves.
   */
  cascade(model: string, ids: number[], signal: string): Promise<void>;
}

/** Returns null when the transition may go on, else what is missing (shown to the user). */
export type GuardFn = (ctx: WorkflowContext) => Promise<Label | null>;
export type EffectFn = (ctx: WorkflowContext) => Promise<void>;

export interface WorkflowDef extends WorkflowMachine {
  guards: Record<string, GuardFn>;
  effects: Record<string, EffectFn>;
  /** For a guard or effect name, the fields of the record it reads through `ctx.values()`. */
  reads: Record<string, string[]>;
}

/** How a definition is written: `field`, `groups`, `guards`, `effects` and `reads` may be left out. */
export interface WorkflowSpec {
  model: string;
  field?: string;
  states: string[];
  initial: string;
  transitions: (Omit<TransitionDef, 'groups' | 'guards' | 'effects'> & Partial<TransitionDef>)[];
  guards?: Record<string, GuardFn>;
  effects?: Record<string, EffectFn>;
  reads?: Record<string, string[]>;
}

const XMLID = /^[a-z0-9_]+\.[a-z0-9_]+$/;

/** Normalises a workflow and fails at load time on anything that could only fail later. */
export function defineWorkflow(spec: WorkflowSpec): WorkflowDef {
  const def: WorkflowDef = {
    model: spec.model,
    field: spec.field ?? 'state',
    states: [...spec.states],
    initial: spec.initial,
    transitions: spec.transitions.map((t) => ({
      from: [...t.from], to: t.to, signal: t.signal,
      groups: [...(t.groups ?? [])], guards: [...(t.guards ?? [])], effects: [...(t.effects ?? [])],
    })),
    guards: { ...(spec.guards ?? {}) },
    effects: { ...(spec.effects ?? {}) },
    reads: Object.fromEntries(Object.entries(spec.reads ?? {}).map(([k, v]) => [k, [...v]])),
  };
  const problems = checkWorkflow(def);
  if (problems.length) {
    throw new ValidationError(`Workflow of ${def.model} is invalid:\n- ${problems.join('\n- ')}`);
  }
  return def;
}

function checkWorkflow(def: WorkflowDef): string[] {
  const out: string[] = [];
  const states = new Set(def.states);
  if (states.size !== def.states.length) out.push('a state is listed twice');
  if (!states.has(def.initial)) out.push(`initial state "${def.initial}" is not a state`);
  for (const name of Object.keys(def.reads)) {
    if (!def.guards[name] && !def.effects[name]) out.push(`reads names "${name}", which is no guard or effect`);
  }
  const seen = new Set<string>();
  for (const t of def.transitions) {
    const row = `${t.from.join('|')} -[${t.signal}]-> ${t.to}`;
    if (!/^[a-z][a-z0-9_]*$/.test(t.signal)) out.push(`${row}: signal must be a short lowercase word`);
    if (!t.from.length) out.push(`${row}: no source state`);
    for (const s of [...t.from, t.to]) if (!states.has(s)) out.push(`${row}: unknown state "${s}"`);
    for (const g of t.groups) if (!XMLID.test(g)) out.push(`${row}: group "${g}" is not an external id`);
    for (const g of t.guards) if (!def.guards[g]) out.push(`${row}: guard "${g}" is not implemented`);
    for (const e of t.effects) if (!def.effects[e]) out.push(`${row}: effect "${e}" is not implemented`);
    for (const s of t.from) {
      const key = `${s}|${t.signal}|${t.to}`;
      if (seen.has(key)) out.push(`${row}: duplicate transition from "${s}"`);
      seen.add(key);
    }
  }
  return out;
}
