// SQLite storage: one file `<name>.sqlite` per database in the data directory. A database being
// made is the dot-file `.<name>.new.sqlite`, linked into place when it is complete.
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { link, readdir, rm, unlink } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import knexFactory, { Knex } from 'knex';
import { installSqliteFunctions } from './sqlite-functions';
import { cacheStatements } from './sqlite-statement-cache';
import { databaseExists, isValidDbName } from './names';
import type { Storage } from './storage';
import { knexLog } from './knex-log';
import type { Logger } from './types';

/** How long a statement waits for another process's lock before failing with SQLITE_BUSY. */
const BUSY_TIMEOUT_MS = 5000;
const SUFFIX = '.sqlite';

type Done = (err: Error | null, conn: BetterSqlite3.Database) => void;

function prepareConnection(conn: BetterSqlite3.Database, done: Done): void {
  try {
    conn.pragma('journal_mode = WAL');
    conn.pragma('foreign_keys = ON');
    conn.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    // WAL with NORMAL sync is durable across application crashes and much faster than FULL.
    conn.pragma('synchronous = NORMAL');
    installSqliteFunctions(conn);
    cacheStatements(conn);
    done(null, conn);
  } catch (err) {
    done(err as Error, conn);
  }
}

export function openSqliteFile(filename: string, logger?: Logger): Knex {
  return knexFactory({
    client: 'better-sqlite3',
    connection: { filename },
    useNullAsDefault: true,
    // better-sqlite3 is synchronous: a second connection could only wait on the first one's lock
    // while blocking the event loop, so each database has exactly one connection; calls queue.
    pool: { min: 1, max: 1, afterCreate: prepareConnection },
    log: knexLog(logger),
  });
}

async function removeFileSet(path: string): Promise<void> {
  for (const suffix of ['', '-wal', '-shm', '-journal']) {
    await rm(`${path}${suffix}`, { force: true });
  }
}

/** Moves `from` to `to` without ever replacing an existing `to`. */
async function moveNoClobber(from: string, to: string, name: string): Promise<void> {
  try {
    await link(from, to);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw databaseExists(name);
    throw err;
  }
  await unlink(from);
}

export function createSqliteStorage(dataDir: string, logger?: Logger): Storage {
  const dir = resolve(dataDir);
  const pathOf = (name: string): string => join(dir, `${name}${SUFFIX}`);
  const hiddenPathOf = (name: string): string => join(dir, `.${name}.new${SUFFIX}`);
  const isFile = (path: string): boolean => existsSync(path) && statSync(path).isFile();

  async function freshHidden(name: string): Promise<string> {
    mkdirSync(dir, { recursive: true });
    if (isFile(pathOf(name))) throw databaseExists(name);
    const hidden = hiddenPathOf(name);
    // A leftover from an interrupted creation is garbage: the manager never makes one name twice at once.
    await removeFileSet(hidden);
    return hidden;
  }

  return {
    kind: 'sqlite',
    async list() {
      let entries: string[];
      try {
        entries = await readdir(dir);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
        throw err;
      }
      return entries
        .filter((f) => f.endsWith(SUFFIX))
        .map((f) => f.slice(0, -SUFFIX.length))
        .filter((n) => isValidDbName(n) && isFile(pathOf(n)))
        .sort();
    },
    async exists(name) {
      return isValidDbName(name) && isFile(pathOf(name));
    },
    open(name) {
      return openSqliteFile(pathOf(name), logger);
    },
    async createHidden(name) {
      return openSqliteFile(await freshHidden(name), logger);
    },
    async copyToHidden(source, target) {
      const hidden = await freshHidden(target);
      const src = new BetterSqlite3(pathOf(source), { fileMustExist: true });
      try {
        await src.backup(hidden);
      } finally {
        src.close();
      }
    },
    async publish(name) {
      await moveNoClobber(hiddenPathOf(name), pathOf(name), name);
      await removeFileSet(hiddenPathOf(name));
    },
    async discardHidden(name) {
      await removeFileSet(hiddenPathOf(name));
    },
    async drop(name) {
      await removeFileSet(pathOf(name));
    },
    async rename(oldName, newName) {
      await moveNoClobber(pathOf(oldName), pathOf(newName), newName);
      await removeFileSet(pathOf(oldName));
    },
    async close() {
      // Nothing shared to close: each database's knex is owned by the manager.
    },
  };
}
