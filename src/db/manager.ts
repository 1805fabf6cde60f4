// The database manager: every OpenERP database of this server, each a SQLite file or a
// PostgreSQL database, each with one cached pooled knex. Routes calls by database name.
import { MIGRATIONS } from '../../migrations';
import { CallError, UserError } from '../errors';
import { DbCache } from './cache-signal';
import { dumpDatabase, loadDump, parseDump } from './dump';
import { migrate } from './migrate';
import { assertValidDbName, databaseNotFound, isValidDbName, printableName } from './names';
import { createPgStorage } from './pg-storage';
import { createSqliteStorage } from './sqlite-storage';
import type { Storage } from './storage';
import type { CreateOptions, Database, DatabaseManager, InitializeFn, Logger } from './types';
import type { Knex } from 'knex';
import { readZipManifest, restoreZipInto, writeZipBackup } from './zip-backup';

export interface DatabaseManagerOptions {
  /** Folder of the SQLite files (used when `databaseUrl` is null). */
  dataDir: string;
  /** A PostgreSQL server URL: when set, every database is a PostgreSQL database there. */
  databaseUrl: string | null;
  initialize: InitializeFn;
  logger?: Logger;
  /** Names this installation among others on one PostgreSQL server (default `default`). */
  pgTag?: string;
}

export function createDatabaseManager(opts: DatabaseManagerOptions): DatabaseManager {
  const storage: Storage = opts.databaseUrl
    ? createPgStorage(opts.databaseUrl, opts.pgTag, opts.logger)
    : createSqliteStorage(opts.dataDir, opts.logger);
  const kind = storage.kind;
  const open = new Map<string, Promise<Database>>();
  /** Names under create/drop/rename/...: one such operation per name at a time. */
  const busy = new Set<string>();
  /** Migrations applied when each database was opened (reported by migrateAll). */
  const appliedOnOpen = new Map<string, string[]>();
  const log = (msg: string, db: string): void => {
    opts.logger?.info(msg, { db, name: 'db' });
  };

  async function exclusive<T>(names: string[], fn: () => Promise<T>): Promise<T> {
    const taken = names.find((n) => busy.has(n));
    if (taken !== undefined) throw busyError(taken);
    names.forEach((n) => busy.add(n));
    try {
      return await fn();
    } finally {
      names.forEach((n) => busy.delete(n));
    }
  }

  function busyError(name: string): UserError {
    return new UserError(`Database "${name}" is busy with another operation; try again.`, 'Warning');
  }

  async function closePool(name: string): Promise<void> {
    const pending = open.get(name);
    if (!pending) return;
    open.delete(name);
    const db = await pending.catch(() => null);
    await db?.knex.destroy();
  }

  /** Builds a hidden database with `fill`, then shows it; on any failure nothing is left. */
  async function build(name: string, fill: (knex: Knex) => Promise<void>): Promise<void> {
    const knex = await storage.createHidden(name);
    let filled = false;
    try {
      await fill(knex);
      filled = true;
      await knex.destroy();
      await storage.publish(name);
    } catch (err) {
      if (!filled) await knex.destroy();
      await storage.discardHidden(name);
      throw err;
    }
  }

  async function openDatabase(name: string): Promise<Database> {
    if (!(await storage.exists(name))) throw databaseNotFound(name);
    const knex = storage.open(name);
    try {
      // A database copied in by hand or made by an older version gets its schema brought up to date.
      appliedOnOpen.set(name, await migrate(knex, kind));
    } catch (err) {
      await knex.destroy();
      throw err;
    }
    return { name, knex, backend: kind, cache: new DbCache() };
  }

  const manager: DatabaseManager = {
    backend: kind,
    list: () => storage.list(),
    exists: (name) => storage.exists(name),

    async get(name) {
      if (!isValidDbName(name)) throw databaseNotFound(name);
      let pending = open.get(name);
      if (!pending) {
        // Being dropped, renamed or copied: opening it now would race the file or database away.
        if (busy.has(name)) throw busyError(name);
        pending = openDatabase(name);
        open.set(name, pending);
        pending.catch(() => open.delete(name));
      }
      return pending;
    },

    async create(name, options: CreateOptions) {
      assertValidDbName(name);
      await exclusive([name], () => build(name, async (knex) => {
        await migrate(knex, kind);
        await opts.initialize({ name, knex, backend: kind }, options);
      }));
      log(`Created database ${name}`, name);
    },

    async drop(name) {
      if (!isValidDbName(name)) return false;
      return exclusive([name], async () => {
        if (!(await storage.exists(name))) return false;
        await closePool(name);
        await storage.drop(name);
        log(`Dropped database ${name}`, name);
        return true;
      });
    },

    async duplicate(source, target) {
      assertValidDbName(target);
      if (!isValidDbName(source) || !(await storage.exists(source))) throw databaseNotFound(source);
      await exclusive([source, target], async () => {
        await closePool(source);
        // A taken target name fails here, before anything of ours exists to clean up.
        await storage.copyToHidden(source, target);
        try {
          await storage.publish(target);
        } catch (err) {
          await storage.discardHidden(target);
          throw err;
        }
      });
      log(`Duplicated database ${source} to ${target}`, target);
    },

    async dump(name) {
      return dumpDatabase(await manager.get(name));
    },

    async dumpZip(name, out, serverVersion, progress) {
      await writeZipBackup(await manager.get(name), out, serverVersion, progress);
    },

    async restoreZip(name, path, progress) {
      assertValidDbName(name);
      await readZipManifest(path, kind, new Set(MIGRATIONS.map((m) => m.name)));
      await exclusive([name], async () => {
        if (await storage.exists(name)) throw new CallError('Database already exists', 'Exception');
        await build(name, (knex) => restoreZipInto(path, knex, kind, progress));
      });
      log(`Restored database ${name}`, name);
    },

    async restore(name, data) {
      assertValidDbName(name);
      const dump = parseDump(data);
      const known = new Set(MIGRATIONS.map((m) => m.name));
      const unknown = dump.migrations.find((m) => !known.has(m));
      if (unknown !== undefined) {
        throw new UserError(`The dump needs migration ${printableName(unknown)}, which this server does not have.`, 'Invalid dump');
      }
      await exclusive([name], async () => {
        if (await storage.exists(name)) throw new CallError('Database already exists', 'Exception');
        await build(name, async (knex) => {
          const done = new Set(dump.migrations);
          await migrate(knex, kind, MIGRATIONS.filter((m) => done.has(m.name)));
          await knex.transaction((trx) => loadDump(trx, kind, dump));
          await migrate(knex, kind);
        });
      });
      log(`Restored database ${name}`, name);
    },

    async rename(oldName, newName) {
      assertValidDbName(newName);
      if (!isValidDbName(oldName) || !(await storage.exists(oldName))) throw databaseNotFound(oldName);
      await exclusive([oldName, newName], async () => {
        await closePool(oldName);
        await storage.rename(oldName, newName);
      });
      log(`Renamed database ${oldName} to ${newName}`, newName);
    },

    async migrateAll() {
      const result: Record<string, string[]> = {};
      for (const name of await storage.list()) {
        const wasOpen = open.has(name);
        const db = await manager.get(name);
        result[name] = wasOpen ? await migrate(db.knex, kind) : appliedOnOpen.get(name) ?? [];
      }
      return result;
    },

    async closeAll() {
      await Promise.all([...open.keys()].map((name) => closePool(name)));
      await storage.close();
    },
  };
  return manager;
}
