// Standard sequences on PostgreSQL draw from a database SEQUENCE of their own, as OpenERP does:
// nextval never waits for nor conflicts with other transactions (a call that rolls back leaves
// a gap). It is named `ir_sequence__number_next__<id>`: by the convention of src/db/dump.ts it
// holds the live value of that row's number_next, so a dump carries the next number in the row.
// All of it is raw SQL: database SEQUENCEs, advisory locks and DDL are nothing the ORM can say,
// and ensureCounter needs the stored number_next, not the one a read of ir.sequence shows.
import { ValidationError } from '../../src/errors';
import type { Env } from '../../src/orm/define';

/** With the row id, the advisory lock that serialises creating a row's SEQUENCE. */
const LOCK_SPACE = 70_700_003;
/** The range of the number_next column, so every drawn value fits back into it. */
const BOUNDS = 'MINVALUE -2147483648 MAXVALUE 2147483647';

export function counterName(id: number): string {
  return `ir_sequence__number_next__${id}`;
}

/** Identifiers and numbers go into DDL as text (it takes no bind parameters): checked here. */
function quoted(id: number): string {
  if (!Number.isSafeInteger(id) || id <= 0) throw new ValidationError(`Invalid sequence id ${id}`);
  return `"${counterName(id)}"`;
}

function int(v: unknown): number {
  const n = Number(v);
  if (!Number.isSafeInteger(n)) throw new ValidationError(`Invalid sequence number ${String(v)}`);
  return n;
}

function rowsOf(result: unknown): Record<string, unknown>[] {
  return (result as { rows: Record<string, unknown>[] }).rows;
}

/** The next value of the row's SEQUENCE, or null when it has none yet. */
export async function counterNext(env: Env, id: number): Promise<number | null> {
  const [row] = rowsOf(await env.cr.raw('SELECT nextval(to_regclass(?)) AS v', [counterName(id)]));
  return row?.v === null || row?.v === undefined ? null : int(row.v);
}

/**
 * Creates the row's SEQUENCE, starting at its number_next, unless it exists. Creators wait for
 * each other on an advisory lock, so the second sees the first's SEQUENCE instead of failing.
 */
export async function ensureCounter(env: Env, id: number): Promise<void> {
  await env.cr.raw('SELECT pg_advisory_xact_lock(?, ?)', [LOCK_SPACE, id]);
  const row = await env.cr('ir_sequence').where({ id }).first('number_next', 'number_increment');
  if (!row) return;
  await env.cr.raw(`CREATE SEQUENCE IF NOT EXISTS ${quoted(id)} INCREMENT BY ${int(row.number_increment)} `
    + `${BOUNDS} START WITH ${int(row.number_next)}`);
}

/** Applies a new increment and, when given, restarts at `restart` (transactional since PG 10). */
export async function alterCounter(env: Env, id: number, increment: unknown, restart?: unknown): Promise<void> {
  const from = restart === undefined ? '' : ` RESTART WITH ${int(restart)}`;
  await env.cr.raw(`ALTER SEQUENCE ${quoted(id)} INCREMENT BY ${int(increment)}${from}`);
}

export async function dropCounter(env: Env, id: number): Promise<void> {
  await env.cr.raw(`DROP SEQUENCE IF EXISTS ${quoted(id)}`);
}

/** The number each row's SEQUENCE gives next, for the rows that have one. Draws nothing. */
export async function peekCounters(env: Env, ids: number[]): Promise<Map<number, number>> {
  const out = new Map<number, number>();
  if (!ids.length) return out;
  const found = rowsOf(await env.cr.raw(
    'SELECT n AS name, s.seqincrement AS inc FROM unnest(?::text[]) AS n JOIN pg_sequence s ON s.seqrelid = to_regclass(n)',
    [ids.map(counterName)],
  ));
  const increments = new Map(found.map((r) => [String(r.name), int(r.inc)]));
  for (const id of ids) {
    const inc = increments.get(counterName(id));
    if (inc === undefined) continue;
    const [state] = rowsOf(await env.cr.raw(`SELECT last_value, is_called FROM ${quoted(id)}`));
    out.set(id, int(state.last_value) + (state.is_called ? inc : 0));
  }
  return out;
}
