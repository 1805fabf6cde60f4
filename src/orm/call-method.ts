// Binding an RPC call to a model method: 7.0 positional arguments (context among them, at the
// method's own position) and execute_kw kwargs, with Python's TypeError texts for wrong calls.
// The bound context is merged into the environment the method runs in.
import { CallError } from '../errors';
import { isStruct, ownEntry } from '../values';
import type { MethodDef } from './model-types';
import type { Env } from './env-types';
import type { CallEnv } from './call-env';
import type { RuntimeModel } from './registry';
import { BUILTINS, pickVariant, type Args, type ParamSpec } from './method-table';
import { normalizeIds } from './records/common';

function quoted(names: string[]): string {
  const q = names.map((n) => `'${n}'`);
  return q.length <= 1 ? q.join('') : `${q.slice(0, -1).join(', ')} and ${q[q.length - 1]}`;
}

/** Binds positional and keyword arguments to a signature, as Python does, or throws TypeError. */
export function bindArgs(method: string, params: ParamSpec[], args: unknown[], kwargs: Record<string, unknown>): Args {
  const bound: Args = {};
  const given = new Set<string>();
  if (args.length > params.length) {
    const min = params.filter((s) => s.required).length + 1;
    const max = params.length + 1;
    const takes = min === max ? `${max} positional argument${max === 1 ? '' : 's'}` : `from ${min} to ${max} positional arguments`;
    throw new CallError(`${method}() takes ${takes} but ${args.length + 1} were given`, 'TypeError');
  }
  args.forEach((v, i) => { bound[params[i].name] = v; given.add(params[i].name); });
  for (const [key, value] of Object.entries(kwargs)) {
    const spec = params.find((s) => s.name === key || s.aliases?.includes(key));
    if (!spec) {
      if (key === 'context') { bound.context = value; continue; }
      throw new CallError(`${method}() got an unexpected keyword argument '${key}'`, 'TypeError');
    }
    if (given.has(spec.name)) throw new CallError(`${method}() got multiple values for argument '${spec.label ?? spec.name}'`, 'TypeError');
    bound[spec.name] = value;
    given.add(spec.name);
  }
  const missing = params.filter((s) => s.required && !given.has(s.name)).map((s) => s.label ?? s.name);
  if (missing.length) {
    const n = missing.length;
    throw new CallError(`${method}() missing ${n} required positional argument${n === 1 ? '' : 's'}: ${quoted(missing)}`, 'TypeError');
  }
  return bound;
}

/** The env a method runs in: the caller's context merged with the one the call carries. */
function withCallContext(env: CallEnv, bound: Args): CallEnv {
  const ctx = bound.context;
  delete bound.context;
  return isStruct(ctx) ? env.withContext({ ...ctx }) : env;
}

function unknownMethod(model: RuntimeModel, method: string): CallError {
  return new CallError(`The method '${method}' does not exist on the model '${model.name}'`, 'AttributeError');
}

function modelMethodParams(def: MethodDef): ParamSpec[] {
  const required = new Set(def.required ?? []);
  return def.params.map((name) => ({ name, required: name === 'ids' || required.has(name) }));
}

async function runModelMethod(env: CallEnv, def: MethodDef, bound: Args): Promise<unknown> {
  if ('ids' in bound) bound.ids = normalizeIds(bound.ids);
  return def.fn(env, bound);
}

export interface CallOptions {
  /**
   * The caller's transaction rolls back whole when this method fails (the unit of work of an RPC
   * call): a built-in single change (create, write, unlink) then runs without a savepoint.
   */
  outermost?: boolean;
}

/**
 * Calls `method` of `modelName` with RPC arguments. Model-declared methods take precedence over
 * the built-in ORM methods of the same name. Private names are refused by the object service.
 */
export async function callModelMethod(
  env: Env, modelName: string, method: string, args: unknown[], kwargs: Record<string, unknown> = {},
  opts: CallOptions = {},
): Promise<unknown> {
  const orm = env as CallEnv;
  const model = orm.registry.model(modelName);
  const own = ownEntry(model.methods, method);
  if (own) {
    const bound = bindArgs(method, modelMethodParams(own), args, kwargs);
    return runModelMethod(withCallContext(orm, bound), own, bound);
  }
  const builtin = Object.prototype.hasOwnProperty.call(BUILTINS, method) ? BUILTINS[method] : undefined;
  if (!builtin) throw unknownMethod(model, method);
  const bound = bindArgs(method, pickVariant(builtin, args), args, kwargs);
  const runEnv = withCallContext(orm, bound);
  return builtin.run(opts.outermost && builtin.singleChange ? runEnv.asOutermost() : runEnv, model, bound);
}

/** `env.model(x).call(method, namedArgs)`: the same dispatch with every argument named. */
export async function callNamed(env: CallEnv, model: RuntimeModel, method: string, named: Record<string, unknown>): Promise<unknown> {
  return callModelMethod(env, model.name, method, [], named);
}
