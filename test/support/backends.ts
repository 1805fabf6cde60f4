// Scratch databases for tests: every database test runs once on SQLite and once on PostgreSQL.
// Each call makes a fresh, uniquely named database and `destroy()` removes it.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import knexFactory, { Knex } from 'knex';
import { sqliteAfterCreate } from '../../src/db/sqlite-functions';

export type Backend = 'sqlite' | 'pg';
export const BACKENDS: Backend[] = ['sqlite', 'pg'];

/** The PostgreSQL server tests use; the maintenance database is used to create scratch ones. */
export const PG_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface ScratchDb {
  backend: Backend;
  name: string;
  knex: Knex;
  destroy(): Promise<void>;
}

export function uniqueName(prefix = 't'): string {
  return `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`;
}

export async function createScratchDb(backend: Backend): Promise<ScratchDb> {
  const name = uniqueName();
  if (backend === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'ocsc-'));
    const knex = knexFactory({
      client: 'better-sqlite3',
      connection: { filename: join(dir, `${name}.sqlite`) },
      useNullAsDefault: true,
      pool: { afterCreate: sqliteAfterCreate },
    });
    return {
      backend, name, knex,
      async destroy() {
        await knex.destroy();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const admin = knexFactory({ client: 'pg', connection: PG_URL, pool: { min: 0, max: 1 } });
  await admin.raw(`CREATE DATABASE "${name}"`);
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  const knex = knexFactory({ client: 'pg', connection: url.toString(), pool: { min: 0, max: 5 } });
  return {
    backend, name, knex,
    async destroy() {
      await knex.destroy();
      await admin.raw(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.destroy();
    },
  };
}
