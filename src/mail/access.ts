// Access to the document a thread belongs to: posting, subscribing and reading a thread follow
// the rights on the record itself (ACLs and record rules), as in OpenERP's mail.thread.
import type { Env, AccessMode } from '../orm/env-types';
import type { OrmEnv } from '../orm/env';
import { checkAccess, ensureVisible } from '../orm/records/common';

export async function checkDocumentAccess(env: Env, model: string, ids: number[], mode: AccessMode): Promise<void> {
  const orm = env as OrmEnv;
  const def = orm.registry.model(model);
  await checkAccess(orm, def, mode);
  await ensureVisible(orm, def, ids, mode);
}
