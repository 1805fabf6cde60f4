// The `views` of a window action: [view_id or False, mode] for each mode of view_mode, with the
// action's own view first in its mode's place (7.0 _views_get_fnc without act_window.view rows).
import type { Env } from '../../src/orm/define';

export async function actionViews(env: Env, ids: number[]): Promise<Map<number, unknown>> {
  const su = env.sudo();
  const rows = (await su.model('ir.actions.act_window').call('read', { ids, fields: ['view_mode', 'view_id'], load: '_classic_write' })) as
    { id: number; view_mode: string | false; view_id: number | false }[];
  const viewIds = [...new Set(rows.map((r) => r.view_id).filter((v): v is number => v !== false))];
  const types = new Map((viewIds.length ? await su.model('ir.ui.view').read(viewIds, ['type']) : [])
    .map((v) => [Number(v.id), typeof v.type === 'string' ? v.type : null]));
  const out = new Map<number, unknown>();
  for (const r of rows) {
    const modes = (r.view_mode || 'tree,form').split(',').map((m) => m.trim()).filter(Boolean);
    const views: [number | false, string][] = [];
    let rest = modes;
    const viewType = r.view_id === false ? null : types.get(r.view_id) ?? null;
    if (r.view_id !== false && viewType && modes.includes(viewType)) {
      views.push([Number(r.view_id), viewType]);
      rest = modes.filter((m) => m !== viewType);
    }
    for (const m of rest) views.push([false, m]);
    out.set(Number(r.id), views);
  }
  return out;
}
