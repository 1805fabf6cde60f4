// Runs the schema migrations forward, recording each applied one in `schema_migrations`.
// Idempotent and safe when two processes start on the same database at once.
import { randomBytes } from 'node:crypto';
import type { Knex } from 'knex';
import { MIGRATIONS, type Migration } from '../../migrations';
import { InternalError } from '../errors';
import type { BackendKind } from './types';
import { utcStamp } from './clock';

export const MIGRATIONS_TABLE = 'schema_migrations';
/** Serialises migration runs on one PostgreSQL database (any constant unique to this use). */
const PG_LOCK_KEY = 70_700_001;

/** Names of the migrations recorded as applied, in the order they were applied. */
export async function appliedMigrations(knex: Knex): Promise<string[]> {
  if (!(await knex.schema.hasTable(MIGRATIONS_TABLE))) return [];
  const rows = await knex(MIGRATIONS_TABLE).select('name').orderBy([{ column: 'applied_at' }, { column: 'name' }]);
  return rows.map((r: { name: string }) => r.name);
}

/**
 * Applies, in one transaction, every migration of `migrations` not yet recorded; returns their
 * names. PostgreSQL runs DDL transactionally, so a failing migration leaves nothing behind.
 */
export async function migrate(
  knex: Knex, backend: BackendKind, migrations: Migration[] = MIGRATIONS,
): Promise<string[]> {
  const run = async (trx: Knex.Transaction): Promise<string[]> => {
    if (backend === 'pg') await trx.raw('SELECT pg_advisory_xact_lock(?)', [PG_LOCK_KEY]);
    if (!(await trx.schema.hasTable(MIGRATIONS_TABLE))) {
      await trx.schema.createTable(MIGRATIONS_TABLE, (t) => {
        t.string('name').primary();
        t.string('applied_at').notNullable();
      });
    }
    const done = new Set((await trx(MIGRATIONS_TABLE).select('name')).map((r: { name: string }) => r.name));
    const applied: string[] = [];
    for (const m of migrations) {
      if (done.has(m.name)) continue;
      await m.up(trx);
      await trx(MIGRATIONS_TABLE).insert({ name: m.name, applied_at: utcStamp() });
      applied.push(m.name);
    }
    if (backend === 'sqlite' && applied.length > 0) await assertNoDanglingReferences(trx);
    return applied;
  };
  if (backend === 'pg') return knex.transaction(run);
  // SQLite rebuilds a table to alter it; with foreign keys on, dropping the old copy would fire
  // ON DELETE actions on the rows pointing at it. They are off for the run and checked at its end.
  // The pragma only works outside a transaction, so the connection is held for the whole sequence:
  // no other query may run on it while the checks are off.
  const conn: unknown = await knex.client.acquireConnection();
  try {
    await knex.raw('PRAGMA foreign_keys = OFF').connection(conn);
    return await knex.transaction(run, { connection: conn });
  } finally {
    await knex.raw('PRAGMA foreign_keys = ON').connection(conn);
    await knex.client.releaseConnection(conn);
  }
}

async function assertNoDanglingReferences(trx: Knex.Transaction): Promise<void> {
  const problems = (await trx.raw('PRAGMA foreign_key_check')) as { table: string; parent: string }[];
  if (problems.length > 0) {
    const { table, parent } = problems[0];
    throw new InternalError(
      `migrate-${randomBytes(4).toString('hex')}`,
      `migration left rows of ${table} pointing to missing ${parent} rows`,
    );
  }
}
