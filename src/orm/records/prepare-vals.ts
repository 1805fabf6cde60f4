// Turning the `vals` of create/write into column values: unknown fields, read-only fields,
// field groups, type conversion, mandatory fields and many2one targets are all checked here,
// before any SQL that changes data runs.
import { CallError, UserError, ValidationError } from '../../errors';
import { isStruct } from '../../values';
import type { FieldDef } from '../model-types';
import type { Vals } from '../env-types';
import type { CallEnv } from '../call-env';
import type { RuntimeModel } from '../registry';
import { fieldType, isStored, isX2many } from '../fields';
import { isMagic } from '../magic-fields';
import { labelText, langOf } from '../labels';
import { pyRepr } from '../py-repr';
import type { TargetRows } from './stored-compute';
import { CHUNK, chunked, fieldAccessError, fieldAllowed, invalidField, missingError } from './common';
import { marks, quoted, selectSql } from '../../db/select-sql';

export interface WriteOptions {
  /** Server-side write: read-only and magic fields may be set. RPC calls never set this. */
  internal?: boolean;
}

export interface PreparedVals {
  columns: Record<string, unknown>;
  x2many: { field: FieldDef; value: unknown }[];
  /** Related fields: written on the records their path leads to. */
  related: { field: FieldDef; value: unknown }[];
}

/** Keys the server drops silently: the concurrency stamp clients send back. */
const IGNORED = new Set(['__last_update']);

export function asVals(value: unknown): Vals {
  if (!isStruct(value) && !(typeof value === 'object' && value !== null && !Array.isArray(value))) {
    throw new CallError(`Invalid values ${pyRepr(value)}: expected a dictionary`, 'TypeError');
  }
  // No prototype: a `__proto__` key stays a key (then an unknown field), never the object's prototype.
  const out = Object.create(null) as Vals;
  for (const [k, v] of Object.entries(value as Vals)) if (!IGNORED.has(k)) out[k] = v;
  return out;
}

function isWritable(field: FieldDef): boolean {
  if (field.related && !isStored(field)) return true;
  return isStored(field) || (isX2many(field) && !field.compute);
}

export function readonlyError(env: CallEnv, model: RuntimeModel, field: FieldDef): ValidationError {
  const lang = langOf(env.context);
  return new ValidationError(
    `The field "${labelText(field.string, lang)}" (${field.name}) of ${labelText(model.description, lang)} ` +
    `(${model.name}) is read-only and cannot be written.`,
  );
}

/** Checks the keys a caller sent: they exist, may be written by them, and are visible to them. */
export async function checkKeys(env: CallEnv, model: RuntimeModel, vals: Vals, opts: WriteOptions): Promise<void> {
  const denied: string[] = [];
  for (const key of Object.keys(vals)) {
    const f = model.fields[key];
    if (!f) throw invalidField(model, key);
    if (key === 'id' || !isWritable(f)) throw readonlyError(env, model, f);
    if (!opts.internal && (f.readonly || isMagic(key))) throw readonlyError(env, model, f);
    if (!(await fieldAllowed(env, f))) denied.push(key);
  }
  if (denied.length) throw fieldAccessError(env, model, denied, 'write');
}

/** Converts every value to its column form (x2many commands are kept for later). */
export function convertVals(env: CallEnv, model: RuntimeModel, vals: Vals): PreparedVals {
  const out: PreparedVals = { columns: {}, x2many: [], related: [] };
  for (const [key, value] of Object.entries(vals)) {
    const f = model.fields[key];
    if (!f) throw invalidField(model, key);
    if (key === 'id' || !isWritable(f)) throw readonlyError(env, model, f);
    if (f.related && !isStored(f)) out.related.push({ field: f, value });
    else if (isX2many(f)) out.x2many.push({ field: f, value });
    else out.columns[key] = fieldType(f).toColumn(value, f, model.name);
  }
  return out;
}

/** Odoo's text for a mandatory field left empty (the same as for a NOT NULL violation). */
export function mandatoryError(env: CallEnv, model: RuntimeModel, field: FieldDef): UserError {
  const lang = langOf(env.context);
  return new UserError(
    'The operation cannot be completed:\n- Create/update: a mandatory field is not set.\n' +
    '- Delete: another model requires the record being deleted. If possible, archive it instead.\n\n' +
    `Model: ${labelText(model.description, lang)} (${model.name})\n` +
    `Field: ${labelText(field.string, lang)} (${field.name})\n`,
  );
}

