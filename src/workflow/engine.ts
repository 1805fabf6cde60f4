// Runs signals: reads the record's state, checks groups and guards through the pure transition,
// writes the new state past the readonly check, then runs the effects, all in the caller's
// transaction (so a failure anywhere rolls the whole signal back). Whoever must hear of a move
// (mail tracking, sync) watches the state field's writes through the ORM (ModelHooks.watch).
import type { Env, Vals } from '../orm/env-types';
import type { Label } from '../orm/define';
import { AccessError, InternalError, UserError, ValidationError } from '../errors';
import { labelText, langOf } from '../orm/labels';
import { isSuperuser } from '../orm/access-policy';
import type { WorkflowContext, WorkflowDef } from './define';
import { candidates, guardsToCheck, mayFire, transition } from './transition';

/** How the engine reaches the records; store.ts gives the ORM's one. */
export interface WorkflowStore {
  /** The record's state as the caller sees it (read access applies); null when it does not exist. */
  readState(env: Env, model: string, field: string, id: number): Promise<string | null>;
  /** Writes values as the caller (write access and rules apply) past the fields' readonly flag. */
  write(env: Env, model: string, id: number, vals: Vals): Promise<void>;
}

/** Cascades are loop-free by state; this only stops a badly written workflow from recursing. */
const MAX_CASCADE_DEPTH = 32;

export class WorkflowEngine {
  private readonly byModel = new Map<string, WorkflowDef>();

  constructor(
    workflows: WorkflowDef[],
    private readonly store: WorkflowStore,
  ) {
    for (const wf of workflows) {
      if (this.byModel.has(wf.model)) throw new ValidationError(`Two workflows are defined for ${wf.model}`);
      this.byModel.set(wf.model, wf);
    }
  }

  get workflows(): WorkflowDef[] {
    return [...this.byModel.values()];
  }

  workflowOf(model: string): WorkflowDef | undefined {
    return this.byModel.get(model);
  }

  /** Sends `signal` to each record in turn; true when it moved, false when the signal did not apply. */
  async signal(env: Env, model: string, ids: number[], signal: string): Promise<Map<number, boolean>> {
    return this.run(env, model, ids, signal, 0);
  }

  /**
   * Puts a record in `to` without group or guard checks, for mirroring a change a peer center
   * already made. The effects of the transition that leads there (if any) run.
   */
  async applyState(env: Env, model: string, id: number, to: string, signal: string): Promise<boolean> {
    const wf = this.byModel.get(model);
    if (!wf || !wf.states.includes(to)) throw new UserError(`${model} has no workflow state "${to}"`);
    const from = await this.store.readState(env, model, wf.field, id);
    if (from === null || from === to) return false;
    const t = wf.transitions.find((r) => r.from.includes(from) && r.to === to && r.signal === signal)
      ?? wf.transitions.find((r) => r.from.includes(from) && r.to === to);
    const effects = t?.effects ?? [];
    await this.move(env, wf, id, from, to, signal, effects, this.loader(env, wf, id, effects), 0);
    return true;
  }

  private async run(
    env: Env, model: string, ids: number[], signal: string, depth: number,
  ): Promise<Map<number, boolean>> {
    if (depth > MAX_CASCADE_DEPTH) throw new InternalError('workflow-cascade-depth', `${model} ${signal}`);
    const wf = this.byModel.get(model);
    const results = new Map<number, boolean>();
    for (const id of ids) {
      results.set(id, wf ? await this.one(env, wf, id, signal, depth) : false);
    }
    return results;
  }

  private async one(env: Env, wf: WorkflowDef, id: number, signal: string, depth: number): Promise<boolean> {
    const state = await this.store.readState(env, wf.model, wf.field, id);
    // OpenERP ignores signals for records without a workflow instance; a missing record has none.
    if (state === null) return false;
    const superuser = isSuperuser(env);
    const who = { groups: superuser ? new Set<string>() : await env.userGroups(), superuser };
    const guards: Record<string, Label | null> = {};
    const toCheck = guardsToCheck(wf, state, signal, who);
    // One read of the record serves every guard and effect this signal may run.
    const values = this.loader(env, wf, id, [...toCheck, ...candidates(wf, state, signal)
      .filter((t) => mayFire(t, who)).flatMap((t) => t.effects)]);
    for (const name of toCheck) {
      // Guards are the system's checks: they may look at records the caller cannot read.
      guards[name] = await wf.guards[name](this.context(env.sudo(), wf, id, state, state, signal, depth, values));
    }
    const result = transition(wf, state, signal, { ...who, guards });
    const lang = langOf(env.context);
    switch (result.outcome) {
      case 'ignored':
        return false;
      case 'forbidden':
        throw new AccessError(forbiddenMessage(wf.model, signal, result.groups, lang));
      case 'blocked':
        throw new UserError(labelText(result.message, lang));
      case 'moved':
        await this.move(env, wf, id, state, result.to, signal, result.effects, values, depth);
        return true;
    }
  }

  private async move(
    env: Env, wf: WorkflowDef, id: number, from: string, to: string, signal: string,
    effects: string[], values: () => Promise<Vals>, depth: number,
  ): Promise<void> {
    // The state is written before the effects run, so a cascade that comes back to this record
    // finds it already moved and leaves it alone.
    // Its watchers hear of it within that write, before the cascades: cause, then effect.
    await this.store.write(env, wf.model, id, { [wf.field]: to });
    const ctx = this.context(env, wf, id, from, to, signal, depth, values);
    for (const name of effects) await wf.effects[name](ctx);
  }

  /**
   * Reads, as the system and on first use only, the fields that `names` (guards and effects)
   * declare in the workflow's `reads`; the same values are then handed to each of them.
   */
  private loader(env: Env, wf: WorkflowDef, id: number, names: string[]): () => Promise<Vals> {
    const fields = [...new Set(names.flatMap((n) => wf.reads[n] ?? []))];
    let loaded: Promise<Vals> | null = null;
    return () => {
      loaded ??= fields.length
        ? env.sudo().model(wf.model).read([id], fields).then(([row]) => row ?? {})
        : Promise.resolve({});
      return loaded;
    };
  }

  private context(
    env: Env, wf: WorkflowDef, id: number, from: string, to: string, signal: string, depth: number,
    values: () => Promise<Vals>,
  ): WorkflowContext {
    return {
      env, model: wf.model, id, from, to, signal, values,
      write: (vals) => this.store.write(env, wf.model, id, vals),
      cascade: async (model, ids, sig) => {
        await this.run(env.sudo(), model, ids, sig, depth + 1);
      },
    };
  }
}

function forbiddenMessage(model: string, signal: string, groups: string[], lang: string): string {
  const list = groups.map((g) => `\t- ${g}`).join('\n');
  return labelText({
    en_US: `You are not allowed to send "${signal}" to ${model} records.\n\n`
      + `This operation is allowed for the following groups:\n${list}`,
    es_ES: `No tiene permiso para enviar "${signal}" a los registros de ${model}.\n\n`
      + `Esta operación está permitida para los grupos:\n${list}`,
  }, lang);
}
