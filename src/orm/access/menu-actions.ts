// A menu whose action opens a model the caller may not read is hidden, as 7.0's ir.ui.menu does
// (PROTOCOL §9.2), on top of the menus' group rule. Expressed as an extra domain on the menus:
// one query for the actions, and one ACL verdict per model they open (kept for the call).
import type { AccessMode, Env } from '../env-types';
import type { Registry } from '../registry';

export interface MenuActionLink {
  /** The menu field holding a reference "model,id" to its action. */
  actionField: string;
  /** The model of the actions that open a model, and its field naming that model. */
  actionModel: string;
  openedModelField: string;
  /** Other action models on the same table: a reference through them names the same action. */
  sameActions?: string[];
}

export const DEFAULT_MENU_ACTIONS: Record<string, MenuActionLink> = {
  'ir.ui.menu': {
    actionField: 'action', actionModel: 'ir.actions.act_window', openedModelField: 'res_model',
    sameActions: ['ir.actions.actions'],
  },
};

/** The menus to hide from the caller as a domain to AND in; null when every action opens a readable model. */
export async function menuActionDomain(
  env: Env, link: MenuActionLink, allows: (model: string, mode: AccessMode) => Promise<boolean | 'unknown'>,
): Promise<unknown[] | null> {
  const registry = env.registry as Registry;
  if (!registry.has(link.actionModel)) return null;
  const actions = registry.model(link.actionModel);
  const column = link.openedModelField;
  const rows = (await env.cr(actions.table).select('id', column)) as Record<string, unknown>[];
  const verdicts = new Map<string, boolean>();
  const hidden: string[] = [];
  for (const row of rows) {
    const opened = row[column];
    if (typeof opened !== 'string' || !opened) continue;
    let readable = verdicts.get(opened);
    if (readable === undefined) {
      // A model unknown to ir_model cannot be opened either (7.0 refuses it).
      readable = (await allows(opened, 'read')) === true;
      verdicts.set(opened, readable);
    }
    if (!readable) for (const m of [link.actionModel, ...(link.sameActions ?? [])]) hidden.push(`${m},${String(row.id)}`);
  }
  if (!hidden.length) return null;
  return ['|', [link.actionField, '=', false], [link.actionField, 'not in', hidden]];
}
