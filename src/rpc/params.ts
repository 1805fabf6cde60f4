// Checking the positional params of service methods. A wrong count or type is the caller's
// mistake: a CallError worded like the Python TypeError OpenERP would raise, never a crash.
import { CallError } from '../errors';
import { isStruct, RpcStruct, RpcValue } from '../values';

/** Refuses fewer than `min` or more than `max` params: `login() takes 3 arguments (2 given)`. */
export function expectArity(name: string, params: RpcValue[], min: number, max = min): void {
  if (params.length >= min && params.length <= max) return;
  const wanted = min === max ? `exactly ${min}` : params.length < min ? `at least ${min}` : `at most ${max}`;
  throw new CallError(`${name}() takes ${wanted} arguments (${params.length} given)`, 'TypeError');
}

function typeName(v: RpcValue | undefined): string {
  if (v === null || v === undefined) return 'NoneType';
  if (Array.isArray(v)) return 'list';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int' : 'float';
  if (typeof v === 'string') return 'str';
  return isStruct(v) ? 'dict' : 'float';
}

function wrongType(method: string, arg: string, wanted: string, v: RpcValue | undefined): CallError {
  return new CallError(`${method}(): argument '${arg}' must be ${wanted}, not ${typeName(v)}`, 'TypeError');
}

export function expectString(method: string, arg: string, v: RpcValue | undefined): string {
  if (typeof v !== 'string') throw wrongType(method, arg, 'str', v);
  return v;
}

export function expectInt(method: string, arg: string, v: RpcValue | undefined): number {
  if (typeof v !== 'number' || !Number.isSafeInteger(v)) throw wrongType(method, arg, 'int', v);
  return v;
}

export function expectList(method: string, arg: string, v: RpcValue | undefined): RpcValue[] {
  if (!Array.isArray(v)) throw wrongType(method, arg, 'list', v);
  return v;
}

/** A struct, or an empty one for the values 7.0 clients send for "nothing" (None, False). */
export function optionalStruct(method: string, arg: string, v: RpcValue | undefined): RpcStruct | null {
  if (v === undefined || v === null || v === false) return null;
  if (!isStruct(v)) throw wrongType(method, arg, 'dict', v);
  return v;
}

/** Python truthiness of an RPC value, for flags such as `about(extended)`. */
export function truthy(v: RpcValue | undefined): boolean {
  if (v === undefined || v === null || v === false || v === 0 || v === '') return false;
  if (Array.isArray(v)) return v.length > 0;
  if (isStruct(v)) return Object.keys(v).length > 0;
  return true;
}
