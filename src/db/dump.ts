// Logical dumps: gzip'd JSON of every table's rows plus the applied migrations. Restoring needs
// no external program (no pg_dump/pg_restore), only a database of the same schema history.
// A standalone PostgreSQL sequence named `<table>__<column>__<id>` is a row counter: it holds the
// live value of that row's column, and the dump writes its next value into the row instead.
import { gunzipSync, gzipSync } from 'node:zlib';
import type { Knex } from 'knex';
import { UserError } from '../errors';
import { insertBatches, rowsPerInsert } from './insert-batch';
import { insertionPlan, listTables, type TableInfo } from './introspect';
import { MIGRATIONS_TABLE, appliedMigrations } from './migrate';
import type { BackendKind, Database } from './types';

export const DUMP_FORMAT = 'openerp-support-center-dump';
const DUMP_VERSION = 1;
const ROWS_PER_CASE_UPDATE = 200;

type Cell = null | boolean | number | string | { b64: string } | { json: unknown };

interface DumpTable {
  name: string;
  columns: string[];
  rows: Cell[][];
}

export interface DumpFile {
  format: string;
  version: number;
  backend: BackendKind;
  database: string;
  migrations: string[];
  tables: DumpTable[];
}

/** JSON has no bytes and no way to tell a json column from a tag: both travel wrapped. */
function encodeCell(v: unknown): Cell {
  if (v === null || v === undefined) return null;
  if (Buffer.isBuffer(v)) return { b64: v.toString('base64') };
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'object') return { json: v };
  return v as boolean | number | string;
}

function decodeCell(v: Cell): unknown {
  if (v === null || typeof v !== 'object') return v;
  if ('b64' in v && typeof v.b64 === 'string') return Buffer.from(v.b64, 'base64');
  if ('json' in v) return JSON.stringify(v.json);
  throw invalidDump('a value has an unknown shape');
}

function invalidDump(why: string): UserError {
  return new UserError(`This is not a database dump of this server (${why}).`, 'Invalid dump');
}

export async function dumpDatabase(db: Database): Promise<Buffer> {
  const read = async (trx: Knex.Transaction): Promise<DumpFile> => {
    const tables = (await listTables(trx, db.backend)).filter((t) => t.name !== MIGRATIONS_TABLE);
    const out: DumpTable[] = [];
    for (const t of tables) {
      const columns = t.columns.map((c) => c.name);
      let query = trx(t.name).select(columns);
      if (columns.includes('id')) query = query.orderBy('id');
      const rows = (await query) as Record<string, unknown>[];
      out.push({ name: t.name, columns, rows: rows.map((r) => columns.map((c) => encodeCell(r[c]))) });
    }
    // Read after the rows: a counter is then at least as far as any number they hold.
    if (db.backend === 'pg') for (const c of await rowCounters(trx)) applyCounter(out, c);
    return {
      format: DUMP_FORMAT, version: DUMP_VERSION, backend: db.backend, database: db.name,
      migrations: await appliedMigrations(trx), tables: out,
    };
  };
  // One snapshot for every table, so the dump is consistent while others keep writing.
  const file = await db.knex.transaction(read, db.backend === 'pg' ? { isolationLevel: 'repeatable read', readOnly: true } : undefined);
  return gzipSync(Buffer.from(JSON.stringify(file), 'utf8'));
}

interface RowCounter {
  table: string;
  column: string;
  id: number;
  next: number;
}

const ROW_COUNTER = /^([a-z0-9_]+?)__([a-z0-9_]+)__(\d+)$/;

/** The row counters of the current schema, with the number each would give next. */
async function rowCounters(trx: Knex.Transaction): Promise<RowCounter[]> {
  const found = (await trx.raw(
    `SELECT c.relname AS name, s.seqincrement AS inc FROM pg_class c JOIN pg_sequence s ON s.seqrelid = c.oid
      WHERE c.relnamespace = to_regnamespace(current_schema())`,
  )).rows as { name: string; inc: unknown }[];
  const out: RowCounter[] = [];
  for (const { name, inc } of found) {
    const m = ROW_COUNTER.exec(name);
    if (!m) continue;
    const state = (await trx.raw('SELECT last_value, is_called FROM ??', [name])).rows[0] as { last_value: unknown; is_called: boolean };
    const next = Number(state.last_value) + (state.is_called ? Number(inc) : 0);
    out.push({ table: m[1], column: m[2], id: Number(m[3]), next });
  }
  return out;
}

function applyCounter(tables: DumpTable[], c: RowCounter): void {
  const t = tables.find((x) => x.name === c.table);
  const [idAt, at] = t ? [t.columns.indexOf('id'), t.columns.indexOf(c.column)] : [-1, -1];
  if (!t || idAt < 0 || at < 0) return;
  const row = t.rows.find((r) => r[idAt] === c.id);
  if (row) row[at] = c.next;
}

