// The `object` service (PROTOCOL §1.4): execute, execute_kw, exec_workflow. In 7.0's order:
// credentials first, then private methods, then unknown models; each call is one unit of work
// (unit-of-work.ts): read-only methods without a transaction, the others in one.
import { AccessError, CallError, UserError } from '../../errors';
import type { CheckedCall } from '../../auth/auth';
import { callModelMethod } from '../../orm/call-method';
import type { OrmEnv } from '../../orm/env';
import { isReadOnlyMethod, mayRunAlone } from '../../orm/method-table';
import type { DatabaseManager, Logger as DbLogger } from '../../db/types';
import { COMPAT_70, COMPAT_ODOO, type Compat } from '../../orm/env-types';
import type { Registry } from '../../orm/registry';
import { isStruct, type RpcValue } from '../../values';
import { expectArity, expectList, expectString, optionalStruct } from '../params';
import { checkCredentials, type CredentialChecker } from './credentials';
import type { Profile, Service, ServiceCall } from './types';
import { createUnitOfWork } from './unit-of-work';

export interface ObjectServiceDeps {
  dbm: Pick<DatabaseManager, 'get'>;
  auth: CredentialChecker;
  registry: Registry;
  logger?: DbLogger;
}

const COMPAT: Record<Profile, Compat> = { legacy: COMPAT_70, v7int: COMPAT_70, odoo: COMPAT_ODOO };

/** Method names no client may call: private ones and `init` (Odoo's check_method_name). */
export function isPrivateMethod(method: string): boolean {
  return method.startsWith('_') || method === 'init';
}

/** Runs model methods as a known user: the object service after its credential check, and the session routes. */
export interface ModelRunner {
  /** Refuses private methods and unknown models the way 7.0 does (AccessError, UserError). */
  target(call: ServiceCall, model: string, method: string, isSignal?: boolean): void;
  /** Runs `fn` as one unit of work with the environment of the caller's profile. */
  run(call: ServiceCall, db: string, uid: number, fn: (env: OrmEnv) => Promise<unknown>, opts?: RunOptions): Promise<RpcValue>;
  /** callModelMethod as one unit of work (outside a transaction when the method only reads). */
  callKw(call: ServiceCall, db: string, uid: number, model: string, method: string, args: RpcValue[],
    kwargs: Record<string, unknown>, checked?: CheckedCall): Promise<RpcValue>;
  /** Whether `method` of `model` only reads (a builtin not overridden, or a method marked so). */
  isReadOnly(model: string, method: string): boolean;
  /** Sends a workflow signal to one record; False for models without a workflow, as OpenERP. */
  signal(call: ServiceCall, db: string, uid: number, model: string, signal: string, id: number, checked?: CheckedCall): Promise<RpcValue>;
}

export interface RunOptions {
  /** The database and cache view the credential check opened. */
  checked?: CheckedCall;
  readOnly?: boolean;
  autocommit?: boolean;
}

export function createModelRunner(deps: Omit<ObjectServiceDeps, 'auth'>): ModelRunner {
  const unitOfWork = createUnitOfWork(deps);
  const runner: ModelRunner = {
    target(call, model, method, isSignal = false) {
      call.log.set({ model, fn: method.length > 80 ? `${method.slice(0, 80)}...` : method });
      if (!isSignal && isPrivateMethod(method)) {
        throw new AccessError(`Private methods (such as '${model}.${method}') cannot be called remotely.`);
      }
      if (!deps.registry.has(model)) throw new UserError(`Object ${model} doesn't exist`, 'Object Error');
    },

    async run(call, db, uid, fn, opts = {}) {
      const result = await unitOfWork({ db, uid, compat: COMPAT[call.profile], ...opts }, fn);
      return (result ?? false) as RpcValue;
    },

    isReadOnly: (model, method) => isReadOnlyMethod(deps.registry.model(model), method),

    callKw: (call, db, uid, model, method, args, kwargs, checked) =>
      // The method is the whole call: its failure rolls the call's transaction back.
      runner.run(call, db, uid, (env) => callModelMethod(env, model, method, args, kwargs, { outermost: !env.readOnly }),
        { checked, readOnly: runner.isReadOnly(model, method), autocommit: mayRunAlone(deps.registry.model(model), method) }),

    async signal(call, db, uid, model, signal, id, checked) {
      if (!Object.prototype.hasOwnProperty.call(deps.registry.model(model).methods, 'signal_workflow')) return false;
      return runner.run(call, db, uid, async (env) => {
        const moved = await callModelMethod(env, model, 'signal_workflow', [[id], signal], {});
        return isStruct(moved) ? moved[String(id)] ?? false : false;
      }, { checked });
    },
  };
  return runner;
}

export function createObjectService(deps: ObjectServiceDeps): Service {
  const runner = createModelRunner(deps);
  function target(call: ServiceCall, name: string, params: RpcValue[], isSignal = false): [string, string] {
    const model = expectString(name, 'model', params[3]);
    const method = expectString(name, isSignal ? 'signal' : 'method', params[4]);
    runner.target(call, model, method, isSignal);
    return [model, method];
  }

  return {
    async execute(call, params) {
      const [db, uid, checked] = await checkCredentials(deps.auth, call, 'execute', params, true);
      if (params.length < 5) expectArity('execute', params, 5, Infinity);
      const [model, method] = target(call, 'execute', params);
      return runner.callKw(call, db, uid, model, method, params.slice(5), {}, checked);
    },

    async execute_kw(call, params) {
      const [db, uid, checked] = await checkCredentials(deps.auth, call, 'execute_kw', params, true);
      expectArity('execute_kw', params, 5, 7);
      const [model, method] = target(call, 'execute_kw', params);
      const args = params[5] === undefined || params[5] === null ? [] : expectList('execute_kw', 'args', params[5]);
      const kwargs = optionalStruct('execute_kw', 'kwargs', params[6]) ?? {};
      return runner.callKw(call, db, uid, model, method, args, { ...kwargs }, checked);
    },

    async exec_workflow(call, params) {
      const [db, uid, checked] = await checkCredentials(deps.auth, call, 'exec_workflow', params, true);
      expectArity('exec_workflow', params, 6);
      const [model, signal] = target(call, 'exec_workflow', params, true);
      const id = params[5];
      if (typeof id !== 'number' || !Number.isSafeInteger(id)) {
        throw new CallError('exec_workflow(): record id must be an int', 'TypeError');
      }
      // OpenERP ignores signals sent to models without a workflow: the answer is just False.
      return runner.signal(call, db, uid, model, signal, id, checked);
    },

    async obj_list() {
      throw new CallError('obj_list has been discontinued via RPC as of 6.0, please query ir.model directly!', 'Exception');
    },
  };
}
