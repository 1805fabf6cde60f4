// External ids for export_data's `id` columns: the record's own (`module.name`), or, as 7.0 does,
// a new `__export__.<table>_<id>` made on the spot so that an import can find the record again.
import type { CallEnv } from '../call-env';
import type { RuntimeModel } from '../registry';
import { nowUtc } from '../fields/dates';
import { chunked } from './common';
import { externalIds } from './metadata';

const EXPORT_MODULE = '__export__';
/** Rows per INSERT: a dozen columns each stays far below both backends' parameter limits. */
const INSERT_CHUNK = 200;

/** A name `<table>_<id>` not yet used by another export id (`_1`, `_2`... appended if it is). */
async function freeNames(env: CallEnv, table: string, model: RuntimeModel, ids: number[]): Promise<Map<number, string>> {
  const wanted = new Map(ids.map((id) => [id, `${model.table}_${id}`]));
  const taken = new Set<string>();
  for (const part of chunked([...wanted.values()])) {
    const rows = (await env.cr(table).where('module', EXPORT_MODULE).whereIn('name', part).select('name')) as { name: string }[];
    for (const r of rows) taken.add(r.name);
  }
  for (const [id, name] of wanted) {
    if (!taken.has(name)) continue;
    // Rare: a name left by a record of another model with the same table prefix.
    for (let n = 1; ; n++) {
      const candidate = `${name}_${n}`;
      if (!(await env.cr(table).where({ module: EXPORT_MODULE, name: candidate }).first('id'))) {
        wanted.set(id, candidate);
        break;
      }
    }
  }
  return wanted;
}

/** `module.name` of each record, creating `__export__` ids for the records that have none. */
export async function exportXmlIds(env: CallEnv, model: RuntimeModel, ids: number[]): Promise<Map<number, string>> {
  const out = await externalIds(env, model, ids);
  const missing = ids.filter((id) => !out.has(id));
  if (!missing.length || !env.registry.has('ir.model.data')) return out;
  const data = env.registry.model('ir.model.data');
  const names = await freeNames(env, data.table, model, missing);
  const now = nowUtc();
  const rows = [...names].map(([id, name]) => ({
    module: EXPORT_MODULE, name, model: model.name, res_id: id, ...(data.fields.noupdate ? { noupdate: false } : {}),
    create_uid: env.uid, create_date: now, write_uid: env.uid, write_date: now,
  }));
  for (const part of chunked(rows, INSERT_CHUNK)) await env.cr(data.table).insert(part);
  for (const [id, name] of names) out.set(id, `${EXPORT_MODULE}.${name}`);
  return out;
}
