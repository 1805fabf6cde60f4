// Database managers for tests: a temp data directory for SQLite, and for PostgreSQL the test
// server with a tag of its own, so parallel runs never see each other's databases.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import knexFactory from 'knex';
import { createDatabaseManager } from '../../../src/db/manager';
import type { Database, DatabaseManager, InitializeFn } from '../../../src/db/types';
import { hashPassword } from '../../../src/orm/password';
import { Backend, PG_URL, uniqueName } from '../../support/backends';

/** Low cost for speed: the format and the default cost have tests of their own. */
export const TEST_ROUNDS = 1000;

export interface TestManager {
  dbm: DatabaseManager;
  dataDir: string;
  tag: string;
  /** A new database name, remembered so cleanup removes it even if it was left hidden. */
  fresh(): string;
  /** Drops every database this manager can see, closes pools, removes the data directory. */
  cleanup(): Promise<void>;
}

async function insertId(db: Database, table: string, row: Record<string, unknown>): Promise<number> {
  const [r] = await db.knex(table).insert(row).returning('id');
  return typeof r === 'object' ? (r as { id: number }).id : (r as number);
}

/**
 * A partner row with what the schema requires beyond a name (the base models fill these in the
 * real server; here the row is written directly).
 */
export async function partnerRow(db: Database, vals: Record<string, unknown>): Promise<Record<string, unknown>> {
  const extra: Record<string, unknown> = {};
  if (await db.knex.schema.hasColumn('res_partner', 'notification_email_send')) extra.notification_email_send = 'comment';
  return { ...extra, ...vals };
}

export async function insertPartner(db: Database, vals: Record<string, unknown>): Promise<number> {
  return insertId(db, 'res_partner', await partnerRow(db, vals));
}

/** Stands in for the ORM's data loader: a partner and an admin user with a hashed password. */
export function testInitialize(rounds = TEST_ROUNDS): InitializeFn {
  return async (db, opts) => {
    const partnerId = await insertPartner(db, { name: 'Administrator', lang: opts.lang });
    await insertId(db, 'res_users', {
      login: opts.login ?? 'admin',
      password: await hashPassword(opts.adminPassword, rounds),
      partner_id: partnerId,
      active: true,
    });
  };
}

export function testManager(backend: Backend, initialize: InitializeFn = testInitialize()): TestManager {
  const dataDir = mkdtempSync(join(tmpdir(), 'ocsc-dbm-'));
  const tag = uniqueName('tag');
  const dbm = createDatabaseManager({
    dataDir,
    databaseUrl: backend === 'pg' ? PG_URL : null,
    initialize,
    pgTag: tag,
  });
  const names: string[] = [];
  return {
    dbm, dataDir, tag,
    fresh() {
      const name = uniqueName('d');
      names.push(name);
      return name;
    },
    async cleanup() {
      for (const name of await dbm.list()) await dbm.drop(name);
      await dbm.closeAll();
      rmSync(dataDir, { recursive: true, force: true });
      if (backend === 'pg' && names.length > 0) {
        const admin = knexFactory({ client: 'pg', connection: PG_URL, pool: { min: 0, max: 1 } });
        for (const name of names) await admin.raw(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await admin.destroy();
      }
    },
  };
}

export const defaultCreate = { adminPassword: 'secret', lang: 'en_US', demo: false };

export async function createUser(db: Database, login: string, password: string, active = true): Promise<number> {
  const partnerId = await insertPartner(db, { name: login });
  return insertId(db, 'res_users', {
    login, password: await hashPassword(password, TEST_ROUNDS), partner_id: partnerId, active,
  });
}

/**
 * The message a promise fails with. Jest's `rejects.toThrow` cannot be used on driver errors:
 * better-sqlite3 keeps the error class of the first test file that loaded it in a worker, so in
 * later files its errors are not `Error`s of the current realm and jest reports "did not throw".
 */
export async function failureMessage(p: PromiseLike<unknown>): Promise<string> {
  try {
    await p;
  } catch (err) {
    return String((err as { message?: unknown }).message);
  }
  return '(no failure)';
}
