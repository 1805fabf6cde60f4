// The child side of test/support/child-process.ts: the database the parent named, and a logger
// that prints each line as JSON on stdout.
import knexFactory, { type Knex } from 'knex';
import { openSqliteFile } from '../../src/db/sqlite-storage';
import type { Backend } from './backends';

export interface ChildDbOptions {
  backend: Backend;
  /** The SQLite file, or the PostgreSQL connection string. */
  connection: string;
  name: string;
}

export function openChildDb(opts: ChildDbOptions): { name: string; knex: Knex; backend: Backend } {
  const knex = opts.backend === 'sqlite'
    ? openSqliteFile(opts.connection)
    : knexFactory({ client: 'pg', connection: opts.connection, pool: { min: 0, max: 3 } });
  return { name: opts.name, knex, backend: opts.backend };
}

/** Writes a JSON line per message: what the parent may read on the child's stdout. */
export function say(message: string, meta?: Record<string, unknown>): void {
  process.stdout.write(`${JSON.stringify({ message, ...meta })}\n`);
}

export const jsonLineLogger = { info: say, warn: say, error: say };
