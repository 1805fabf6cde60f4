// A SELECT whose SQL text knex compiled earlier (statements kept per shape), run on knex's client
// as knex's runner runs it (a connection from the pool or the transaction's own, the `query`
// events, errors worded by knex) without building a query object or parsing the text again.
import type { Knex } from 'knex';

interface QueryObject {
  method: 'raw';
  sql: string;
  bindings: readonly unknown[];
  options: Record<string, never>;
  /** Pairs the `query` and `query-response` events of one run, as knex's own ids do. */
  __knexQueryUid: string;
  response?: unknown;
}

/** The methods of knex's Client (and of a transaction's) that its runner uses to run a query. */
interface ClientRun {
  acquireConnection(): Promise<{ __knexUid?: string; __knexTxId?: string }>;
  releaseConnection(conn: unknown): Promise<unknown>;
  query(conn: unknown, obj: QueryObject): Promise<QueryObject>;
  emit(event: string, ...args: unknown[]): boolean;
}

let runs = 0;

/** The rows of `sql` (knex's `?` placeholders) with `bindings`, on `cr`'s connection. */
export async function selectSql<T = Record<string, unknown>>(
  cr: Knex | Knex.Transaction, sql: string, bindings: readonly unknown[],
): Promise<T[]> {
  const client = cr.client as unknown as ClientRun;
  const conn = await client.acquireConnection();
  try {
    const obj = await client.query(conn, { method: 'raw', sql, bindings, options: {}, __knexQueryUid: `kept-${++runs}` });
    const res = obj.response;
    // PostgreSQL answers a result object, SQLite the rows.
    const rows = (Array.isArray(res) ? res : (res as { rows: T[] }).rows) as T[];
    client.emit('query-response', rows, { __knexUid: conn.__knexUid, __knexTxId: conn.__knexTxId, ...obj });
    return rows;
  } finally {
    await client.releaseConnection(conn);
  }
}

/** A table or column name quoted for the SQL text of either backend (both take double quotes). */
export function quoted(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** `?, ?, ...`: the places of `n` values. */
export function marks(n: number): string {
  return n ? `?${', ?'.repeat(n - 1)}` : '';
}
