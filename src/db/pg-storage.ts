// PostgreSQL storage: one database per name on the configured server. Ours carry a database
// comment naming this installation; a database without it is hidden (being made) or not ours.
import knexFactory, { Knex } from 'knex';
import { CallError } from '../errors';
import { PG_TYPES } from './pg-types';
import { databaseExists, isValidDbName } from './names';
import type { Storage } from './storage';
import { knexLog } from './knex-log';
import type { Logger } from './types';

const DUPLICATE_DATABASE = '42P04';
/** Per database: enough for concurrent calls on 2 cores without crowding max_connections. */
const POOL = { min: 0, max: 4, idleTimeoutMillis: 30_000 };

/** knex's `??` splits on dots, which our names may hold; they never hold a double quote. */
function ident(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

function rethrowExists(err: unknown, name: string): never {
  if ((err as { code?: string }).code === DUPLICATE_DATABASE) throw databaseExists(name);
  throw err;
}

/**
 * `tag` tells installations sharing one PostgreSQL server apart (and keeps parallel test runs
 * from seeing each other's databases).
 */
export function createPgStorage(databaseUrl: string, tag = 'default', logger?: Logger): Storage {
  if (!/^[a-zA-Z0-9_.-]{1,40}$/.test(tag)) throw new CallError(`Invalid database tag "${tag}"`, 'ValueError');
  // COMMENT ON takes no bind parameters: the marker is built only from the checked tag.
  const marker = `openerp-support-center:${tag}`;
  const log = knexLog(logger);
  const admin = knexFactory({ client: 'pg', connection: { connectionString: databaseUrl }, pool: { min: 0, max: 2 }, log });

  const urlOf = (name: string): string => {
    const url = new URL(databaseUrl);
    url.pathname = `/${encodeURIComponent(name)}`;
    return url.toString();
  };
  const open = (name: string): Knex => knexFactory({
    client: 'pg',
    connection: { connectionString: urlOf(name), types: PG_TYPES },
    pool: POOL,
    acquireConnectionTimeout: 30_000,
    log,
  });
  /** Other sessions (an earlier pool, a psql) would block DROP, RENAME and TEMPLATE. */
  const disconnectAll = async (name: string): Promise<void> => {
    await admin.raw(
      'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = ? AND pid <> pg_backend_pid()',
      [name],
    );
  };
  const ours = async (name?: string): Promise<string[]> => {
    const rows = (await admin.raw(
      `SELECT d.datname AS name FROM pg_database d
         JOIN pg_shdescription s ON s.objoid = d.oid AND s.classoid = 'pg_database'::regclass
        WHERE s.description = ? AND d.datallowconn${name === undefined ? '' : ' AND d.datname = ?'}`,
      name === undefined ? [marker] : [marker, name],
    )).rows as { name: string }[];
    return rows.map((r) => r.name);
  };
  const dropDatabase = async (name: string): Promise<void> => {
    await disconnectAll(name);
    await admin.raw(`DROP DATABASE IF EXISTS ${ident(name)}`);
  };

  return {
    kind: 'pg',
    async list() {
      return (await ours()).filter(isValidDbName).sort();
    },
    async exists(name) {
      return isValidDbName(name) && (await ours(name)).length === 1;
    },
    open,
    async createHidden(name) {
      try {
        await admin.raw(`CREATE DATABASE ${ident(name)} TEMPLATE template0 ENCODING 'UTF8'`);
      } catch (err) {
        rethrowExists(err, name);
      }
      return open(name);
    },
    async copyToHidden(source, target) {
      await disconnectAll(source);
      try {
        await admin.raw(`CREATE DATABASE ${ident(target)} TEMPLATE ${ident(source)}`);
      } catch (err) {
        rethrowExists(err, target);
      }
    },
    async publish(name) {
      await admin.raw(`COMMENT ON DATABASE ${ident(name)} IS '${marker}'`);
    },
    discardHidden: dropDatabase,
    drop: dropDatabase,
    async rename(oldName, newName) {
      await disconnectAll(oldName);
      try {
        await admin.raw(`ALTER DATABASE ${ident(oldName)} RENAME TO ${ident(newName)}`);
      } catch (err) {
        rethrowExists(err, newName);
      }
    },
    async close() {
      await admin.destroy();
    },
  };
}
