// The database layer's contract: one `Database` (a pooled knex) per OpenERP database, all of
// them owned by one `DatabaseManager` per server. See docs/ARCHITECTURE.md, "Databases".
import type { Writable } from 'node:stream';
import type { Knex } from 'knex';
import type { DbCache } from './cache-signal';

export type BackendKind = 'sqlite' | 'pg';

export interface Database {
  name: string;
  knex: Knex;
  backend: BackendKind;
  /** What this server keeps of this database between calls (absent on handles made for one job). */
  cache?: DbCache;
}

export interface CreateOptions {
  adminPassword: string;
  lang: string;
  demo: boolean;
  /** Login of the admin user (Odoo 17's `create_database` takes it; 7.0 always uses `admin`). */
  login?: string;
}

/**
 * Fills a freshly migrated database (module data, admin user). Given by the composition root so
 * that src/db knows nothing of models. When it throws, the database is removed again.
 */
export type InitializeFn = (db: Database, opts: CreateOptions) => Promise<void>;

/** The few logger methods used here; src/logger.ts's logger fits. Lines never carry passwords. */
export interface Logger {
  info(message: string, meta?: Record<string, unknown>): unknown;
  warn(message: string, meta?: Record<string, unknown>): unknown;
  error(message: string, meta?: Record<string, unknown>): unknown;
}

export interface DatabaseManager {
  readonly backend: BackendKind;
  /** Names of our databases, sorted. */
  list(): Promise<string[]>;
  /** False for unknown and for invalid names (never throws on a bad name). */
  exists(name: string): Promise<boolean>;
  create(name: string, opts: CreateOptions): Promise<void>;
  /** False when there is no such database of ours. */
  drop(name: string): Promise<boolean>;
  duplicate(source: string, target: string): Promise<void>;
  dump(name: string): Promise<Buffer>;
  restore(name: string, data: Buffer): Promise<void>;
  rename(oldName: string, newName: string): Promise<void>;
  /** Writes the zip backup (Odoo's layout) of a database to `out`, streaming, off the event loop. */
  dumpZip(name: string, out: Writable, serverVersion: string, progress?: (done: number, total: number) => void): Promise<void>;
  /** Makes database `name` from the zip backup at `path`; a refused archive leaves nothing behind. */
  restoreZip(name: string, path: string, progress?: (done: number, total: number) => void): Promise<void>;
  /** The open database (migrated on first use). Unknown name: CallError (OperationalError). */
  get(name: string): Promise<Database>;
  /** Runs pending migrations on every database; returns what was applied where. */
  migrateAll(): Promise<Record<string, string[]>>;
  closeAll(): Promise<void>;
}
