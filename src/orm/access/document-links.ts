// Records that belong to another document (attachments and messages: a model and an id) take
// their access from that document (PROTOCOL §10.2, 7.0's mail.message rules): reading needs read
// access to it, changing needs write access. Expressed as an extra domain, so search hides them
// and read/write of a hidden id acts as missing. The documents are checked per model, with one
// search per model that has record rules, never per record.
import type { AccessMode, Env } from '../env-types';
import type { Registry } from '../registry';
import { orDomains } from './domain-ops';

export interface DocumentLink {
  modelField: string;
  idField: string;
  /** Records linked to no document: open to all (attachments, the default) or only through `partnerFields`. */
  orphansVisible?: boolean;
  /** The access each mode needs on the document (default: read for read, write otherwise); null: none. */
  documentModes?: Partial<Record<AccessMode, AccessMode | null>>;
  /** Fields (many2one or many2many to res.partner) that open a record to the partner they hold, per mode. */
  partnerFields?: Partial<Record<AccessMode, string[]>>;
}

export interface DocumentAccess {
  /** ACL verdict for the current user on a model; false when the model is unknown to ir_model. */
  allows(model: string, mode: AccessMode): Promise<boolean | 'unknown'>;
  ruleDomain(model: string, mode: AccessMode): Promise<unknown[] | null>;
  /** The current user's partner, if any. */
  partnerId(): Promise<number | null>;
}

/** The domain of the records whose document the caller may use in `docMode`; null when all are. */
async function documentsOpen(
  env: Env, table: string, link: DocumentLink, docMode: AccessMode, access: DocumentAccess,
): Promise<unknown[][] | null> {
  const { modelField: mf, idField: idf } = link;
  const linked: Record<string, unknown>[] = await env.cr(table).distinct(mf).whereNotNull(mf);
  const open: string[] = [];
  const parts: unknown[][] = [];
  let restricted = false;
  for (const row of linked) {
    const target = String(row[mf]);
    const verdict = await access.allows(target, docMode);
    if (verdict === 'unknown') {
      open.push(target);
      continue;
    }
    restricted ||= !verdict;
    if (!verdict) continue;
    const rd = await access.ruleDomain(target, docMode);
    if (rd === null) {
      open.push(target);
      continue;
    }
    restricted = true;
    const ids: Record<string, unknown>[] = await env.cr(table).distinct(idf).where(mf, target).whereNotNull(idf);
    const resIds = ids.map((r) => Number(r[idf]));
    const visible = resIds.length === 0 ? [] : await env.sudo().withContext({ active_test: false })
      .model(target).search(['&', ['id', 'in', resIds], ...rd]);
    parts.push(['&', [mf, '=', target], [idf, 'in', visible]]);
  }
  if (!restricted && link.orphansVisible !== false) return null;
  if (open.length) parts.unshift([[mf, 'in', open]]);
  if (link.orphansVisible !== false) parts.unshift([[mf, '=', false]]);
  return parts;
}

export async function documentDomain(
  env: Env, model: string, link: DocumentLink, mode: AccessMode, access: DocumentAccess,
): Promise<unknown[] | null> {
  const docMode = link.documentModes && mode in link.documentModes
    ? link.documentModes[mode] ?? null
    : mode === 'read' ? 'read' : 'write';
  if (docMode === null) return null;
  const table = (env.registry as Registry).model(model).table;
  const documents = await documentsOpen(env, table, link, docMode, access);
  if (documents === null) return null;
  const fields = link.partnerFields?.[mode] ?? [];
  const partner = fields.length ? await access.partnerId() : null;
  const own = partner === null ? [] : fields.map((f) => [[f, 'in', [partner]]]);
  return orDomains([...own, ...documents]);
}
