// Reflecting the registry into the database: ir_model and ir_model_fields rows for every model
// (with the external ids `<module>.model_<model>` that ACL data refers to) and ir_module_module
// rows for every module, marked installed. Plain batched SQL: this is the server's own data.
import { createHash } from 'node:crypto';
import type { Knex } from 'knex';
import type { FieldDef, ModuleDef } from './model-types';
import { fieldType, isStored } from './fields';
import { labelText } from './labels';
import type { Registry, RuntimeModel } from './registry';
import { nowUtc } from './fields/dates';

type Cr = Knex | Knex.Transaction;
type Row = Record<string, unknown>;

const BATCH = 100;
/** The version every module reports (modules carry no version of their own). */
export const MODULE_VERSION = '7.0.1.0';

function logCols(): Row {
  const now = nowUtc();
  return { create_uid: 1, create_date: now, write_uid: 1, write_date: now };
}

async function insertRows(cr: Cr, table: string, rows: Row[]): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) await cr(table).insert(rows.slice(i, i + BATCH));
}

export function modelXmlid(model: string): string {
  return `model_${model.replace(/\./g, '_')}`;
}

/** The modules that define or extend each model, in load order. */
function modulesOf(registry: Registry): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const add = (model: string, module: string) => out.set(model, [...(out.get(model) ?? []), module]);
  for (const mod of registry.modules as ModuleDef[]) {
    for (const m of mod.models ?? []) add(m.name, mod.name);
    for (const e of mod.extensions ?? []) add(e.extends, mod.name);
  }
  return out;
}

function modelRow(model: RuntimeModel, modules: string[]): Row {
  return {
    model: model.name, name: labelText(model.description, 'en_US'), state: 'base',
    transient: model.transient, modules: modules.join(', '),
  };
}

function fieldRow(model: RuntimeModel, modelId: number, f: FieldDef): Row {
  return {
    name: f.name, model: model.name, model_id: modelId,
    field_description: labelText(f.string, 'en_US') || f.name,
    ttype: fieldType(f).rpcType,
    relation: f.comodel ?? null, relation_field: f.inverseName ?? null, relation_table: f.relation ?? null,
    column1: f.column1 ?? null, column2: f.column2 ?? null,
    selection: f.selection ? JSON.stringify(f.selection.map(([k, l]) => [k, labelText(l, 'en_US')])) : null,
    required: !!f.required, readonly: !!f.readonly, translate: !!f.translate, store: isStored(f),
    size: f.size ?? null, help: f.help ? labelText(f.help, 'en_US') : null, state: 'base',
  };
}

function changed(current: Row, wanted: Row): Row | null {
  const diff: Row = {};
  for (const [k, v] of Object.entries(wanted)) {
    const c = current[k];
    const same = typeof v === 'boolean' ? !!c === v : (c ?? null) === (v ?? null) || (typeof v === 'number' && Number(c) === v);
    if (!same) diff[k] = v;
  }
  return Object.keys(diff).length ? diff : null;
}

/** ir_model rows (and their external ids) for every model; returns model name -> ir_model id. */
async function reflectModelRows(cr: Cr, registry: Registry): Promise<Map<string, number>> {
  const modules = modulesOf(registry);
  const existing = new Map<string, Row>((await cr('ir_model').select('*')).map((r: Row) => [String(r.model), r]));
  const fresh: Row[] = [];
  for (const model of registry.models.values()) {
    const wanted = modelRow(model, modules.get(model.name) ?? [model.module]);
    const row = existing.get(model.name);
    if (!row) fresh.push({ ...wanted, ...logCols() });
    else {
      const diff = changed(row, wanted);
      if (diff) await cr('ir_model').where('id', Number(row.id)).update({ ...diff, write_date: nowUtc() });
    }
  }
  await insertRows(cr, 'ir_model', fresh);
  const ids = new Map<string, number>((await cr('ir_model').select('id', 'model')).map((r: Row) => [String(r.model), Number(r.id)]));
  const known = new Set((await cr('ir_model_data').where('model', 'ir.model').select('res_id')).map((r: Row) => Number(r.res_id)));
  const xmlids: Row[] = [];
  for (const model of registry.models.values()) {
    const id = ids.get(model.name)!;
    if (known.has(id)) continue;
    xmlids.push({ module: model.module, name: modelXmlid(model.name), model: 'ir.model', res_id: id,
      noupdate: false, date_init: nowUtc(), date_update: nowUtc(), ...logCols() });
  }
  await insertRows(cr, 'ir_model_data', xmlids);
  return ids;
}

