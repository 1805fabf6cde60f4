// The `views` of a window action: [view_id or False, mode] for each mode of view_mode, with the
// action's own view first in its mode's place (7.0 _views_get_fnc without act_window.view rows).
import type { Env } from '../../src/orm/define';

export async function actionViews(env: Env, ids: number[]): Promise<Map<number, unknown>> {
  const rows: { id: number; view_mode: string | null; view_id: number | null; view_type: string | null }[] = await env
    .cr('ir_act_window as a')
    .leftJoin('ir_ui_view as v', 'v.id', 'a.view_id')
    .whereIn('a.id', ids)
    .select('a.id', 'a.view_mode', 'a.view_id', 'v.type as view_type');
  const out = new Map<number, unknown>();
  for (const r of rows) {
    const modes = (r.view_mode ?? 'tree,form').split(',').map((m) => m.trim()).filter(Boolean);
    const views: [number | false, string][] = [];
    let rest = modes;
    if (r.view_id !== null && r.view_type && modes.includes(r.view_type)) {
      views.push([Number(r.view_id), r.view_type]);
      rest = modes.filter((m) => m !== r.view_type);
    }
    for (const m of rest) views.push([false, m]);
    out.set(Number(r.id), views);
  }
  return out;
}
