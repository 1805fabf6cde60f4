// The x2many write commands of PROTOCOL §6, with their distinct one2many and many2many meanings.
// A bare list of ids on a many2many is (6, 0, ids); items that are not lists are skipped.
import { CallError } from '../../errors';
import { Double, isStruct } from '../../values';
import type { FieldDef } from '../model-types';
import type { Vals } from '../env-types';
import type { CallEnv } from '../call-env';
import type { RuntimeModel } from '../registry';
import { applyDomain, domainContext } from '../domain-api';
import { pyRepr } from '../py-repr';
import { fieldType } from '../fields';
import { CHUNK, chunked, missingError, normalizeIds, ruleDomain, ruleFilter } from './common';
import type { WriteOptions } from './prepare-vals';
import { unlinkRecords } from './unlink';

/** save.ts's create and write, handed in: the lines of an x2many are saved like any record. */
export interface Saves {
  create(env: CallEnv, model: RuntimeModel, vals: unknown, opts: WriteOptions & { preset?: Vals }): Promise<number>;
  write(env: CallEnv, model: RuntimeModel, ids: number[], vals: unknown, opts?: WriteOptions): Promise<true>;
}

type Command = [number, number, unknown];

function parseCommands(model: RuntimeModel, field: FieldDef, value: unknown): Command[] {
  if (value === false || value === null || value === undefined) return [];
  if (!Array.isArray(value)) {
    throw new CallError(`Invalid value ${pyRepr(value)} for ${model.name}.${field.name}: expected a list of commands`, 'ValueError');
  }
  const asNumber = (v: unknown) => (v instanceof Double ? v.value : v);
  if (fieldType(field).linkTable && value.length && value.every((v) => typeof asNumber(v) === 'number')) {
    return [[6, 0, value]];
  }
  const out: Command[] = [];
  for (const item of value) {
    if (!Array.isArray(item) || !item.length) continue;
    const code = asNumber(item[0]);
    if (typeof code !== 'number' || !Number.isInteger(code) || code < 0 || code > 6) {
      throw new CallError(`Invalid command ${pyRepr(item)} for ${model.name}.${field.name}`, 'ValueError');
    }
    const id = asNumber(item[1]);
    if (code >= 1 && code <= 4 && (typeof id !== 'number' || !Number.isInteger(id))) {
      throw new CallError(`Invalid command ${pyRepr(item)} for ${model.name}.${field.name}: the id must be an integer`, 'ValueError');
    }
    if ((code === 0 || code === 1) && !isStruct(item[2])) {
      throw new CallError(`Invalid command ${pyRepr(item)} for ${model.name}.${field.name}: values must be a dictionary`, 'ValueError');
    }
    out.push([code, typeof id === 'number' ? id : 0, item[2]]);
  }
  return out;
}

/**
 * Applies the commands of `value` in order. `linksNone`: the owners are new and nothing linked
 * them through this field's table yet, so its first command has no link to remove or skip.
 */
export async function applyX2many(
  env: CallEnv, model: RuntimeModel, owners: number[], field: FieldDef, value: unknown, opts: WriteOptions, saves: Saves,
  linksNone = false,
): Promise<void> {
  const co = env.registry.model(field.comodel!);
  for (const [code, id, arg] of parseCommands(model, field, value)) {
    if (fieldType(field).linkTable) await many2many(env, co, owners, field, [code, id, arg], opts, saves, linksNone);
    else await one2many(env, co, owners, field, [code, id, arg], opts, saves);
    linksNone = false;
  }
}

/**
 * Whether an x2many value only links and unlinks on its own relation table (commands 3 to 6 of a
 * many2many): it saves no other record, so it runs no other model's code.
 */
export function onlyLinks(field: FieldDef, value: unknown, model: RuntimeModel): boolean {
  if (!fieldType(field).linkTable) return false;
  return parseCommands(model, field, value).every(([code]) => code >= 3);
}

/** Links a new record's x2many value makes to existing records of `co` through its own table. */
export interface NewLinks {
  field: FieldDef;
  co: RuntimeModel;
  targets: number[];
}

/**
 * What the x2many values of a new record do when each is a many2many set or link list alone
 * ((6, 0, ids), a bare list of ids, or (4, id) commands) on a table no other of them uses: links
 * to add, and nothing else. Null when any does more (creates, writes, unlinks), or when its
 * commands are not valid (the usual path then says why).
 */
export function newLinks(env: CallEnv, model: RuntimeModel, x2many: { field: FieldDef; value: unknown }[]): NewLinks[] | null {
  const out: NewLinks[] = [];
  const tables = new Set<string>();
  try {
    for (const { field, value } of x2many) {
      if (!fieldType(field).linkTable || tables.has(field.relation!)) return null;
      tables.add(field.relation!);
      const commands = parseCommands(model, field, value);
      if (commands.some(([code], i) => code !== 4 && !(code === 6 && i === 0))) return null;
      const targets = commands.length && commands[0][0] === 6 ? normalizeIds(commands[0][2]) : [];
      for (const [code, id] of commands) if (code === 4 && !targets.includes(id)) targets.push(id);
      if (targets.length > CHUNK) return null;
      if (targets.length) out.push({ field, co: env.registry.model(field.comodel!), targets });
    }
  } catch {
    return null;
  }
  return out;
}