async function reflectFieldRows(cr: Cr, registry: Registry, modelIds: Map<string, number>): Promise<void> {
  const existing = new Map<string, Row>();
  for (const r of (await cr('ir_model_fields').select('*')) as Row[]) existing.set(`${r.model}.${r.name}`, r);
  const fresh: Row[] = [];
  const keep = new Set<string>();
  for (const model of registry.models.values()) {
    for (const f of Object.values(model.fields)) {
      const key = `${model.name}.${f.name}`;
      keep.add(key);
      const wanted = fieldRow(model, modelIds.get(model.name)!, f);
      const row = existing.get(key);
      if (!row) fresh.push({ ...wanted, ...logCols() });
      else {
        const diff = changed(row, wanted);
        if (diff) await cr('ir_model_fields').where('id', Number(row.id)).update({ ...diff, write_date: nowUtc() });
      }
    }
  }
  await insertRows(cr, 'ir_model_fields', fresh);
  // Fields a module no longer defines disappear, as OpenERP does on upgrade.
  const gone = [...existing.entries()].filter(([k, r]) => !keep.has(k) && r.state === 'base').map(([, r]) => Number(r.id));
  for (let i = 0; i < gone.length; i += BATCH) await cr('ir_model_fields').whereIn('id', gone.slice(i, i + BATCH)).delete();
}

export async function reflectModels(cr: Cr, registry: Registry): Promise<void> {
  const ids = await reflectModelRows(cr, registry);
  await reflectFieldRows(cr, registry, ids);
}

/** A fingerprint of a module's data records, to load them again only when they change. */
export function dataDigest(mod: ModuleDef): string {
  return createHash('sha256').update(JSON.stringify(mod.data ?? [])).digest('hex');
}

/** The data digest recorded for each installed module. */
export async function installedDigests(cr: Cr): Promise<Map<string, string | null>> {
  const rows: { name: string; data_digest: string | null }[] = await cr('ir_module_module')
    .where('state', 'installed').select('name', 'data_digest');
  return new Map(rows.map((r) => [r.name, r.data_digest]));
}

/** Every module of the registry as an installed ir.module.module, with its dependencies. */
export async function recordModules(cr: Cr, registry: Registry): Promise<void> {
  for (const mod of registry.modules as ModuleDef[]) {
    const wanted = {
      name: mod.name, shortdesc: mod.description ?? mod.name, state: 'installed', latest_version: MODULE_VERSION,
      data_digest: dataDigest(mod),
    };
    const row = (await cr('ir_module_module').where('name', mod.name).first('id')) as Row | undefined;
    let id: number;
    if (row) {
      id = Number(row.id);
      await cr('ir_module_module').where('id', id).update({ ...wanted, write_date: nowUtc() });
      await cr('ir_module_module_dependency').where('module_id', id).delete();
    } else {
      await cr('ir_module_module').insert({ ...wanted, ...logCols() });
      id = Number(((await cr('ir_module_module').where('name', mod.name).first('id')) as Row).id);
      await cr('ir_model_data').insert({ module: 'base', name: `module_${mod.name}`, model: 'ir.module.module',
        res_id: id, noupdate: true, date_init: nowUtc(), date_update: nowUtc(), ...logCols() });
    }
    await insertRows(cr, 'ir_module_module_dependency',
      mod.depends.map((name) => ({ name, module_id: id, ...logCols() })));
  }
}
