// Stored computed fields (FieldDef.storedCompute): made before a row is inserted, from the values
// inserted and the many2one targets the reference check reads anyway (no statement of their own);
// made again after a write changes what they depend on, on the written records and on the records
// whose many2one points at them, and on, while values change (a stored value may feed another).
import type { RpcValue } from '../../values';
import type { CallEnv } from '../call-env';
import type { FieldDef, Registry, RuntimeModel } from '../model-types';
import { fieldType } from '../fields';
import { chunked } from './common';

/** A stored compute of `model` that reads fields of the records its many2one `via` points at. */
interface Dependent {
  model: RuntimeModel;
  field: FieldDef;
  via: string;
  /** The target's fields it reads. */
  reads: string[];
}

/** Rows of a many2one's target by id, with the columns stored computes read (see checkReferences). */
export type TargetRows = Map<string, Map<number, Record<string, unknown>>>;

/** Past this many steps of values feeding values, a chain is taken to be a loop and left there. */
const MAX_CASCADE = 32;

const computedByModel = new WeakMap<RuntimeModel, FieldDef[]>();
const dependentsByRegistry = new WeakMap<Registry, Map<string, Dependent[]>>();

/**
 * The fields declared with `storedCompute`, the one kind of stored computed field: a pure function
 * of the fields its `depends` names, kept up to date as they change (here). A `compute` field is
 * computed when read and never stored.
 */
export function storedComputeFields(model: RuntimeModel): FieldDef[] {
  let out = computedByModel.get(model);
  if (!out) {
    out = Object.values(model.fields).filter((f) => f.storedCompute);
    computedByModel.set(model, out);
  }
  return out;
}

const split = (path: string): [string, string | undefined] => {
  const [head, tail] = path.split('.');
  return [head, tail];
};

/** Stored computes of any model that read fields of `target` through a many2one. */
function dependentsOn(registry: Registry, target: string): Dependent[] {
  let byTarget = dependentsByRegistry.get(registry);
  if (!byTarget) {
    byTarget = new Map();
    for (const model of registry.models.values()) {
      for (const field of storedComputeFields(model)) {
        const reads = new Map<string, string[]>();
        for (const [head, tail] of field.storedCompute!.depends.map(split)) {
          if (tail !== undefined) reads.set(head, [...(reads.get(head) ?? []), tail]);
        }
        for (const [via, fields] of reads) {
          const comodel = model.fields[via].comodel!;
          byTarget.set(comodel, [...(byTarget.get(comodel) ?? []), { model, field, via, reads: fields }]);
        }
      }
    }
    dependentsByRegistry.set(registry, byTarget);
  }
  return byTarget.get(target) ?? [];
}

/** Per target model, the columns the stored computes of `model` read through its many2one fields. */
export function targetColumns(model: RuntimeModel): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const f of storedComputeFields(model)) {
    for (const [head, tail] of f.storedCompute!.depends.map(split)) {
      if (tail === undefined) continue;
      const comodel = model.fields[head].comodel!;
      out.set(comodel, (out.get(comodel) ?? new Set()).add(tail));
    }
  }
  return out;
}

function rpc(env: CallEnv, field: FieldDef, raw: unknown): RpcValue {
  return fieldType(field).toRpc(raw ?? null, field, { compat: env.compat, context: env.context });
}

/** The column value of stored compute `f` for a row, given its own columns and how to find a target's. */
function columnValue(
  env: CallEnv, model: RuntimeModel, f: FieldDef, own: (name: string) => unknown,
  target: (via: string, name: string) => unknown | undefined,
): unknown {
  const deps: Record<string, RpcValue> = {};
  for (const path of f.storedCompute!.depends) {
    const [head, tail] = split(path);
    if (tail === undefined) {
      deps[path] = rpc(env, model.fields[head], own(head));
      continue;
    }
    const co = env.registry.model(model.fields[head].comodel!);
    const raw = target(head, tail);
    deps[path] = raw === undefined ? false : rpc(env, co.fields[tail], raw);
  }
  return fieldType(f).toColumn(f.storedCompute!.value(deps) ?? false, f, model.name);
}

/** Sets the stored computes of a row about to be inserted (whatever the values gave for them). */
export function computeForInsert(env: CallEnv, model: RuntimeModel, columns: Record<string, unknown>, targets: TargetRows): void {
  for (const f of storedComputeFields(model)) {
    columns[f.name] = columnValue(env, model, f, (name) => columns[name], (via, name) => {
      const id = columns[via];
      if (id === null || id === undefined) return undefined;
      const row = targets.get(model.fields[via].comodel!)?.get(Number(id));
      return row ? (row[name] ?? null) : undefined;
    });
  }
}

/**
 * After a write of `written` (columns) on `ids`: the stored computes that read them, on these
 * records and on those pointing at them, made again and written where they changed.
 */