async function one2many(
  env: CallEnv, co: RuntimeModel, owners: number[], field: FieldDef, [code, id, arg]: Command, opts: WriteOptions, saves: Saves,
): Promise<void> {
  const { create: createRecord, write: writeRecords } = saves;
  const inverse = field.inverseName!;
  const cascade = co.fields[inverse].ondelete === 'cascade';
  // Cutting a child: deleted when its link to the parent cascades, else its link is emptied.
  const cut = async (ids: number[]) => {
    if (!ids.length) return;
    if (cascade) await unlinkRecords(env, co, ids);
    else await writeRecords(env, co, ids, { [inverse]: false }, { internal: true });
  };
  switch (code) {
    case 0:
      for (const owner of owners) await createRecord(env, co, arg as Vals, { ...opts, preset: { [inverse]: owner } });
      return;
    case 1: await writeRecords(env, co, [id], arg as Vals, opts); return;
    case 2: await unlinkRecords(env, co, [id]); return;
    case 3: await cut([id]); return;
    case 4: await writeRecords(env, co, [id], { [inverse]: owners[owners.length - 1] }, { internal: true }); return;
    case 5: await cut(await currentChildren(env, co, field, owners)); return;
    default: {
      const wanted = normalizeIds(arg);
      for (const owner of owners) {
        const current = await currentChildren(env, co, field, [owner]);
        await cut(current.filter((c) => !wanted.includes(c)));
        const toLink = wanted.filter((c) => !current.includes(c));
        if (toLink.length) await writeRecords(env, co, toLink, { [inverse]: owner }, { internal: true });
      }
    }
  }
}

async function currentChildren(env: CallEnv, co: RuntimeModel, field: FieldDef, owners: number[]): Promise<number[]> {
  const t = co.table;
  const qb = env.cr(t).select(`${t}.id`).whereIn(`${t}.${field.inverseName!}`, owners);
  if (field.domain?.length) applyDomain(qb, co, field.domain, await domainContext(env, { activeTest: false }), t);
  return ((await qb) as { id: unknown }[]).map((r) => Number(r.id));
}

async function many2many(
  env: CallEnv, co: RuntimeModel, owners: number[], field: FieldDef, [code, id, arg]: Command, opts: WriteOptions, saves: Saves,
  linksNone: boolean,
): Promise<void> {
  const { create: createRecord, write: writeRecords } = saves;
  const rel = field.relation!;
  const [c1, c2] = [field.column1!, field.column2!];
  switch (code) {
    case 0: await link(env, co, field, owners, [await createRecord(env, co, arg as Vals, opts)]); return;
    case 1: await writeRecords(env, co, [id], arg as Vals, opts); return;
    case 2: await unlinkRecords(env, co, [id]); return;
    case 3: await env.cr(rel).whereIn(c1, owners).where(c2, id).delete(); return;
    case 4: await link(env, co, field, owners, [id], linksNone); return;
    case 5: await env.cr(rel).whereIn(c1, owners).delete(); return;
    default: {
      const wanted = normalizeIds(arg);
      if (linksNone) {
        await link(env, co, field, owners, wanted, true);
        return;
      }
      const qb = env.cr(rel).whereIn(c1, owners);
      // As in 7.0, links to records the caller cannot see under the record rules are kept.
      if (await ruleDomain(env, co, 'read')) {
        const visible = env.cr(co.table).select(`${co.table}.id`);
        (await ruleFilter(env, co, 'read'))(visible, co.table);
        qb.whereIn(c2, visible);
      }
      await qb.delete();
      await link(env, co, field, owners, wanted);
    }
  }
}

/**
 * Adds the missing (owner, target) links in batches; every target must exist. When the owners have
 * no link yet (`linksNone`), one INSERT ... SELECT per owner links the targets that exist, and a
 * short count names the missing ones (the fault rolls the links back with the rest of the change).
 */
async function link(
  env: CallEnv, co: RuntimeModel, field: FieldDef, owners: number[], targets: number[], linksNone = false,
): Promise<void> {
  if (!owners.length || !targets.length) return;
  if (linksNone && targets.length <= CHUNK) {
    let complete = true;
    for (const owner of owners) complete = (await linkExisting(env, co, field, owner, targets)) === targets.length && complete;
    if (complete) return;
    const found = new Set(((await env.cr(co.table).select('id').whereIn('id', targets)) as { id: unknown }[]).map((r) => Number(r.id)));
    throw missingError(env, co.name, targets.filter((t) => !found.has(t)));
  }
  const found = new Set<number>();
  for (const part of chunked(targets)) {
    for (const r of (await env.cr(co.table).select('id').whereIn('id', part)) as { id: unknown }[]) found.add(Number(r.id));
  }
  const missing = targets.filter((t) => !found.has(t));
  if (missing.length) throw missingError(env, co.name, missing);
  const rel = field.relation!;
  const [c1, c2] = [field.column1!, field.column2!];
  const existing = new Set<string>();
  for (const part of chunked(owners)) {
    const rows = (await env.cr(rel).select(c1, c2).whereIn(c1, part).whereIn(c2, targets)) as Record<string, unknown>[];
    for (const r of rows) existing.add(`${Number(r[c1])},${Number(r[c2])}`);
  }
  const rows = owners.flatMap((o) => targets.filter((t) => !existing.has(`${o},${t}`)).map((t) => ({ [c1]: o, [c2]: t })));
  for (const part of chunked(rows, 400)) await env.cr(rel).insert(part);
}

/** Links `owner` to those of `targets` (distinct ids) that exist, in one statement; returns how many. */
async function linkExisting(env: CallEnv, co: RuntimeModel, field: FieldDef, owner: number, targets: number[]): Promise<number> {
  const marks = targets.map(() => '?').join(', ');
  const result = await env.cr.raw(
    `insert into ?? (??, ??) select cast(? as integer), ?? from ?? where ?? in (${marks})`,
    [field.relation!, field.column1!, field.column2!, owner, 'id', co.table, 'id', ...targets],
  ) as { rowCount?: number; changes?: number };
  return Number(result.rowCount ?? result.changes ?? 0);
}
