// read: the rows of the given ids (missing and rule-hidden ids skipped), in ids order, each
// field in its RPC shape. Queries: one per chunk of rows, one per many2one target model, one
// per x2many field, one batch per related/computed field.
import type { Knex } from 'knex';
import { CallError } from '../../errors';
import { newStruct, type RpcStruct, type RpcValue } from '../../values';
import type { FieldDef } from '../model-types';
import type { CallEnv } from '../call-env';
import type { RuntimeModel } from '../registry';
import { fieldType, isStored } from '../fields';
import { chunked, checkAccess, fieldAccessError, fieldAllowed, ruleFilter } from './common';
import { selectColumn } from './columns';
import { computedValues, displayNames, relatedValues, x2manyIds } from './read-relations';
import { contextLang } from '../labels';

export interface ReadOptions {
  /** `_classic_write`: many2one as a bare id. */
  load?: string;
}

/**
 * Rows straight from a search's own query (its domain, rules, order and limit already applied),
 * selecting the given columns: search_read then costs one query for ids and rows together.
 */
export type RowSource = (select: (string | Knex.Raw)[]) => Promise<Record<string, unknown>[]>;

const LAST_UPDATE = '__last_update';

/** The fields a read returns: all readable ones when `fields` is empty, else the named ones. */
export async function resolveReadFields(env: CallEnv, model: RuntimeModel, fields: unknown): Promise<string[]> {
  if (fields === null || fields === undefined || fields === false || (Array.isArray(fields) && !fields.length)) {
    const names: string[] = [];
    for (const f of Object.values(model.fields)) {
      if (f.name !== 'id' && !fieldType(f).writeOnly && await fieldAllowed(env, f)) names.push(f.name);
    }
    return names;
  }
  if (!Array.isArray(fields) || fields.some((f) => typeof f !== 'string')) {
    throw new CallError('fields must be a list of field names', 'TypeError');
  }
  const names: string[] = [];
  const denied: string[] = [];
  for (const name of fields as string[]) {
    if (name === 'id' || names.includes(name)) continue;
    const f = model.fields[name];
    if (!f) {
      if (name === LAST_UPDATE) names.push(name);
      else if (env.compat.unknownReadFieldIsError) {
        throw new CallError(`Invalid field '${name}' on model '${model.name}'`, 'ValueError');
      }
      continue;
    }
    if (!(await fieldAllowed(env, f))) denied.push(name);
    names.push(name);
  }
  if (denied.length) throw fieldAccessError(env, model, denied, 'read');
  return names;
}

export async function readRecords(
  env: CallEnv, model: RuntimeModel, ids: number[], fields: unknown, opts: ReadOptions, source?: RowSource,
): Promise<RpcStruct[]> {
  // A source is a search that checked access already.
  if (!source) await checkAccess(env, model, 'read', ids);
  const names = await resolveReadFields(env, model, fields);
  if (!source && !ids.length) return [];
  const defs = names.map((n) => model.fields[n]).filter((f): f is FieldDef => f !== undefined);
  const columns = new Map<string, FieldDef>();
  for (const f of defs) {
    if (!fieldType(f).writeOnly && isStored(f)) columns.set(f.name, f);
  }
  if (names.includes(LAST_UPDATE)) {
    columns.set('write_date', model.fields.write_date);
    columns.set('create_date', model.fields.create_date);
  }
  const rows = source ? await sourceRows(env, model, source, [...columns.values()]) : await fetchRows(env, model, ids, [...columns.values()]);
  const present = source ? [...rows.keys()] : ids.filter((id) => rows.has(id));
  const extra = await relationalValues(env, model, defs, present, rows, opts);

  const ropts = { compat: env.compat, context: env.context };
  // Translatable texts of module data (menu and action names...) come out in the caller's language.
  const lang = contextLang(env.context);
  const translated = (f: FieldDef, v: RpcValue): RpcValue =>
    (lang && f.translate && typeof v === 'string' ? env.registry.translate(v, lang) : v);
  const result = present.map((id) => {
    const row = rows.get(id)!;
    const out = newStruct();
    out.id = id;
    for (const name of names) {
      const f = model.fields[name];
      if (!f) {
        const stamp = row.write_date ?? row.create_date;
        out[name] = stamp ? fieldType(model.fields.write_date).toRpc(stamp, model.fields.write_date, ropts) : false;
      } else if (extra.has(name)) {
        out[name] = extra.get(name)!.get(id) ?? false;
      } else {
        out[name] = translated(f, fieldType(f).toRpc(row[name], f, ropts));
      }
    }
    return out;
  });
  for (const hooks of model.hooks) if (hooks.afterRead) await hooks.afterRead(env, result);
  return result;
}

