// The workflow store on the ORM: states are read as the caller (so hidden records stay hidden)
// and written through the internal write path, which skips the readonly flag of the state
// field but still applies write access, record rules, hooks and constraints.
import type { WorkflowStore } from './engine';

export const ORM_STORE: WorkflowStore = {
  async readState(env, model, field, id) {
    // read() skips ids that do not exist: the signal then finds no record and does nothing.
    const [row] = await env.model(model).read([id], [field]);
    return row && typeof row[field] === 'string' ? (row[field] as string) : null;
  },
  async write(env, model, id, vals) {
    await env.model(model).writeInternal([id], vals);
  },
};