/** Required columns: on create every one must be set; on write only those being written. */
export function checkRequired(env: CallEnv, model: RuntimeModel, columns: Record<string, unknown>, creating: boolean): void {
  for (const f of Object.values(model.fields)) {
    if (!f.required || !isStored(f) || isMagic(f.name)) continue;
    if (!creating && !(f.name in columns)) continue;
    const v = columns[f.name];
    if (v === null || v === undefined) throw mandatoryError(env, model, f);
  }
}

/**
 * Every many2one value must name an existing record. `read` adds columns of the targets to the
 * look (what stored computes read of them); the rows found are returned by target model and id.
 * Several target models are looked at in one statement (a UNION of one SELECT per model); the
 * first model in field order with a missing id is the fault.
 */
export async function checkReferences(
  env: CallEnv, model: RuntimeModel, columns: Record<string, unknown>[], read: Map<string, Set<string>> = new Map(),
): Promise<TargetRows> {
  const wanted = referencedIds(model, columns);
  if (!wanted.size) return new Map();
  const found = await foundTargets(env, wanted, read);
  for (const [comodel, ids] of wanted) {
    const missing = [...ids].filter((id) => !found.get(comodel)!.has(id));
    if (missing.length) throw missingError(env, comodel, missing);
  }
  return found;
}

/** The ids the many2one values of `columns` name, by target model in field order. */
export function referencedIds(model: RuntimeModel, columns: Record<string, unknown>[]): Map<string, Set<number>> {
  const wanted = new Map<string, Set<number>>();
  for (const cols of columns) {
    for (const [key, v] of Object.entries(cols)) {
      const f = model.fields[key];
      if (!f || !fieldType(f).holdsId || v === null || v === undefined) continue;
      const set = wanted.get(f.comodel!) ?? new Set<number>();
      set.add(Number(v));
      wanted.set(f.comodel!, set);
    }
  }
  return wanted;
}

/** The rows of `wanted` that exist (with the `read` columns of their model), by model and id. */
export async function foundTargets(
  env: CallEnv, wanted: Map<string, Set<number>>, read: Map<string, Set<string>>,
): Promise<TargetRows> {
  let count = 0;
  for (const ids of wanted.values()) count += ids.size;
  return count <= CHUNK && wanted.size > 1 ? foundTogether(env, wanted, read) : foundApart(env, wanted, read);
}

/** The existing rows of each model, one query per model (and per chunk of ids). */
async function foundApart(env: CallEnv, wanted: Map<string, Set<number>>, read: Map<string, Set<string>>): Promise<TargetRows> {
  const out: TargetRows = new Map();
  for (const [comodel, ids] of wanted) {
    const co = env.registry.model(comodel);
    const cols = ['id', ...(read.get(comodel) ?? [])].map(quoted).join(', ');
    const found = new Map<number, Record<string, unknown>>();
    for (const part of chunked([...ids])) {
      const rows = await selectSql(env.cr, `select ${cols} from ${quoted(co.table)} where "id" in (${marks(part.length)})`, part);
      for (const r of rows) found.set(Number(r.id), r);
    }
    out.set(comodel, found);
  }
  return out;
}

/**
 * The existing rows of every model in one statement: each SELECT is tagged with its model's place
 * and gives its own extra columns in places of their own (NULL in the other models' SELECTs).
 */
async function foundTogether(env: CallEnv, wanted: Map<string, Set<number>>, read: Map<string, Set<string>>): Promise<TargetRows> {
  const models = [...wanted.keys()];
  const extra = models.flatMap((m, i) => [...(read.get(m) ?? [])].map((col) => ({ i, col })));
  const bindings: number[] = [];
  const part = (i: number) => {
    const ids = [...wanted.get(models[i])!];
    bindings.push(...ids);
    const cols = extra.map((e, k) => (e.i === i ? `${quoted(e.col)} as "c${k}"` : `null as "c${k}"`));
    return `select ${i} as "m", "id"${cols.map((c) => `, ${c}`).join('')} from ${quoted(env.registry.model(models[i]).table)} `
      + `where "id" in (${marks(ids.length)})`;
  };
  const sql = models.map((_, i) => part(i)).join(' union all ');
  const out: TargetRows = new Map(models.map((m) => [m, new Map()]));
  for (const r of await selectSql(env.cr, sql, bindings)) {
    const i = Number(r.m);
    const row: Record<string, unknown> = { id: r.id };
    extra.forEach((e, k) => { if (e.i === i) row[e.col] = r[`c${k}`]; });
    out.get(models[i])!.set(Number(r.id), row);
  }
  return out;
}
