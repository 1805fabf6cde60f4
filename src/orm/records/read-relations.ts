// The parts of a read that come from other tables: display names of many2one targets (one
// query per target model), x2many id lists (one query for all the fields), related and computed
// fields (one batch per field). Never one query per record. Reading another model's rows goes
// through the reader read.ts hands in, so this file sits below it.
import type { RpcStruct, RpcValue } from '../../values';
import type { FieldDef } from '../model-types';
import type { CallEnv } from '../call-env';
import type { RuntimeModel } from '../registry';
import { applyDomain, domainContext, orderClauses, parseOrder } from '../domain-api';
import { chunked } from './common';
import { ruleStep, selectRows, slots, type Built, type Slot } from './statements';
import { fieldType, isStored } from '../fields';

/** read.ts's readRecords, handed in by the callers. */
export type ReadRows = (
  env: CallEnv, model: RuntimeModel, ids: number[], fields: string[], opts: { load?: string },
) => Promise<RpcStruct[]>;

/** `{id: name}` for the records of `model`, read as superuser (a many2one shows its name anyway). */
export async function displayNames(
  env: CallEnv, model: RuntimeModel, ids: number[], readRecords: ReadRows,
): Promise<Map<number, string>> {
  const out = new Map<number, string>();
  if (!ids.length) return out;
  if (model.displayNameField !== null) {
    const field = model.displayNameField;
    for (const row of await readRecords(env.sudo(), model, ids, [field], {})) {
      const v = row[field];
      out.set(Number(row.id), v === false || v === null ? '' : String(v));
    }
    return out;
  }
  // A computed display_name is the name (Odoo's `value.sudo().display_name`): its compute reads the
  // rows it names, so the name_get that reads it needs no look at the targets first.
  const shown = model.fields.display_name;
  if (shown?.compute && !isStored(shown)) {
    const names = await shown.compute(env.sudo(), ids);
    for (const id of ids) {
      const v = names.get(id);
      if (v !== undefined && v !== null) out.set(id, v === false ? '' : String(v));
    }
    return out;
  }
  const custom = model.methods.name_get;
  if (custom) {
    const pairs = (await custom.fn(env.sudo(), { ids })) as [number, string][];
    for (const [id, name] of pairs ?? []) out.set(Number(id), String(name));
    return out;
  }
  if (model.recName === 'id') {
    const rows = await readRecords(env.sudo(), model, ids, ['id'], {});
    for (const row of rows) out.set(Number(row.id), `${model.name},${String(row.id)}`);
    return out;
  }
  // A recName that is not a plain column (a many2one, a selection...) shows as read.
  const rows = await readRecords(env.sudo(), model, ids, [model.recName], {});
  for (const row of rows) {
    const v = row[model.recName];
    out.set(Number(row.id), Array.isArray(v) ? String(v[1]) : v === false || v === null ? '' : String(v));
  }
  return out;
}

/** The part of an x2many field in the statement of a read's x2many lists. */
interface X2manyPart {
  /** Null: nothing is kept of the statement (rules or domain without a plain shape). */
  shape: string | null;
  build(tag: number, owners: Slot[]): Promise<Built>;
}

async function x2manyPart(env: CallEnv, field: FieldDef): Promise<X2manyPart> {
  const co = env.registry.model(field.comodel!);
  const ctx = await domainContext(env, { domains: [{ model: co, domain: field.domain ?? [] }] });
  const rules = await ruleStep(env, co, 'read');
  const t = co.table;
  return {
    shape: ctx.shape === undefined || rules.shape === null ? null : `${field.name}:${ctx.shape}:${rules.shape}`,
    async build(tag, owners) {
      let qb;
      let owner: string;
      if (!fieldType(field).linkTable) {
        owner = `${t}.${field.inverseName!}`;
        qb = env.cr(t);
      } else {
        const rel = field.relation!;
        owner = `${rel}.${field.column1!}`;
        qb = env.cr(rel).join(t, `${t}.id`, `${rel}.${field.column2!}`);
      }
      qb.whereIn(owner, owners);
      applyDomain(qb, co, field.domain ?? [], ctx, t);
      await rules.apply(qb, t);
      // One row per owner: its targets' ids as text, in the comodel's order.
      const order = orderClauses(qb, co, parseOrder(null, co, ctx), ctx, t);
      const by = order.length ? ` order by ${order.join(', ')}` : '';
      const list = env.backend === 'pg' ? `string_agg(cast(?? as text), ','${by})` : `group_concat(??, ','${by})`;
      return { qb: qb.select(env.cr.raw(`${tag} as tag`), `${owner} as owner`, env.cr.raw(`${list} as ids`, [`${t}.id`])).groupBy(owner) };
    },
  };
}

