// ir.values.get as the 6.x/7.0 clients call it: the actions bound to a model or record
// ('action', 'tree_but_open' for menus, 'client_action_multi'...) and the user defaults
// ('default'). A menu's own `action` counts as its tree_but_open binding.
import type { Env } from '../../src/orm/define';

type Row = { id: number; name: string; value: string | false };

function targets(models: unknown): [string, number | false][] {
  if (!Array.isArray(models)) return [];
  const out: [string, number | false][] = [];
  for (const m of models) {
    if (typeof m === 'string') out.push([m, false]);
    else if (Array.isArray(m) && typeof m[0] === 'string') out.push([m[0], typeof m[1] === 'number' ? m[1] : false]);
  }
  return out;
}

/** Reads the action a reference "model,id" names, as the caller; null when they may not see it. */
async function actionDict(env: Env, ref: string | null): Promise<Record<string, unknown> | null> {
  const m = ref ? /^([a-z0-9_.]+),(\d+)$/.exec(ref) : null;
  if (!m) return null;
  try {
    const [action] = await env.model(m[1]).read([Number(m[2])]);
    return action ?? null;
  } catch {
    return null;
  }
}

/** The caller's own and everyone's bindings of a model (or of one record), read as the system. */
async function valueRows(env: Env, key: string, key2: unknown, model: string, resId: number | false): Promise<Row[]> {
  const domain: unknown[] = [['key', '=', key], ['model', '=', model], '|', ['user_id', '=', false], ['user_id', '=', env.uid]];
  if (typeof key2 === 'string') domain.push(['key2', '=', key2]);
  if (resId === false) domain.push('|', ['res_id', '=', false], ['res_id', '=', 0]);
  else domain.push('|', '|', ['res_id', '=', false], ['res_id', '=', 0], ['res_id', '=', resId]);
  return (await env.sudo().model('ir.values').searchRead(domain, ['name', 'value'], { order: 'id' })) as Row[];
}

export async function irValuesGet(env: Env, key: unknown, key2: unknown, models: unknown): Promise<unknown[]> {
  const out: unknown[] = [];
  for (const [model, resId] of targets(models)) {
    const rows = await valueRows(env, String(key), key2, model, resId);
    if (key === 'default') {
      for (const r of rows) out.push([r.id, r.name, r.value === false ? false : JSON.parse(r.value)]);
      continue;
    }
    if (key !== 'action') continue;
    let refs = rows.map((r) => ({ id: r.id as number | false, name: r.name, value: r.value || null }));
    if (!refs.length && model === 'ir.ui.menu' && key2 === 'tree_but_open' && resId !== false) {
      // The menu's stored name, as the binding rows hold theirs.
      const [menu] = await env.sudo().withContext({ lang: false }).model('ir.ui.menu').read([resId], ['name', 'action']);
      if (menu?.action) refs = [{ id: false, name: String(menu.name), value: String(menu.action) }];
    }
    for (const r of refs) {
      const action = await actionDict(env, r.value);
      if (action) out.push([r.id, r.name, action]);
    }
  }
  return out;
}
