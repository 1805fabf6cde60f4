// Loads what a screen needs from the server, once per model and view type: the window action,
// the views (fields_view_get) and their interpretation.
import { callKw } from '../rpc';
import { interpretForm, interpretList, type Fields, type FormView, type ListView } from './interpret';
import { interpretSearch, type SearchView } from './search';
import { parsePyLiteral, type PyValue } from './py-literal';

export interface WindowAction { id: number; name: string; res_model: string; view_mode: string; view_id: [number, string] | false; domain: PyValue[]; context: Record<string, PyValue> }
interface RawView { arch: string; fields: Fields; view_id: number; type: string }

const cache = new Map<string, Promise<unknown>>();
function once<T>(key: string, load: () => Promise<T>): Promise<T> {
  if (!cache.has(key)) cache.set(key, load().catch((err) => { cache.delete(key); throw err; }));
  return cache.get(key) as Promise<T>;
}
/** Forgets every loaded view (the language changed: labels come back translated). */
export function clearViewCache(): void { cache.clear(); }

export async function loadAction(id: number): Promise<WindowAction> {
  const [row] = await callKw<Record<string, unknown>[]>('ir.actions.act_window', 'read', [[id], ['name', 'res_model', 'view_mode', 'view_id', 'domain', 'context']]);
  if (!row) throw new Error(`Action ${id} not found`);
  const literal = (v: unknown, empty: PyValue) => { try { return typeof v === 'string' && v.trim() ? parsePyLiteral(v) : empty; } catch { return empty; } };
  return {
    id, name: String(row.name), res_model: String(row.res_model), view_mode: String(row.view_mode || 'tree,form'),
    view_id: row.view_id as WindowAction['view_id'], domain: literal(row.domain, []) as PyValue[], context: literal(row.context, {}) as Record<string, PyValue>,
  };
}

function rawView(model: string, type: string, viewId: number | false): Promise<RawView> {
  return once(`${model}/${type}/${viewId}`, () => callKw<RawView>(model, 'fields_view_get', [], { view_id: viewId, view_type: type }));
}

export interface Loaded<T> { view: T; fields: Fields }

export async function loadList(model: string, viewId: number | false = false): Promise<Loaded<ListView>> {
  const raw = await rawView(model, 'tree', viewId);
  return { view: interpretList(raw.arch, raw.fields), fields: raw.fields };
}

export async function loadForm(model: string, viewId: number | false = false): Promise<Loaded<FormView>> {
  const raw = await rawView(model, 'form', viewId);
  return { view: interpretForm(raw.arch, raw.fields), fields: raw.fields };
}

export async function loadSearch(model: string): Promise<Loaded<SearchView>> {
  const raw = await rawView(model, 'search', false);
  return { view: interpretSearch(raw.arch, raw.fields), fields: raw.fields };
}

export function loadFields(model: string): Promise<Fields> {
  return once(`${model}/fields`, () => callKw<Fields>(model, 'fields_get', [], {}));
}
