// Shared steps of the records service: id lists, access checks, existence under record rules,
// savepoints, and the errors they raise.
import type { Knex } from 'knex';
import { AccessError, CallError, MissingError } from '../../errors';
import { Double } from '../../values';
import type { FieldDef } from '../model-types';
import type { AccessMode } from '../env-types';
import type { CallEnv } from '../call-env';
import type { RuntimeModel } from '../registry';
import { isSuperuser } from '../access-policy';
import { applyRuleDomain, domainContext } from '../domain-api';
export { fieldAccessError } from './common-errors';
import { pyRepr, recordsRepr } from '../py-repr';

/** Ids per query: well under both backends' bound-parameter limits. */
export const CHUNK = 1000;

export function chunked<T>(items: T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** An id or a list of ids as 7.0 methods accept them, de-duplicated in order. */
export function normalizeIds(value: unknown): number[] {
  if (value === false || value === null || value === undefined) return [];
  const list = Array.isArray(value) ? value : [value];
  const out: number[] = [];
  const seen = new Set<number>();
  for (const item of list) {
    const n = item instanceof Double ? item.value : item;
    if (typeof n !== 'number' || !Number.isInteger(n)) {
      throw new CallError(`Invalid record id ${pyRepr(item)}: ids must be integers`, 'ValueError');
    }
    if (!seen.has(n)) {
      seen.add(n);
      out.push(n);
    }
  }
  return out;
}

export function missingError(env: CallEnv, model: string, ids: number[]): MissingError {
  return new MissingError(
    `Record does not exist or has been deleted.\n(Record: ${recordsRepr(model, ids)}, User: ${env.uid})`,
  );
}

/**
 * The ACL check of `mode` on `model`. With `ids` (a read or write by id), a caller the ACLs refuse
 * still passes when every id is one of their own records (their user, their partner).
 */
export async function checkAccess(env: CallEnv, model: RuntimeModel, mode: AccessMode, ids?: number[]): Promise<void> {
  if (isSuperuser(env)) return;
  try {
    await env.access.check(env, model.name, mode);
  } catch (err) {
    if (!(err instanceof AccessError) || !ids?.length || !env.access.ownRecords) throw err;
    const own = new Set(await env.access.ownRecords(env, model.name, mode));
    if (!ids.every((id) => own.has(id))) throw err;
  }
}

export async function ruleDomain(env: CallEnv, model: RuntimeModel, mode: AccessMode): Promise<unknown[] | null> {
  if (isSuperuser(env)) return null;
  const d = await env.access.ruleDomain(env, model.name, mode);
  return d && d.length ? d : null;
}

/**
 * The record rules of `mode` as a function adding them to a query over `model` (aliased
 * `alias`); it adds nothing for the superuser or when no rule applies.
 */
export async function ruleFilter(
  env: CallEnv, model: RuntimeModel, mode: AccessMode,
): Promise<(qb: Knex.QueryBuilder, alias: string) => void> {
  const rules = await ruleDomain(env, model, mode);
  if (!rules) return () => undefined;
  const ctx = await domainContext(env, { activeTest: false });
  return (qb, alias) => { applyRuleDomain(qb, model, rules, ctx, alias); };
}

/**
 * The ids among `ids` that exist and that the record rules of `mode` let the caller see.
 * A hidden record and a missing one are the same to the caller.
 */
export async function visibleIds(env: CallEnv, model: RuntimeModel, ids: number[], mode: AccessMode): Promise<Set<number>> {
  const found = new Set<number>();
  if (!ids.length) return found;
  const rules = await ruleFilter(env, model, mode);
  for (const part of chunked(ids)) {
    const qb = env.cr(model.table).select(`${model.table}.id`).whereIn(`${model.table}.id`, part);
    rules(qb, model.table);
    for (const row of (await qb) as { id: unknown }[]) found.add(Number(row.id));
  }
  return found;
}

/** Throws Odoo's MissingError naming the ids that do not exist (or are hidden). */
export async function ensureVisible(env: CallEnv, model: RuntimeModel, ids: number[], mode: AccessMode): Promise<void> {
  const found = await visibleIds(env, model, ids, mode);
  const missing = ids.filter((id) => !found.has(id));
  if (missing.length) throw missingError(env, model.name, missing);
}

/**
 * Runs `fn` in a savepoint: when it throws, nothing it wrote stays, whatever the caller does next.
 * The call's top-level change needs none: its failure rolls the call's whole transaction back.
 * What `fn` runs inside (hooks, other records' saves) gets savepoints again.
 */
export async function atomic<T>(env: CallEnv, fn: (env: CallEnv) => Promise<T>): Promise<T> {
  if (env.outermost) return fn(env.nested());
  let child: CallEnv | undefined;
  const result = await env.cr.transaction(async (trx) => {
    child = env.withCr(trx);
    return fn(child);
  });
  if (child) env.adopt(child);
  return result;
}

/** Whether the caller may see a field restricted by `groups`. */
export async function fieldAllowed(env: CallEnv, field: FieldDef): Promise<boolean> {
  if (!field.groups?.length || isSuperuser(env)) return true;
  const mine = await env.userGroups();
  return field.groups.some((g) => mine.has(g));
}

export function invalidField(model: RuntimeModel, name: string): CallError {
  return new CallError(`Invalid field '${name}' on model '${model.name}'`, 'ValueError');
}