export async function recomputeAfterWrite(env: CallEnv, model: RuntimeModel, ids: number[], written: string[], depth = 0): Promise<void> {
  if (!ids.length || depth > MAX_CASCADE) return;
  const { own, dependents } = fedBy(env.registry, model, written);
  if (own.length) await recompute(env, model, own, 'id', ids, depth);
  for (const d of dependents) await recompute(env, d.model, [d.field], d.via, ids, depth);
}

/** The stored computes a write of `written` on `model` changes: its own, and those reading it through a many2one. */
function fedBy(registry: Registry, model: RuntimeModel, written: string[]): { own: FieldDef[]; dependents: Dependent[] } {
  const changed = new Set(written);
  return {
    own: storedComputeFields(model).filter((f) => f.storedCompute!.depends.some((p) => changed.has(split(p)[0]))),
    dependents: dependentsOn(registry, model.name).filter((d) => d.reads.some((name) => changed.has(name))),
  };
}

/** Whether writing `written` on `model` makes stored computes change (then more than its UPDATE follows). */
export function feedsStoredComputes(registry: Registry, model: RuntimeModel, written: string[]): boolean {
  const { own, dependents } = fedBy(registry, model, written);
  return own.length > 0 || dependents.length > 0;
}

/**
 * Reads what `fields` of the rows whose `key` is in `keys` depend on (one query per chunk, the
 * targets joined), writes the values that changed, then follows them to what they feed.
 */
async function recompute(env: CallEnv, model: RuntimeModel, fields: FieldDef[], key: string, keys: number[], depth: number): Promise<void> {
  const ownCols = new Set<string>(['id', ...fields.map((f) => f.name)]);
  const joins = new Map<string, { alias: string; table: string; cols: Map<string, string> }>();
  for (const f of fields) {
    for (const [head, tail] of f.storedCompute!.depends.map(split)) {
      ownCols.add(head);
      if (tail === undefined) continue;
      const j = joins.get(head) ?? { alias: `_sc${joins.size}`, table: env.registry.model(model.fields[head].comodel!).table, cols: new Map() };
      j.cols.set(tail, `${j.alias}_${j.cols.size}`);
      joins.set(head, j);
    }
  }
  const updates = new Map<FieldDef, Map<number, unknown>>(fields.map((f) => [f, new Map()]));
  for (const part of chunked(keys)) {
    const q = env.cr(`${model.table} as _sc`).whereIn(`_sc.${key}`, part)
      .select([...ownCols].map((c) => `_sc.${c}`));
    for (const [via, j] of joins) {
      q.leftJoin(`${j.table} as ${j.alias}`, `${j.alias}.id`, `_sc.${via}`);
      for (const [name, as] of j.cols) q.select(`${j.alias}.${name} as ${as}`);
      q.select(`${j.alias}.id as ${j.alias}_id`);
    }
    const rows = (await q) as Record<string, unknown>[];
    for (const row of rows) {
      for (const f of fields) {
        const value = columnValue(env, model, f, (name) => row[name], (via, name) => {
          const j = joins.get(via)!;
          return row[`${j.alias}_id`] === null || row[`${j.alias}_id`] === undefined ? undefined : (row[j.cols.get(name)!] ?? null);
        });
        if (!sameColumn(value, row[f.name])) updates.get(f)!.set(Number(row.id), value);
      }
    }
  }
  for (const [f, values] of updates) {
    if (!values.size) continue;
    await writeValues(env, model, f, values);
    await recomputeAfterWrite(env, model, [...values.keys()], [f.name], depth + 1);
  }
}

function sameColumn(a: unknown, b: unknown): boolean {
  if (a === null || a === undefined) return b === null || b === undefined;
  if (b === null || b === undefined) return false;
  if (typeof a === 'boolean') return a === (b === true || b === 1);
  return String(a) === String(b);
}

/** One UPDATE per distinct value, or for text one UPDATE per chunk with the values in a CASE. */
async function writeValues(env: CallEnv, model: RuntimeModel, f: FieldDef, values: Map<number, unknown>): Promise<void> {
  const byValue = new Map<string, { value: unknown; ids: number[] }>();
  for (const [id, value] of values) {
    const k = JSON.stringify(value);
    const entry = byValue.get(k) ?? { value, ids: [] };
    entry.ids.push(id);
    byValue.set(k, entry);
  }
  if (byValue.size === 1 || !fieldType(f).textual) {
    for (const { value, ids } of byValue.values()) {
      for (const part of chunked(ids)) await env.cr(model.table).whereIn('id', part).update({ [f.name]: value });
    }
    return;
  }
  // text: both backends take a CASE of bound strings for a text column
  for (const part of chunked([...values.keys()], 300)) {
    const bindings: unknown[] = [];
    const cases = part.map((id) => {
      bindings.push(id, values.get(id) ?? null);
      return 'WHEN ? THEN ?';
    });
    await env.cr(model.table).whereIn('id', part)
      .update({ [f.name]: env.cr.raw(`CASE ?? ${cases.join(' ')} END`, [`${model.table}.id`, ...bindings] as never[]) });
  }
}
