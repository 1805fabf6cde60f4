// Parsing read_group's arguments: groupby specs (`field` or `field:granularity`), aggregate
// specs in `fields` (`amount`, `amount:sum`, `total:sum(amount)`) and `orderby`.
import { CallError } from '../../errors';
import type { FieldDef } from '../model-types';
import type { RuntimeModel } from '../registry';
import { fieldType, isStored } from '../fields';
import { pyRepr } from '../py-repr';
import { badOrder } from '../domain-api';
import { GRANULARITIES, type Granularity } from './read-group-dates';

export interface GroupSpec {
  /** As given (`date:month`): the key of the value in each group. */
  spec: string;
  field: FieldDef;
  granularity?: Granularity;
}

export interface AggregateSpec {
  /** The key in each group. */
  name: string;
  field: FieldDef | null;
  func: 'sum' | 'avg' | 'min' | 'max' | 'count' | 'count_distinct';
}

const FUNCS = ['sum', 'avg', 'min', 'max', 'count', 'count_distinct'] as const;

function invalidGroupby(spec: unknown): CallError {
  return new CallError(`Invalid groupby ${pyRepr(spec)}`, 'ValueError');
}

export function parseGroupbys(model: RuntimeModel, groupby: unknown): GroupSpec[] {
  if (groupby === null || groupby === undefined || groupby === false || groupby === '') return [];
  const list = typeof groupby === 'string' ? [groupby] : groupby;
  if (!Array.isArray(list)) throw invalidGroupby(groupby);
  return list.map((spec) => {
    if (typeof spec !== 'string') throw invalidGroupby(spec);
    const [name, gran, ...rest] = spec.split(':');
    const field = model.fields[name];
    if (!field) throw new CallError(`Invalid field '${name}' on model '${model.name}'`, 'ValueError');
    if (rest.length || !isStored(field) || !fieldType(field).groupable) throw invalidGroupby(spec);
    const dated = fieldType(field).periodBound !== null;
    if (gran !== undefined && (!dated || !(GRANULARITIES as readonly string[]).includes(gran))) throw invalidGroupby(spec);
    return { spec, field, granularity: dated ? ((gran ?? 'month') as Granularity) : undefined };
  });
}

const AGG_CALL = /^(\w+):(\w+)\((\w+)\)$/;
const AGG_SHORT = /^(\w+):(\w+)$/;

/** Aggregates: numeric fields listed plainly are summed (id and sequence excepted, as 7.0). */
export function parseAggregates(model: RuntimeModel, fields: unknown, groups: GroupSpec[]): AggregateSpec[] {
  if (!Array.isArray(fields)) return [];
  const grouped = new Set(groups.map((g) => g.field.name));
  const out: AggregateSpec[] = [];
  for (const item of fields) {
    if (typeof item !== 'string') continue;
    const call = AGG_CALL.exec(item);
    const short = AGG_SHORT.exec(item);
    const [name, func, fname] = call ? [call[1], call[2], call[3]] : short ? [short[1], short[2], short[1]] : [item, null, item];
    if (func === null) {
      const f = model.fields[name];
      if (f && fieldType(f).summable && isStored(f) && !grouped.has(name) &&
        name !== 'id' && name !== 'sequence') out.push({ name, field: f, func: 'sum' });
      continue;
    }
    if (!(FUNCS as readonly string[]).includes(func)) throw new CallError(`Invalid aggregate function ${pyRepr(func)}`, 'ValueError');
    const f = fname === '__count' || fname === 'id' ? null : model.fields[fname];
    if (f === undefined || (f && !isStored(f))) throw new CallError(`Invalid field '${fname}' on model '${model.name}'`, 'ValueError');
    out.push({ name, field: f, func: func as AggregateSpec['func'] });
  }
  return out;
}

export interface OrderKey {
  key: string;
  desc: boolean;
}

/** orderby: `name [asc|desc], ...` over groupby fields, aggregates and `__count`. */
export function parseGroupOrder(orderby: unknown, allowed: Set<string>): OrderKey[] | null {
  if (orderby === null || orderby === undefined || orderby === false || orderby === '') return null;
  if (typeof orderby !== 'string') throw new CallError(`Invalid orderby ${pyRepr(orderby)}`, 'ValueError');
  return orderby.split(',').map((term) => {
    const parts = term.trim().split(/\s+/);
    const key = (parts[0] ?? '').replace(/"/g, '');
    const dir = (parts[1] ?? 'asc').toLowerCase();
    if (!/^[A-Za-z0-9_]+$/.test(key) || parts.length > 2 || (dir !== 'asc' && dir !== 'desc')) throw badOrder();
    if (!allowed.has(key)) {
      throw new CallError(`Invalid orderby ${pyRepr(orderby)}: order by groupby fields, aggregates or __count`, 'ValueError');
    }
    return { key, desc: dir === 'desc' };
  });
}
