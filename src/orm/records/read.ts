// read: the rows of the given ids (missing and rule-hidden ids skipped), in ids order, each
// field in its RPC shape. Queries: one per chunk of rows (with the names of many2one targets whose
// display name is a column joined in), one per other many2one target model, one for all the
// x2many fields, one batch per related/computed field.
import type { Knex } from 'knex';
import { CallError } from '../../errors';
import { newStruct, type RpcStruct, type RpcValue } from '../../values';
import type { FieldDef } from '../model-types';
import type { CallEnv } from '../call-env';
import type { RuntimeModel } from '../registry';
import { fieldType, isStored, type FieldType } from '../fields';
import { chunked, checkAccess, fieldAccessError, fieldAllowed } from './common';
import { ruleStep, selectRows, slots } from './statements';
import { selectColumn } from './columns';
import { computedValues, displayNames, relatedValues, x2manyIds } from './read-relations';
import { contextLang } from '../labels';

export interface ReadOptions {
  /** `_classic_write`: many2one as a bare id. */
  load?: string;
}

/** The columns a read selects: their part of a statement's shape, and the step adding them to a query. */
export interface Selection {
  shape: string;
  /** Selects the columns, joining the tables of the display names read with them. */
  addTo(qb: Knex.QueryBuilder): void;
}

/**
 * Rows straight from a search's own query (its domain, rules, order and limit already applied),
 * selecting the given columns: search_read then costs one query for ids and rows together.
 */
export type RowSource = (select: Selection) => Promise<Record<string, unknown>[]>;

const LAST_UPDATE = '__last_update';

