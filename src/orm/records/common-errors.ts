// Errors shared by the records service and the domain bridge.
import { AccessError } from '../../errors';
import type { CallEnv } from '../call-env';
import type { RuntimeModel } from '../registry';
import { labelText, langOf } from '../labels';

/** Odoo's refusal of fields restricted by groups the caller is not in. */
export function fieldAccessError(env: CallEnv, model: RuntimeModel, names: string[], operation: string): AccessError {
  const desc = labelText(model.description, langOf(env.context));
  return new AccessError(
    `You do not have enough rights to access the fields "${names.join(',')}" on ${desc} (${model.name}). ` +
    `Please contact your system administrator.\n\n(Operation: ${operation}, User: ${env.uid})`,
  );
}
