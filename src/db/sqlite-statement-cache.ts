// Keeps a connection's prepared statements for reuse: knex prepares every query anew, and on
// SQLite preparing costs as much as running a short read. Bounded, least recently used first out.
import type BetterSqlite3 from 'better-sqlite3';

/** Enough for every distinct query a call path makes; `IN (...)` lists of other lengths come and go. */
const MAX_STATEMENTS = 256;

/**
 * Makes `conn.prepare` return the statement already prepared for the same SQL text. A statement
 * is reusable because knex only runs `all()`/`run()` on it, which reset it when they return.
 */
export function cacheStatements(conn: BetterSqlite3.Database): void {
  const prepare = conn.prepare.bind(conn);
  const statements = new Map<string, BetterSqlite3.Statement>();
  conn.prepare = ((sql: string) => {
    let stmt = statements.get(sql);
    if (stmt) {
      // Re-inserted so that the Map's order is the order of last use.
      statements.delete(sql);
    } else {
      stmt = prepare(sql);
      if (statements.size >= MAX_STATEMENTS) statements.delete(statements.keys().next().value as string);
    }
    statements.set(sql, stmt);
    return stmt;
  }) as typeof conn.prepare;
}