/** The fields a read returns: all readable ones when `fields` is empty, else the named ones. */
export async function resolveReadFields(env: CallEnv, model: RuntimeModel, fields: unknown): Promise<string[]> {
  if (fields === null || fields === undefined || fields === false || (Array.isArray(fields) && !fields.length)) {
    const names: string[] = [];
    for (const f of Object.values(model.fields)) {
      if (f.name !== 'id' && !fieldType(f).writeOnly && (!f.groups?.length || await fieldAllowed(env, f))) names.push(f.name);
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
    if (f.groups?.length && !(await fieldAllowed(env, f))) denied.push(name);
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
  const plan = readPlan(env, model, names, opts.load !== '_classic_write');
  const rows = source ? await sourceRows(env, model, source, plan) : await fetchRows(env, model, ids, plan);
  const present = source ? [...rows.keys()] : ids.filter((id) => rows.has(id));
  const extra = await relationalValues(env, model, plan, present, rows, opts);

  const ropts = { compat: env.compat, context: env.context };
  // Translatable texts of module data (menu and action names...) come out in the caller's language.
  const lang = contextLang(env.context);
  const outs = plan.outs;
  const values = outs.map((o) => extra.get(o.name));
  const langs = outs.map((o) => (lang && o.translate ? lang : null));
  const stampField = model.fields.write_date;
  const result = new Array<RpcStruct>(present.length);
  for (let i = 0; i < present.length; i++) {
    const id = present[i];
    const row = rows.get(id)!;
    const out = newStruct();
    out.id = id;
    for (let j = 0; j < outs.length; j++) {
      const o = outs[j];
      const byId = values[j];
      if (byId) {
        out[o.name] = byId.get(id) ?? false;
      } else if (o.field) {
        const v = o.toRpc(row[o.name], o.field, ropts);
        const to = langs[j];
        out[o.name] = to !== null && typeof v === 'string' ? env.registry.translate(v, to) : v;
      } else {
        const stamp = row.write_date ?? row.create_date;
        out[o.name] = stamp ? o.toRpc(stamp, stampField, ropts) : false;
      }
    }
    result[i] = out;
  }
  for (const hooks of model.hooks) if (hooks.afterRead) await hooks.afterRead(env, result);
  return result;
}

/** One returned field: a column converted by its type, values from other queries, or the stamp. */
interface Out {
  name: string;
  /** Null for `__last_update` (the write date, else the create date). */
  field: FieldDef | null;
  toRpc: FieldType['toRpc'];
  translate: boolean;
}

/**
 * A many2one whose target's display name is a column: the target's table is LEFT JOINed on the
 * id (one row at most), read as superuser as every many2one name is, its id and name selected.
 */
interface NameJoin {
  field: FieldDef;
  /** The target's table under its own alias, and the aliases of its id and name in the row. */
  table: string;
  alias: string;
  idAs: string;
  nameAs: string;
  name: FieldDef;
}

/** What a read of some fields of a model needs, worked out once per (model, field list). */
interface ReadPlan {
  defs: FieldDef[];
  /** The columns selected, and their part of a statement's shape. */
  columns: FieldDef[];
  columnsShape: string;
  outs: Out[];
  joins: NameJoin[];
}

const plans = new WeakMap<RuntimeModel, Map<string, ReadPlan>>();
/** Field lists kept per model: far more than the lists clients and views read. */
const MAX_PLANS = 200;

function readPlan(env: CallEnv, model: RuntimeModel, names: string[], withNames: boolean): ReadPlan {
  let byNames = plans.get(model);
  if (!byNames) {
    byNames = new Map();
    plans.set(model, byNames);
  }
  const key = `${withNames ? 'n' : 'i'}:${names.join(',')}`;
  let plan = byNames.get(key);
  if (!plan) {
    plan = makePlan(model, names, withNames ? (f) => nameJoin(env, f) : () => null);
    if (byNames.size >= MAX_PLANS) byNames.clear();
    byNames.set(key, plan);
  }
  return plan;
}

function nameJoin(env: CallEnv, f: FieldDef): NameJoin | null {
  if (!fieldType(f).holdsId || !isStored(f) || !f.comodel) return null;
  const target = env.registry.model(f.comodel);
  if (target.displayNameField === null) return null;
  return {
    field: f, table: target.table, alias: `__name_${f.name}`, idAs: `__name_${f.name}_id`,
    nameAs: `__name_${f.name}_name`, name: target.fields[target.displayNameField],
  };
}

function makePlan(model: RuntimeModel, names: string[], join: (f: FieldDef) => NameJoin | null): ReadPlan {
  const defs = names.map((n) => model.fields[n]).filter((f): f is FieldDef => f !== undefined);
  const columns = new Map<string, FieldDef>();
  for (const f of defs) {
    if (!fieldType(f).writeOnly && isStored(f)) columns.set(f.name, f);
  }
  if (names.includes(LAST_UPDATE)) {
    columns.set('write_date', model.fields.write_date);
    columns.set('create_date', model.fields.create_date);
  }
  const outs = names.map((name): Out => {
    const f = model.fields[name];
    if (!f) return { name, field: null, toRpc: fieldType(model.fields.write_date).toRpc, translate: false };
    return { name, field: f, toRpc: fieldType(f).toRpc, translate: !!f.translate };
  });
  const joins = defs.map(join).filter((j): j is NameJoin => j !== null);
  const shape = [...columns.keys()].join(',') + (joins.length ? `+names:${joins.map((j) => j.field.name).join(',')}` : '');
  return { defs, columns: [...columns.values()], columnsShape: shape, outs, joins };
}

function selection(env: CallEnv, t: string, plan: ReadPlan): Selection {
  return {
    shape: plan.columnsShape,
    addTo(qb) {
      qb.select(`${t}.id`, ...plan.columns.filter((f) => f.name !== 'id').map((f) => selectColumn(env, t, f)));
      for (const j of plan.joins) {
        qb.leftJoin(`${j.table} as ${j.alias}`, `${j.alias}.id`, `${t}.${j.field.name}`)
          .select(`${j.alias}.id as ${j.idAs}`, `${j.alias}.${j.name.name} as ${j.nameAs}`);
      }
    },
  };
}

/** The source's rows by id, in its order (a join of its ORDER BY may repeat a row: kept once). */
async function sourceRows(env: CallEnv, model: RuntimeModel, source: RowSource, plan: ReadPlan): Promise<Map<number, Record<string, unknown>>> {
  const rows = new Map<number, Record<string, unknown>>();
  for (const row of await source(selection(env, model.table, plan))) {
    const id = Number(row.id);
    if (!rows.has(id)) rows.set(id, row);
  }
  return rows;
}

async function fetchRows(env: CallEnv, model: RuntimeModel, ids: number[], plan: ReadPlan): Promise<Map<number, Record<string, unknown>>> {
  const t = model.table;
  const rules = await ruleStep(env, model, 'read');
  const select = selection(env, t, plan);
  const rows = new Map<number, Record<string, unknown>>();
  for (const part of chunked(ids)) {
    const shape = rules.shape === null ? null : `read:${model.name}:${plan.columnsShape}:${part.length}:${rules.shape}`;
    const found = await selectRows(env, shape, async () => {
      const qb = env.cr(t);
      select.addTo(qb);
      qb.whereIn(`${t}.id`, slots(part.length));
      await rules.apply(qb, t);
      return { qb };
    }, part);
    for (const row of found) rows.set(Number(row.id), row);
  }
  return rows;
}

/** Many2one values whose names came joined into the rows: `[id, name]`, or false. */
function joinedNames(env: CallEnv, j: NameJoin, ids: number[], rows: Map<number, Record<string, unknown>>): Map<number, RpcValue> {
  const lang = j.name.translate ? contextLang(env.context) : null;
  return new Map(ids.map((id): [number, RpcValue] => {
    const row = rows.get(id)!;
    const target = row[j.idAs];
    // A dangling reference (target gone without a foreign key) reads as empty.
    if (target === null || target === undefined) return [id, false];
    const v = row[j.nameAs];
    const name = v === null || v === undefined ? '' : String(v);
    return [id, [Number(target), lang ? env.registry.translate(name, lang) : name]];
  }));
}

/** Values that need other queries (or joined columns), per field name then per id. */
async function relationalValues(
  env: CallEnv, model: RuntimeModel, plan: ReadPlan, ids: number[],
  rows: Map<number, Record<string, unknown>>, opts: ReadOptions,
): Promise<Map<string, Map<number, RpcValue>>> {
  const out = new Map<string, Map<number, RpcValue>>();
  if (!ids.length) return out;
  for (const j of plan.joins) out.set(j.field.name, joinedNames(env, j, ids, rows));
  const m2oByComodel = new Map<string, FieldDef[]>();
  const x2many: FieldDef[] = [];
  for (const f of plan.defs) {
    if (out.has(f.name)) continue;
    if (f.related && !isStored(f)) out.set(f.name, await relatedValues(env, model, f, ids, readRecords));
    else if (f.compute && !isStored(f)) out.set(f.name, await computedValues(env, f, ids));
    else if (fieldType(f).x2many) x2many.push(f);
    else if (fieldType(f).holdsId && opts.load !== '_classic_write') {
      m2oByComodel.set(f.comodel!, [...(m2oByComodel.get(f.comodel!) ?? []), f]);
    }
  }
  for (const [name, lists] of await x2manyIds(env, model, x2many, ids)) out.set(name, lists);
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