export function parseDump(data: Buffer): DumpFile {
  let parsed: unknown;
  try {
    parsed = JSON.parse(gunzipSync(data).toString('utf8'));
  } catch {
    throw invalidDump('not gzip\'d JSON');
  }
  const f = parsed as Partial<DumpFile> | null;
  if (!f || f.format !== DUMP_FORMAT) throw invalidDump('unknown format');
  if (f.version !== DUMP_VERSION) throw invalidDump(`version ${String(f.version)} is not supported`);
  const okTable = (t: DumpTable): boolean => typeof t?.name === 'string' && Array.isArray(t.columns)
    && t.columns.every((c) => typeof c === 'string') && Array.isArray(t.rows)
    && t.rows.every((r) => Array.isArray(r) && r.length === t.columns.length);
  if (!Array.isArray(f.migrations) || !f.migrations.every((m) => typeof m === 'string')
    || !Array.isArray(f.tables) || !f.tables.every(okTable)) {
    throw invalidDump('its contents are malformed');
  }
  return f as DumpFile;
}

/** Inserts a dump's rows into an empty database migrated to the dump's migrations. */
export async function loadDump(trx: Knex.Transaction, backend: BackendKind, dump: DumpFile): Promise<void> {
  const schema = new Map((await listTables(trx, backend)).map((t) => [t.name, t]));
  const wanted: TableInfo[] = [];
  for (const dt of dump.tables) {
    const table = schema.get(dt.name);
    if (!table || dt.name === MIGRATIONS_TABLE) throw invalidDump(`table ${dt.name} is not in the schema`);
    const missing = dt.columns.find((c) => !table.columns.some((col) => col.name === c));
    if (missing !== undefined) throw invalidDump(`column ${dt.name}.${missing} is not in the schema`);
    wanted.push(table);
  }
  const byName = new Map(dump.tables.map((t) => [t.name, t]));
  const { order, deferred } = insertionPlan(wanted);
  for (const table of order) {
    const dt = byName.get(table.name) as DumpTable;
    const later = new Set(deferred.get(table.name) ?? []);
    const rows = dt.rows.map((r) => Object.fromEntries(
      dt.columns.map((c, i) => [c, later.has(c) ? null : decodeCell(r[i])]),
    ));
    for (const batch of insertBatches(backend, dt.columns.length, rows)) await trx(table.name).insert(batch);
  }
  for (const [name, columns] of deferred) await fillDeferred(trx, backend, byName.get(name) as DumpTable, columns);
  if (backend === 'pg') await resetPgSequences(trx);
}

/**
 * Writes the columns left empty on insert (references to rows inserted later), a batch of rows
 * per UPDATE: `SET col = CASE id WHEN ? THEN ? ... ELSE col END WHERE id IN (...)`.
 */
async function fillDeferred(trx: Knex.Transaction, backend: BackendKind, dt: DumpTable, columns: string[]): Promise<void> {
  const idAt = dt.columns.indexOf('id');
  if (idAt < 0) return;
  const at = columns.map((c) => dt.columns.indexOf(c));
  const rows = dt.rows.filter((r) => at.some((i) => i >= 0 && r[i] !== null));
  // Per row: its id in the IN list, and an id and a value in each column's CASE. A CASE is
  // searched term by term for every row, so batches stay small enough for that to be cheap.
  const perUpdate = Math.min(ROWS_PER_CASE_UPDATE, rowsPerInsert(backend, 1 + 2 * columns.length));
  for (let start = 0; start < rows.length; start += perUpdate) {
    const batch = rows.slice(start, start + perUpdate);
    const ids = batch.map((r) => decodeCell(r[idAt]) as Knex.Value);
    const sets: string[] = [];
    const bindings: Knex.RawBinding[] = [dt.name];
    columns.forEach((column, k) => {
      sets.push(`?? = CASE ?? ${batch.map(() => 'WHEN ? THEN ?').join(' ')} ELSE ?? END`);
      bindings.push(column, 'id');
      batch.forEach((r, n) => bindings.push(ids[n], at[k] < 0 ? null : decodeCell(r[at[k]]) as Knex.Value));
      bindings.push(column);
    });
    bindings.push('id', ...ids);
    await trx.raw(`UPDATE ?? SET ${sets.join(', ')} WHERE ?? IN (${ids.map(() => '?').join(', ')})`, bindings);
  }
}

/** Rows came with their ids: move every serial past the largest one. */
async function resetPgSequences(trx: Knex.Transaction): Promise<void> {
  const cols = (await trx.raw(
    `SELECT table_name AS t, column_name AS c FROM information_schema.columns
      WHERE table_schema = current_schema() AND (column_default LIKE 'nextval(%' OR is_identity = 'YES')`,
  )).rows as { t: string; c: string }[];
  for (const { t, c } of cols) {
    await trx.raw(
      'SELECT setval(pg_get_serial_sequence(?, ?), COALESCE((SELECT MAX(??) FROM ??), 0) + 1, false)',
      [`"${t}"`, c, c, t],
    );
  }
}
