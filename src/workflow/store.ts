// The workflow store on the ORM: states are read as the caller (so hidden records stay hidden)
// and written through the internal write path, which skips the readonly flag of the state
// field but still applies write access, record rules, hooks and constraints.
import { MissingError } from '../errors';
import type { WorkflowStore } from './engine';

export const ORM_STORE: WorkflowStore = {
  async readState(env, model, field, id) {
    const [row] = await env.model(model).read([id], [field]);
    if (row) return typeof row[field] === 'string' ? (row[field] as string) : null;
    // A record that does not exist has no workflow: the signal does nothing (OpenERP's False).
    // One hidden by a record rule is refused as the ORM refuses writing it.
    if ((await env.sudo().model(model).exists([id])).length) {
      throw new MissingError(`Record does not exist or has been deleted.\n(Record: ${model}(${id},), User: ${env.uid})`);
    }
    return null;
  },
  async write(env, model, id, vals) {
    await env.model(model).writeInternal([id], vals);
  },
};
