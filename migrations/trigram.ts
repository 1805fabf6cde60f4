// Trigram indexes for the text columns searched with ILIKE '%...%' (fields with `trigramIndex`):
// on PostgreSQL a GIN index through pg_trgm (where the extension cannot be had, the database is
// made all the same, without them, and a warning says so); on SQLite a contentless FTS5 table of
// the column's trigrams, `<table>_<column>_trgm`, kept by triggers. It holds the text lower-cased
// by unicode_lower() (src/db/sqlite-functions.ts, which every connection installs, and which a
// connection writing the table needs), so it narrows case-insensitive matches exactly as the
// domain compiler's unicode_like() then tests them.
import type { Knex } from 'knex';

export function isPg(knex: Knex): boolean {
  return ['pg', 'postgres', 'postgresql'].includes(String(knex.client.config.client));
}

function warn(why: string): void {
  process.emitWarning(`partner names are searched without trigram indexes: ${why}`, { code: 'PG_TRGM_UNAVAILABLE' });
}

/** Creates pg_trgm if it can; a failure is rolled back to a savepoint, so the migration goes on. */
export async function pgTrigrams(knex: Knex): Promise<boolean> {
  const available = await knex.raw("SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm'");
  if (available.rows.length === 0) {
    warn('the PostgreSQL server has no pg_trgm extension');
    return false;
  }
  try {
    await knex.transaction(async (sp) => { await sp.raw('CREATE EXTENSION IF NOT EXISTS pg_trgm'); });
    return true;
  } catch (err) {
    warn(err instanceof Error ? err.message : String(err));
    return false;
  }
}

export const pgTrigramIndexName = (table: string, column: string): string => `${table}_${column}_trgm_index`;

/**
 * With a small pending list (64 kB, GIN's least): rows written wait there to be merged into the
 * index in batches, but every search reads the whole list, and at the 4 MB default that made a
 * search on a million partners twenty times slower (6.8 ms) than on the merged index (0.4 ms).
 * Without a list at all (fastupdate off) each row goes into the index on its own, which made
 * writing a million partners several times slower.
 */
export async function createPgTrigramIndex(knex: Knex, table: string, column: string): Promise<void> {
  await knex.raw(`CREATE INDEX IF NOT EXISTS ${pgTrigramIndexName(table, column)} ON ${table}
    USING GIN (${column} gin_trgm_ops) WITH (gin_pending_list_limit = ${PENDING_LIST_KB})`);
}

const PENDING_LIST_KB = 64;

/** An index made with the default pending list (before createPgTrigramIndex), if there: given the small one, emptied. */
export async function withSmallPendingList(knex: Knex, index: string): Promise<void> {
  const found = await knex.raw('SELECT to_regclass(?) IS NOT NULL AS found', [index]);
  if (!found.rows[0]?.found) return;
  await knex.raw(`ALTER INDEX ${index} SET (gin_pending_list_limit = ${PENDING_LIST_KB})`);
  await knex.raw('SELECT gin_clean_pending_list(?::regclass)', [index]);
}

const ftsName = (table: string, column: string): string => `${table}_${column}_trgm`;

/** The FTS5 table, its three triggers, and the rows the table already has. SQLite only. */
export async function createSqliteTrigramIndex(knex: Knex, table: string, column: string): Promise<void> {
  const fts = ftsName(table, column);
  // detail=none: rowids only, no positions; the query asks for each trigram, the exact test follows
  await knex.raw(`CREATE VIRTUAL TABLE ${fts} USING fts5(${column}, content='', contentless_delete=1,
    tokenize='trigram case_sensitive 1', detail=none)`);
  // Each write leaves a segment that every search then looks into: merged two by two rather than
  // four by four, a search on rows written one at a time costs about half (0.7 ms, not 1.3 ms).
  await knex.raw(`INSERT INTO ${fts}(${fts}, rank) VALUES ('automerge', 2)`);
  const add = (row: string) => `INSERT INTO ${fts}(rowid, ${column}) VALUES (${row}.id, unicode_lower(${row}.${column}))`;
  await knex.raw(`CREATE TRIGGER ${fts}_insert AFTER INSERT ON ${table} BEGIN ${add('new')}; END`);
  await knex.raw(`CREATE TRIGGER ${fts}_update AFTER UPDATE OF id, ${column} ON ${table} BEGIN
    DELETE FROM ${fts} WHERE rowid = old.id; ${add('new')}; END`);
  await knex.raw(`CREATE TRIGGER ${fts}_delete AFTER DELETE ON ${table} BEGIN DELETE FROM ${fts} WHERE rowid = old.id; END`);
  await knex.raw(`INSERT INTO ${fts}(rowid, ${column}) SELECT id, unicode_lower(${column}) FROM ${table}`);
}

export async function dropSqliteTrigramIndex(knex: Knex, table: string, column: string): Promise<void> {
  const fts = ftsName(table, column);
  for (const t of ['insert', 'update', 'delete']) await knex.raw(`DROP TRIGGER IF EXISTS ${fts}_${t}`);
  await knex.raw(`DROP TABLE IF EXISTS ${fts}`);
}
