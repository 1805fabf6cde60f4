// Leaves on relational fields: many2one compared with names, one2many/many2many terms, and
// child_of/parent_of. Each becomes a set test (`col IN (...)`) over a sub-search, the way 7.0
// turns them into searches on the comodel.
import { CallError } from '../../errors';
import type { FieldDef } from '../model-types';
import { and, FALSE, inList, isNull, link, member, not, or } from './expr';
import { comodelOf, findField } from './fields';
import { lowerScalar } from './lower-scalar';
import { NEGATIVE_OPERATORS } from './normalize';
import type { DomainExpr, DomainModel, DomainParseContext, IdSet, LinkSpec } from './types';

/** What the relational lowering needs from the parser: sub-searches on other models. */
export interface SubSearcher {
  /** The records of `model` matching `raw`, with its active filter and record rules. */
  search(model: DomainModel, raw: unknown[], ctx: DomainParseContext): IdSet;
  /** The filter a search with an empty domain applies (active records, record rules). */
  baseFilter(model: DomainModel, ctx: DomainParseContext): DomainExpr;
}

export interface RelLeaf {
  column: string;
  field: FieldDef;
  op: string;
  value: unknown;
  model: DomainModel;
  ctx: DomainParseContext;
  bad: () => Error;
}

const POSITIVE: Record<string, string> = { '!=': '=', 'not in': 'in', 'not like': 'like', 'not ilike': 'ilike' };

export function linkSpec(model: DomainModel, field: FieldDef, comodel: DomainModel): LinkSpec {
  if (field.type === 'many2many') {
    if (!field.relation || !field.column1 || !field.column2) {
      throw new CallError(`Field '${field.name}' on model '${model.name}' has no relation table`);
    }
    return { table: field.relation, from: field.column1, to: field.column2 };
  }
  const inverse = field.inverseName ? findField(comodel, field.inverseName) : null;
  if (!inverse || inverse.type !== 'many2one') {
    throw new CallError(`Field '${field.name}' on model '${model.name}' has no inverse many2one`);
  }
  return { table: comodel.table, from: inverse.name, to: 'id', model: comodel.name };
}

function split(value: unknown): { ints: number[]; names: string[]; hasNull: boolean } {
  const items = Array.isArray(value) ? value : [value];
  const out = { ints: [] as number[], names: [] as string[], hasNull: false };
  for (const v of items) {
    if (typeof v === 'string') out.names.push(v);
    else if (typeof v === 'number') {
      if (Number.isSafeInteger(v)) out.ints.push(v); // no record has a fractional id
    }
    else if (v === null || v === false || v === undefined) out.hasNull = true;
  }
  return out;
}

/** many2one: ids compare with the column; names go through the comodel's `recName`. */
export function lowerMany2one(l: RelLeaf, sub: SubSearcher): DomainExpr {
  const { names } = split(l.value);
  if (names.length === 0) return lowerScalar(l.column, l.field, l.op, l.value, l.ctx.negativeOpsIncludeNull, l.bad);
  const comodel = comodelOf(l.field, l.ctx.getModel);
  const negative = NEGATIVE_OPERATORS.has(l.op);
  // 7.0 resolves names with name_search, which does not filter on `active`
  const nameCtx = { ...l.ctx, activeTest: false };
  const nameValue = Array.isArray(l.value) ? names : names[0];
  let byName = member(l.column, sub.search(comodel, [[comodel.recName, l.op, nameValue]], nameCtx));
  if (negative) byName = or(byName, isNull(l.column));
  if (!Array.isArray(l.value) || names.length === l.value.length) return byName;
  const rest = l.value.filter((v) => typeof v !== 'string');
  const byId = lowerScalar(l.column, l.field, l.op, rest, l.ctx.negativeOpsIncludeNull, l.bad);
  return negative ? and(byName, byId) : or(byName, byId);
}

/**
 * one2many / many2many: `in` ids means linked to any of them, a negative operator means linked
 * to none (records without links included), False means "no links", names go through the
 * comodel's `recName`.
 */
export function lowerX2many(l: RelLeaf, sub: SubSearcher): DomainExpr {
  const comodel = comodelOf(l.field, l.ctx.getModel);
  const spec = linkSpec(l.model, l.field, comodel);
  const negative = NEGATIVE_OPERATORS.has(l.op);
  const op = POSITIVE[l.op] ?? l.op;
  const anyLink = link(spec, null);
  let positive: DomainExpr;
  if (l.value === null || l.value === false || l.value === true) {
    positive = l.value === true ? anyLink : not(anyLink);
  } else if (op === '<' || op === '<=' || op === '>' || op === '>=') {
    if (typeof l.value !== 'number') throw l.bad();
    // compared with the linked ids themselves, as 7.0 does: no active filter, no rules
    const where = lowerScalar('id', findField(comodel, 'id') as FieldDef, op, l.value, false, l.bad);
    positive = link(spec, { kind: 'search', model: comodel, where });
  } else if (op === 'like' || op === 'ilike' || op === '=like' || op === '=ilike') {
    const text = typeof l.value === 'string' ? l.value : String(l.value);
    positive = link(spec, sub.search(comodel, [[comodel.recName, op, text]], l.ctx));
  } else {
    const { ints, names, hasNull } = split(l.value);
    const parts: DomainExpr[] = [];
    if (ints.length) parts.push(link(spec, { kind: 'ids', ids: ints }));
    if (names.length) {
      const nameValue = Array.isArray(l.value) ? names : names[0];
      parts.push(link(spec, sub.search(comodel, [[comodel.recName, op, nameValue]], l.ctx)));
    }
    if (hasNull) parts.push(not(anyLink));
    positive = or(...parts);
  }
  return negative ? not(positive) : positive;
}

/** The ids a child_of/parent_of value names: ids as given, names by `recName ilike`. */
function seedFilter(value: unknown, target: DomainModel, ctx: DomainParseContext, sub: SubSearcher): DomainExpr {
  const { ints, names } = split(value);
  const parts: DomainExpr[] = [inList('id', ints)];
  for (const name of names) parts.push(member('id', sub.search(target, [[target.recName, 'ilike', name]], ctx)));
  return or(...parts);
}

/**
 * child_of / parent_of. On `id` (or a many2one to the model itself, which then serves as the
 * parent field) the records themselves are in the tree; on a many2one to another model its
 * value must be; on an x2many one of the linked records must be.
 */
export function lowerHierarchy(l: RelLeaf, sub: SubSearcher): DomainExpr {
  const { field, model, ctx } = l;
  let target = model;
  let parentColumn = model.parentName;
  let onSelf = l.column === 'id';
  if (!onSelf) {
    if (field.type !== 'many2one' && field.type !== 'one2many' && field.type !== 'many2many') throw l.bad();
    target = comodelOf(field, ctx.getModel);
    onSelf = field.type === 'many2one' && target.name === model.name;
    parentColumn = onSelf ? l.column : target.parentName;
  }
  const parent = findField(target, parentColumn);
  if (!parent || parent.type !== 'many2one' || parent.comodel !== target.name) {
    throw new CallError(`Invalid parent field '${parentColumn}' on model '${target.name}'`);
  }
  const seed = seedFilter(l.value, target, ctx, sub);
  if (seed.kind === 'const' && !seed.value) return FALSE;
  const tree: IdSet = {
    kind: 'tree', model: target, parentColumn, up: l.op === 'parent_of', seed, step: sub.baseFilter(target, ctx),
  };
  if (onSelf) return member('id', tree);
  if (field.type === 'many2one') return member(l.column, tree);
  return link(linkSpec(model, field, target), tree);
}