function selectList(env: CallEnv, t: string, cols: FieldDef[]): (string | Knex.Raw)[] {
  return [`${t}.id`, ...cols.filter((f) => f.name !== 'id').map((f) => selectColumn(env, t, f))];
}

/** The source's rows by id, in its order (a join of its ORDER BY may repeat a row: kept once). */
async function sourceRows(env: CallEnv, model: RuntimeModel, source: RowSource, cols: FieldDef[]): Promise<Map<number, Record<string, unknown>>> {
  const rows = new Map<number, Record<string, unknown>>();
  for (const row of await source(selectList(env, model.table, cols))) {
    const id = Number(row.id);
    if (!rows.has(id)) rows.set(id, row);
  }
  return rows;
}

async function fetchRows(env: CallEnv, model: RuntimeModel, ids: number[], cols: FieldDef[]): Promise<Map<number, Record<string, unknown>>> {
  const t = model.table;
  const rules = await ruleFilter(env, model, 'read');
  const select = selectList(env, t, cols);
  const rows = new Map<number, Record<string, unknown>>();
  for (const part of chunked(ids)) {
    const qb = env.cr(t).select(select).whereIn(`${t}.id`, part);
    rules(qb, t);
    for (const row of (await qb) as Record<string, unknown>[]) rows.set(Number(row.id), row);
  }
  return rows;
}

/** Values that need other queries, per field name then per id. */
async function relationalValues(
  env: CallEnv, model: RuntimeModel, defs: FieldDef[], ids: number[],
  rows: Map<number, Record<string, unknown>>, opts: ReadOptions,
): Promise<Map<string, Map<number, RpcValue>>> {
  const out = new Map<string, Map<number, RpcValue>>();
  if (!ids.length) return out;
  const m2oByComodel = new Map<string, FieldDef[]>();
  for (const f of defs) {
    if (f.related && !isStored(f)) out.set(f.name, await relatedValues(env, model, f, ids, readRecords));
    else if (f.compute && !isStored(f)) out.set(f.name, await computedValues(env, f, ids));
    else if (fieldType(f).x2many) {
      const lists = await x2manyIds(env, model, f, ids);
      out.set(f.name, new Map([...lists].map(([id, list]) => [id, list])));
    } else if (fieldType(f).holdsId && opts.load !== '_classic_write') {
      m2oByComodel.set(f.comodel!, [...(m2oByComodel.get(f.comodel!) ?? []), f]);
    }
  }
  for (const [comodel, fields] of m2oByComodel) {
    const targets = new Set<number>();
    for (const id of ids) {
      for (const f of fields) {
        const v = rows.get(id)![f.name];
        if (v !== null && v !== undefined) targets.add(Number(v));
      }
    }
    const names = await displayNames(env, env.registry.model(comodel), [...targets], readRecords);
    for (const f of fields) {
      out.set(f.name, new Map(ids.map((id) => {
        const v = rows.get(id)![f.name];
        if (v === null || v === undefined) return [id, false];
        const name = names.get(Number(v));
        // A dangling reference (target gone without a foreign key) reads as empty.
        return [id, name === undefined ? false : [Number(v), name]];
      })));
    }
  }
  return out;
}
