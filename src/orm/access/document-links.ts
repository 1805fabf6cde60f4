// Records that belong to another document (attachments: res_model/res_id) take their access from
// that document (PROTOCOL §10.2): reading needs read access to it, changing needs write access.
// Expressed as an extra domain, so search hides them and read/write of a hidden id acts as missing.
import type { AccessMode, Env } from '../env-types';
import type { Registry } from '../registry';

export interface DocumentLink {
  modelField: string;
  idField: string;
}

export interface DocumentAccess {
  /** ACL verdict for the current user on a model; false when the model is unknown to ir_model. */
  allows(model: string, mode: AccessMode): Promise<boolean | 'unknown'>;
  ruleDomain(model: string, mode: AccessMode): Promise<unknown[] | null>;
}

export async function documentDomain(
  env: Env, model: string, link: DocumentLink, mode: AccessMode, access: DocumentAccess,
): Promise<unknown[] | null> {
  const table = (env.registry as Registry).model(model).table;
  const docMode: AccessMode = mode === 'read' ? 'read' : 'write';
  const { modelField: mf, idField: idf } = link;
  const linked: Record<string, unknown>[] = await env.cr(table).distinct(mf).whereNotNull(mf);
  const denied: string[] = [];
  const parts: unknown[][] = [];
  for (const row of linked) {
    const target = String(row[mf]);
    const verdict = await access.allows(target, docMode);
    if (verdict === 'unknown') continue;
    if (!verdict) {
      denied.push(target);
      continue;
    }
    const rd = await access.ruleDomain(target, docMode);
    if (rd === null) continue;
    const ids: Record<string, unknown>[] = await env.cr(table).distinct(idf).where(mf, target).whereNotNull(idf);
    const resIds = ids.map((r) => Number(r[idf]));
    const visible = resIds.length === 0 ? [] : await env.sudo().withContext({ active_test: false })
      .model(target).search(['&', ['id', 'in', resIds], ...rd]);
    parts.push(['|', '|', [mf, '=', false], [mf, '!=', target], [idf, 'in', visible]]);
  }
  if (denied.length > 0) parts.unshift(['|', [mf, '=', false], [mf, 'not in', denied]]);
  if (parts.length === 0) return null;
  return [...Array.from({ length: parts.length - 1 }, () => '&'), ...parts.flat(1)];
}
