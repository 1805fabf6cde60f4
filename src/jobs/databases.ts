// Visiting the databases of the server one after another, for a worker whose queue lives in a
// table that only databases with its module installed have.
import type { Knex } from 'knex';

/** What a worker needs of the DatabaseManager. */
export interface Databases<D> {
  list(): Promise<string[]>;
  get(name: string): Promise<D>;
}

export interface VisitOptions {
  /** Checked before each database: true ends the visit (the worker stopped, or gave up this round). */
  until(): boolean;
  /** A database whose visit failed; the next one is visited all the same. */
  onError(dbName: string, err: unknown): void;
}

/**
 * Returns a function visiting each database that has `table`. A database found with it is not
 * asked again; one without it is asked each time (its module may be installed since).
 */
export function databaseVisitor<D extends { knex: Knex }>(
  dbm: Databases<D>, table: string,
): (fn: (db: D) => Promise<void>, opts: VisitOptions) => Promise<void> {
  const withTable = new Set<string>();
  return async (fn, opts) => {
    for (const name of await dbm.list()) {
      if (opts.until()) break;
      try {
        const db = await dbm.get(name);
        if (!withTable.has(name)) {
          if (!(await db.knex.schema.hasTable(table))) continue;
          withTable.add(name);
        }
        await fn(db);
      } catch (err) {
        opts.onError(name, err);
      }
    }
  };
}
