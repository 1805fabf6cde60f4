// How many rows one multi-row INSERT may carry on each backend. Knex writes SQLite's multi-row
// insert as INSERT ... SELECT ... UNION ALL SELECT ..., so SQLite bounds both the bound variables
// and the terms of one compound select; PostgreSQL bounds only the variables (a 16-bit count).
import type { BackendKind } from './types';

interface InsertLimits {
  /** Bound variables per statement. */
  maxVariables: number;
  /** Rows per statement (terms of a compound select on SQLite). */
  maxRows: number;
}

/** better-sqlite3's build: SQLITE_MAX_VARIABLE_NUMBER 32766, SQLITE_MAX_COMPOUND_SELECT 500. */
export const INSERT_LIMITS: Record<BackendKind, InsertLimits> = {
  sqlite: { maxVariables: 32_766, maxRows: 500 },
  pg: { maxVariables: 65_535, maxRows: Number.POSITIVE_INFINITY },
};

/** Variables we put in one statement even where more are allowed: big statements gain nothing. */
const VARIABLES_PER_STATEMENT = 10_000;

/** Rows of `columns` columns that fit in one INSERT on `backend`. */
export function rowsPerInsert(backend: BackendKind, columns: number): number {
  const limits = INSERT_LIMITS[backend];
  const variables = Math.min(limits.maxVariables, VARIABLES_PER_STATEMENT);
  return Math.max(1, Math.min(limits.maxRows, Math.floor(variables / Math.max(1, columns))));
}

/** `rows` cut into slices that each fit in one INSERT. */
export function insertBatches<T extends object>(backend: BackendKind, columns: number, rows: T[]): T[][] {
  const size = rowsPerInsert(backend, columns);
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}
