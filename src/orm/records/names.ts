// name_get, name_search and name_create: records by their display name (the model's recName).
import { CallError } from '../../errors';
import type { CallEnv } from '../call-env';
import type { RuntimeModel } from '../registry';
import { pyRepr } from '../py-repr';
import { checkAccess, visibleIds } from './common';
import { displayNames } from './read-relations';
import { readRecords } from './read';
import { asDomain, searchIds, searchRead } from './search';
import { createRecord } from './save';

export type NamePair = [number, string];

/** name_get(ids): `[[id, name], ...]` in ids order; missing and hidden ids are skipped. */
export async function nameGet(env: CallEnv, model: RuntimeModel, ids: number[]): Promise<NamePair[]> {
  await checkAccess(env, model, 'read');
  const visible = await visibleIds(env, model, ids, 'read');
  return namePairs(env, model, ids.filter((id) => visible.has(id)));
}

async function namePairs(env: CallEnv, model: RuntimeModel, ids: number[]): Promise<NamePair[]> {
  const names = await displayNames(env, model, ids, readRecords);
  return ids.filter((id) => names.has(id)).map((id) => [id, names.get(id)!]);
}

export interface NameSearchParams {
  name?: unknown;
  args?: unknown;
  operator?: unknown;
  limit?: unknown;
}

/** name_search: records whose name matches (`ilike` by default) among those of `args`. */
export async function nameSearch(env: CallEnv, model: RuntimeModel, p: NameSearchParams): Promise<NamePair[]> {
  const name = p.name === null || p.name === undefined || p.name === false ? '' : p.name;
  if (typeof name !== 'string') throw new CallError(`Invalid name ${pyRepr(name)}`, 'ValueError');
  const operator = p.operator === null || p.operator === undefined || p.operator === false ? 'ilike' : p.operator;
  const domain = [...asDomain(p.args)];
  // 7.0 adds the name term only for a non-empty name, so '' lists every record.
  if (name) domain.push(...nameTerms(model, operator, name));
  const limit = p.limit === undefined ? 100 : p.limit;
  const shown = model.displayNameField === null ? null : model.fields[model.displayNameField];
  if (shown && !shown.groups?.length) {
    // A name kept in a column comes with the ids, in the search's one statement.
    const rows = await searchRead(env, model, domain, [shown.name], { limit });
    return rows.map((r) => [Number(r.id), r[shown.name] === false || r[shown.name] === null ? '' : String(r[shown.name])]);
  }
  const ids = await searchIds(env, model, domain, { limit });
  // the search checked the ACL and applied the read rules: its ids need no second check
  return namePairs(env, model, ids);
}

const NEGATIVE_OPERATORS = new Set(['!=', '<>', 'not like', 'not ilike', 'not in']);

/** The name condition: any of the model's name paths matches (none of them, for a negative operator). */
function nameTerms(model: RuntimeModel, operator: unknown, name: string): unknown[] {
  const paths = model.nameSearchPaths.length ? model.nameSearchPaths : [model.recName === 'id' ? 'id' : model.recName];
  const terms = paths.map((path) => [path, operator, name]);
  if (typeof operator === 'string' && NEGATIVE_OPERATORS.has(operator)) return terms;
  return [...Array<string>(terms.length - 1).fill('|'), ...terms];
}

/** name_create(name): a record with only its name set; returns `[id, display name]`. */
export async function nameCreate(env: CallEnv, model: RuntimeModel, name: unknown): Promise<NamePair> {
  if (model.recName === 'id') {
    throw new CallError(`Cannot execute name_create, no _rec_name defined on ${model.name}`, 'ValueError');
  }
  const id = await createRecord(env, model, { [model.recName]: name });
  const [pair] = await nameGet(env, model, [id]);
  return pair ?? [id, String(name)];
}