/**
 * For each one2many or many2many field, for each owner id, the ids of its targets in the
 * comodel's order: one statement for all the fields (a UNION ALL of one part per field, each
 * answering one row per owner with its list).
 */
export async function x2manyIds(
  env: CallEnv, model: RuntimeModel, fields: FieldDef[], ids: number[],
): Promise<Map<string, Map<number, number[]>>> {
  const out = new Map(fields.map((f) => [f.name, new Map<number, number[]>(ids.map((id) => [id, []]))]));
  if (!ids.length || !fields.length) return out;
  const parts: X2manyPart[] = [];
  for (const f of fields) parts.push(await x2manyPart(env, f));
  const shapes = parts.map((p) => p.shape);
  const lists = fields.map((f) => out.get(f.name)!);
  for (const chunk of chunked(ids)) {
    const n = chunk.length;
    const shape = shapes.includes(null) ? null : `x2many:${model.name}:${n}:${shapes.join('|')}`;
    const rows = await selectRows<{ tag: unknown; owner: unknown; ids: unknown }>(env, shape, async () => {
      // Each part grouped on its own, inside its own FROM: a compound query's parts cannot group.
      const [first, ...more] = (await Promise.all(parts.map((p, k) => p.build(k, slots(n, k * n)))))
        .map((b, k) => env.cr.select('*').from(b.qb.as(`part${k}`)));
      return { qb: more.length ? first.unionAll(more) : first };
    }, parts.flatMap(() => chunk));
    for (const row of rows) {
      const list = lists[Number(row.tag)].get(Number(row.owner));
      if (list && typeof row.ids === 'string' && row.ids !== '') for (const id of row.ids.split(',')) list.push(Number(id));
    }
  }
  return out;
}

/** Values of a related field (`partner_id.email`), walking the path one query per step. */
export async function relatedValues(
  env: CallEnv, model: RuntimeModel, field: FieldDef, ids: number[], readRecords: ReadRows,
): Promise<Map<number, RpcValue>> {
  const path = field.related!.split('.');
  const su = env.sudo();
  // owner id -> current record id along the path
  let cursor = new Map<number, number | false>(ids.map((id) => [id, id]));
  let current = model;
  for (const step of path.slice(0, -1)) {
    const targets = [...new Set([...cursor.values()].filter((v): v is number => v !== false))];
    const rows = await readRecords(su, current, targets, [step], { load: '_classic_write' });
    const next = new Map<number, number | false>(rows.map((r) => [Number(r.id), r[step] === false ? false : Number(r[step])]));
    cursor = new Map([...cursor].map(([owner, at]): [number, number | false] => [owner, at === false ? false : next.get(at) ?? false]));
    current = env.registry.model(current.fields[step].comodel!);
  }
  const last = path[path.length - 1];
  const targets = [...new Set([...cursor.values()].filter((v): v is number => v !== false))];
  const rows = await readRecords(su, current, targets, [last], {});
  const values = new Map(rows.map((r) => [Number(r.id), r[last]]));
  const empty = fieldType(field).empty();
  return new Map(ids.map((id) => {
    const at = cursor.get(id);
    return [id, at === false || at === undefined ? empty : values.get(at) ?? empty];
  }));
}

/** Values of a computed field, as its compute function returns them (None becomes False). */
export async function computedValues(env: CallEnv, field: FieldDef, ids: number[]): Promise<Map<number, RpcValue>> {
  const got = ids.length ? await field.compute!(env, ids) : new Map<number, unknown>();
  const empty = fieldType(field).empty();
  return new Map(ids.map((id) => {
    const v = got.get(id);
    return [id, v === undefined || v === null ? empty : (v as RpcValue)];
  }));
}
