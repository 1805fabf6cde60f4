// Loading the records of one module's data: each is created, or updated by its external id,
// through the records service as superuser. `noupdate` records are left alone once installed.
import type { DataRecord } from './model-types';
import type { Env } from './env-types';
import type { Registry } from './registry';
import { qualify, resolveValues, XmlidIndex } from './data-loader-refs';
import { nowUtc } from './fields/dates';

export type LoadMode = 'init' | 'update';

export interface ModuleLoad {
  env: Env;
  registry: Registry;
  index: XmlidIndex;
  module: string;
  /** init: the module is being installed (noupdate records are written too). */
  mode: LoadMode;
  /** ir_model_data rows of new external ids, not yet inserted. */
  pending: Map<string, Record<string, unknown>>;
}

async function remember(load: ModuleLoad, xmlid: string, model: string, resId: number, noupdate: boolean): Promise<void> {
  const existing = load.index.get(xmlid);
  const now = nowUtc();
  if (existing && existing.dataId > 0) {
    await load.env.cr('ir_model_data').where('id', existing.dataId)
      .update({ model, res_id: resId, date_update: now, write_date: now });
    load.index.set(xmlid, { ...existing, model, resId });
    return;
  }
  // New external ids are written in batches when the module's data is loaded (flushPending).
  const dot = xmlid.indexOf('.');
  load.pending.set(xmlid, { module: xmlid.slice(0, dot), name: xmlid.slice(dot + 1), model, res_id: resId, noupdate,
    date_init: now, date_update: now, create_uid: load.env.uid, create_date: now, write_uid: load.env.uid, write_date: now });
  load.index.set(xmlid, { dataId: 0, model, resId, noupdate });
}

/** Inserts the external ids created so far, then learns their row ids. */
export async function flushPending(load: ModuleLoad): Promise<void> {
  const rows = [...load.pending.values()];
  load.pending.clear();
  const cr = load.env.cr;
  for (let i = 0; i < rows.length; i += 100) await cr('ir_model_data').insert(rows.slice(i, i + 100));
  const modules = [...new Set(rows.map((r) => String(r.module)))];
  if (!modules.length) return;
  const saved: Record<string, unknown>[] = await cr('ir_model_data').whereIn('module', modules).select('id', 'module', 'name');
  for (const r of saved) {
    const xmlid = `${r.module}.${r.name}`;
    const entry = load.index.get(xmlid);
    if (entry && entry.dataId === 0) load.index.set(xmlid, { ...entry, dataId: Number(r.id) });
  }
}

/** Creates or updates one record; returns its id. */
export async function loadRecord(load: ModuleLoad, rec: DataRecord, noupdateDefault = false): Promise<number> {
  const xmlid = qualify(rec.id, load.module);
  const model = load.registry.model(rec.model);
  const api = load.env.model(rec.model);
  const noupdate = rec.noupdate ?? noupdateDefault;
  const existing = load.index.get(xmlid);
  const alive = existing && existing.model === rec.model && (await api.exists([existing.resId])).length > 0;
  if (existing && existing.noupdate && load.mode === 'update') return existing.resId;
  const vals = resolveValues({ index: load.index, registry: load.registry, module: load.module }, model, rec.values);
  if (alive) {
    await api.writeInternal([existing.resId], vals);
    await remember(load, xmlid, rec.model, existing.resId, noupdate);
    return existing.resId;
  }
  const id = await api.createInternal(vals);
  await remember(load, xmlid, rec.model, id, noupdate);
  return id;
}

export async function loadRecords(load: ModuleLoad, records: DataRecord[], noupdateDefault = false): Promise<void> {
  for (const rec of records) await loadRecord(load, rec, noupdateDefault);
  await flushPending(load);
}
