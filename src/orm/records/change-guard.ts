// What every create, write and unlink does first: refuse to run in a read-only call (the caller
// reruns the whole call in a transaction), and move the cache signal when the model declares
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

/** First thing of a change: a read-only call stops here, before it has done anything. */
export function refuseReadOnly(env: CallEnv, model: RuntimeModel, operation: Operation): void {
  if (!env.readOnly) return;
  env.markRefusedWrite();
  throw new ReadOnlyCallWrote(model.name, operation);
}

/** Inside the change's savepoint: moves the signal with it when servers cache the model's data. */
export async function signalCachedChange(env: CallEnv, model: RuntimeModel, operation: Operation,
  fields?: string[]): Promise<void> {
  const declared = model.invalidatesCache;
  if (declared === false) return;
  if (declared !== true && (operation !== 'write' || !fields?.some((f) => declared.includes(f)))) return;
  await env.signalChange();
}
