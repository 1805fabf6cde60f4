// Turns the workflows declared by modules into one synthetic module of model extensions that
// add `signal_workflow` (and the methods around it), so the ORM never imports the workflow.
import { defineModule, extendModel, type ModelExtension, type ModuleDef } from '../orm/define';
import { CallError, ValidationError } from '../errors';
import { newStruct, type RpcStruct } from '../values';
import type { WorkflowDef } from './define';
import { WorkflowEngine, type WorkflowStore } from './engine';
import { isSuperuser } from '../orm/access-policy';
import { mayFire } from './transition';
import { ORM_STORE } from './store';

export const WORKFLOW_MODULE = 'workflow';

export interface WorkflowOptions {
  /** How states are read and written; the ORM's (store.ts) unless a test gives its own. */
  store?: WorkflowStore;
}

/** The workflows every module declares, checked to be what defineWorkflow produced. */
export function collectWorkflows(modules: ModuleDef[]): WorkflowDef[] {
  return modules.flatMap((m) => (m.workflows ?? []).map((w) => {
    if (!isWorkflowDef(w)) {
      throw new ValidationError(`Module ${m.name} declares a workflow not made by defineWorkflow`);
    }
    return w;
  }));
}

/**
 * The engine for the modules' workflows, and the module the composition root passes to
 * buildRegistry after the real ones (it adds signal_workflow to each model with a workflow).
 */
export function buildWorkflows(
  modules: ModuleDef[], options: WorkflowOptions = {},
): { engine: WorkflowEngine; module: ModuleDef } {
  const engine = new WorkflowEngine(collectWorkflows(modules), options.store ?? ORM_STORE);
  const module = defineModule({
    name: WORKFLOW_MODULE,
    description: 'Workflow signals on the models that declare a workflow',
    depends: modules.filter((m) => m.workflows?.length).map((m) => m.name),
    extensions: engine.workflows.map((wf) => workflowExtension(engine, wf)),
  });
  return { engine, module };
}

function workflowExtension(engine: WorkflowEngine, wf: WorkflowDef): ModelExtension {
  return extendModel({
    extends: wf.model,
    methods: {
      // Odoo 8-10: signal_workflow(ids, signal) -> {id: result}; exec_workflow uses it with [id].
      signal_workflow: {
        params: ['ids', 'signal', 'context'],
        fn: async (env, args) => {
          const results = await engine.signal(env, wf.model, idList(args.ids), signalName(args.signal));
          const out: RpcStruct = newStruct();
          for (const [id, moved] of results) out[String(id)] = moved;
          return out;
        },
      },
      // Internal (the leading underscore keeps it off RPC): puts records in a state a peer center
      // already reached, through engine.applyState (effects and listeners run, groups and guards
      // do not). Models call it with env.model(m).call(); returns {id: moved}.
      _workflow_apply_state: {
        params: ['ids', 'state', 'signal', 'context'],
        fn: async (env, args) => {
          const out: RpcStruct = newStruct();
          for (const id of idList(args.ids)) {
            out[String(id)] = await engine.applyState(env, wf.model, id, signalName(args.state), String(args.signal ?? ''));
          }
          return out;
        },
      },
      // Which signals the caller may send from each record's state (what the form's buttons show).
      workflow_signals: {
        params: ['ids', 'context'],
        fn: async (env, args) => {
          const ids = idList(args.ids);
          const rows = await env.model(wf.model).read(ids, [wf.field]);
          const who = { groups: await env.userGroups(), superuser: isSuperuser(env) };
          const out: RpcStruct = newStruct();
          for (const row of rows) {
            const state = String(row[wf.field]);
            out[String(row.id)] = [...new Set(wf.transitions
              .filter((t) => t.from.includes(state) && mayFire(t, who)).map((t) => t.signal))];
          }
          return out;
        },
      },
    },
  });
}

function idList(ids: unknown): number[] {
  const list = typeof ids === 'number' ? [ids] : ids;
  if (!Array.isArray(list) || !list.every((i) => Number.isInteger(i))) {
    throw new CallError('ids must be an id or a list of ids', 'TypeError');
  }
  return list as number[];
}

function signalName(signal: unknown): string {
  if (typeof signal !== 'string' || !signal) throw new CallError('signal must be a non-empty string', 'TypeError');
  return signal;
}

function isWorkflowDef(w: unknown): w is WorkflowDef {
  const o = w as Partial<WorkflowDef> | null;
  return !!o && typeof o.model === 'string' && Array.isArray(o.transitions) && typeof o.guards === 'object';
}
