// What every create, write and unlink does first: refuse to run in a read-only call or beyond the
// one statement an autocommit call may run (the caller reruns the whole call in a transaction), and move the cache signal when the model declares
// that servers cache its data (`invalidatesCache`).
import { InternalError } from '../../errors';
import type { CallEnv } from '../call-env';
import type { RuntimeModel } from '../model-types';

/** Raised by a write in a call run outside a transaction; the unit of work catches it and reruns. */
export class ReadOnlyCallWrote extends InternalError {
  constructor(readonly model: string, readonly operation: string) {
    super('read-only-call-wrote');
  }
}

type Operation = 'create' | 'write' | 'unlink';

/**
 * First thing of a change: a read-only call stops here, before it has done anything, and so does
 * a call outside a transaction whose one change is not the single statement it was allowed.
 */
export function refuseReadOnly(env: CallEnv, model: RuntimeModel, operation: Operation): void {
  if (env.readOnly || env.autocommit) refuseOutsideTransaction(env, model.name, operation);
}

/** Stops a call that runs outside a transaction before it changes anything: it is rerun in one. */
export function refuseOutsideTransaction(env: Pick<CallEnv, 'markRefusedWrite'>, what: string, operation = 'write'): never {
  env.markRefusedWrite();
  throw new ReadOnlyCallWrote(what, operation);
}

/** Whether a change of `model` (of `fields`, for a write) moves the cache signal. */
export function movesSignal(model: RuntimeModel, operation: Operation, fields?: string[]): boolean {
  const declared = model.invalidatesCache;
  if (declared === false) return false;
  return declared === true || (operation === 'write' && Boolean(fields?.some((f) => declared.includes(f))));
}

/** Inside the change's savepoint: moves the signal with it when servers cache the model's data. */
export async function signalCachedChange(env: CallEnv, model: RuntimeModel, operation: Operation,
  fields?: string[]): Promise<void> {
  if (movesSignal(model, operation, fields)) await env.signalChange();
}
