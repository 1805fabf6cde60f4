// The rows of many2one targets that stored computes read (a contact's parent's name), kept by this
// process from one create run alone to the next, so that it need not look at them first. They are
// never trusted: the INSERT checks in its own statement that each kept row still holds the values
// it was made from, and one that changed stops it (the call then runs in a transaction, and the
// row is looked at again the next time).
import type { CallEnv } from '../call-env';
import type { TargetRows } from './stored-compute';

/** Rows kept per registry, least recently used first out. */
const MAX_ROWS = 2000;
const kept = new WeakMap<object, Map<string, Record<string, unknown>>>();

/** A kept row the statement must find unchanged: its table, id and the values computes read. */
export interface RowCheck {
  key: string;
  table: string;
  id: number;
  values: [string, unknown][];
}

function area(env: CallEnv): Map<string, Record<string, unknown>> {
  let rows = kept.get(env.registry);
  if (!rows) {
    rows = new Map();
    kept.set(env.registry, rows);
  }
  return rows;
}

const keyOf = (env: CallEnv, comodel: string, cols: Set<string>, id: number) => `${env.dbName}\0${comodel}\0${[...cols].join(',')}\0${id}`;

/**
 * The kept rows of `wanted` (read as `read` says) and the checks they need; the ids with no
 * kept row are left in `missing`, to be looked at.
 */
export function recall(env: CallEnv, wanted: Map<string, Set<number>>, read: Map<string, Set<string>>):
{ targets: TargetRows; missing: Map<string, Set<number>>; checks: RowCheck[] } {
  const rows = area(env);
  const targets: TargetRows = new Map();
  const missing = new Map<string, Set<number>>();
  const checks: RowCheck[] = [];
  for (const [comodel, ids] of wanted) {
    const cols = read.get(comodel)!;
    const found = new Map<number, Record<string, unknown>>();
    targets.set(comodel, found);
    for (const id of ids) {
      const key = keyOf(env, comodel, cols, id);
      const row = rows.get(key);
      if (!row) {
        missing.set(comodel, (missing.get(comodel) ?? new Set()).add(id));
        continue;
      }
      rows.delete(key);
      rows.set(key, row);
      found.set(id, row);
      checks.push({ key, table: env.registry.model(comodel).table, id, values: [...cols].map((c) => [c, row[c]]) });
    }
  }
  return { targets, missing, checks };
}

/** Keeps the rows just looked at (and adds them to `targets`). */
export function remember(env: CallEnv, fresh: TargetRows, read: Map<string, Set<string>>, targets: TargetRows): void {
  const rows = area(env);
  for (const [comodel, found] of fresh) {
    const cols = read.get(comodel)!;
    for (const [id, row] of found) {
      targets.get(comodel)!.set(id, row);
      rows.set(keyOf(env, comodel, cols, id), { ...row });
      if (rows.size > MAX_ROWS) rows.delete(rows.keys().next().value as string);
    }
  }
}

/** Drops kept rows a statement did not find as they were. */
export function forget(env: CallEnv, checks: RowCheck[]): void {
  const rows = area(env);
  for (const c of checks) rows.delete(c.key);
}
