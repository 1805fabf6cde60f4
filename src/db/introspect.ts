// Reads the shape of a database (tables, columns, foreign keys) on either backend, for dumps and
// restores. Only the current schema of PostgreSQL; SQLite's own tables are left out.
import type { Knex } from 'knex';
import type { BackendKind } from './types';

export interface ColumnInfo {
  name: string;
  nullable: boolean;
}

export interface ForeignKey {
  column: string;
  refTable: string;
}

export interface TableInfo {
  name: string;
  columns: ColumnInfo[];
  foreignKeys: ForeignKey[];
}

async function sqliteTables(knex: Knex | Knex.Transaction): Promise<TableInfo[]> {
  const names = (await knex.raw(
    // Virtual tables (full-text indexes) and their shadow tables are rebuilt by triggers, not copied.
    "SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table' "
    + "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name",
  )) as { name: string }[];
  const out: TableInfo[] = [];
  for (const { name } of names) {
    const cols = (await knex.raw('SELECT name, "notnull" AS nn FROM pragma_table_info(?) ORDER BY cid', [name])) as
      { name: string; nn: number }[];
    const fks = (await knex.raw('SELECT "from" AS col, "table" AS ref FROM pragma_foreign_key_list(?)', [name])) as
      { col: string; ref: string }[];
    out.push({
      name,
      columns: cols.map((c) => ({ name: c.name, nullable: c.nn === 0 })),
      foreignKeys: fks.map((f) => ({ column: f.col, refTable: f.ref })),
    });
  }
  return out;
}

async function pgTables(knex: Knex | Knex.Transaction): Promise<TableInfo[]> {
  const cols = (await knex.raw(
    `SELECT c.table_name AS t, c.column_name AS col, c.is_nullable = 'YES' AS nullable
       FROM information_schema.columns c
       JOIN information_schema.tables tb ON tb.table_schema = c.table_schema AND tb.table_name = c.table_name
      WHERE c.table_schema = current_schema() AND tb.table_type = 'BASE TABLE'
      ORDER BY c.table_name, c.ordinal_position`,
  )).rows as { t: string; col: string; nullable: boolean }[];
  const fks = (await knex.raw(
    `SELECT cl.relname AS t, a.attname AS col, rc.relname AS ref
       FROM pg_constraint k
       JOIN pg_class cl ON cl.oid = k.conrelid
       JOIN pg_class rc ON rc.oid = k.confrelid
       JOIN pg_namespace n ON n.oid = cl.relnamespace
       CROSS JOIN LATERAL unnest(k.conkey) AS u(attnum)
       JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.attnum
      WHERE k.contype = 'f' AND n.nspname = current_schema()`,
  )).rows as { t: string; col: string; ref: string }[];
  const byName = new Map<string, TableInfo>();
  for (const c of cols) {
    let table = byName.get(c.t);
    if (!table) {
      table = { name: c.t, columns: [], foreignKeys: [] };
      byName.set(c.t, table);
    }
    table.columns.push({ name: c.col, nullable: c.nullable });
  }
  for (const f of fks) byName.get(f.t)?.foreignKeys.push({ column: f.col, refTable: f.ref });
  return [...byName.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

export function listTables(knex: Knex | Knex.Transaction, backend: BackendKind): Promise<TableInfo[]> {
  return backend === 'pg' ? pgTables(knex) : sqliteTables(knex);
}

/**
 * An order in which rows can be inserted, and for each table the nullable foreign-key columns to
 * fill in afterwards (self references and cycles): inserted as NULL, then set by id.
 */
export function insertionPlan(tables: TableInfo[]): { order: TableInfo[]; deferred: Map<string, string[]> } {
  const remaining = new Map(tables.map((t) => [t.name, t]));
  const order: TableInfo[] = [];
  const deps = (t: TableInfo, hardOnly: boolean): string[] => t.foreignKeys
    .filter((f) => f.refTable !== t.name && remaining.has(f.refTable))
    .filter((f) => !hardOnly || !t.columns.find((c) => c.name === f.column)?.nullable)
    .map((f) => f.refTable);
  while (remaining.size > 0) {
    const candidates = [...remaining.values()];
    // Prefer a table with nothing left to wait for; in a cycle, one blocked only by nullable columns.
    const next = candidates.find((t) => deps(t, false).length === 0)
      ?? candidates.find((t) => deps(t, true).length === 0)
      ?? candidates[0];
    order.push(next);
    remaining.delete(next.name);
  }
  const position = new Map(order.map((t, i) => [t.name, i]));
  const deferred = new Map<string, string[]>();
  for (const t of order) {
    const late = t.foreignKeys
      .filter((f) => (position.get(f.refTable) ?? -1) >= (position.get(t.name) ?? 0))
      .filter((f) => t.columns.find((c) => c.name === f.column)?.nullable)
      .map((f) => f.column);
    if (late.length > 0 && t.columns.some((c) => c.name === 'id')) deferred.set(t.name, [...new Set(late)]);
  }
  return { order, deferred };
}
