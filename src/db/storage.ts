// Where databases physically live: SQLite files or PostgreSQL databases. The manager drives one
// storage; a storage knows nothing of migrations or pools beyond opening a knex.
import type { Knex } from 'knex';
import type { BackendKind } from './types';

/**
 * A database is "hidden" while it is being made (created, restored, copied): it is not listed and
 * `get` cannot open it, so no call ever sees a half-made database. `publish` makes it visible.
 */
export interface Storage {
  readonly kind: BackendKind;
  list(): Promise<string[]>;
  exists(name: string): Promise<boolean>;
  /** A new pooled knex on a visible database. */
  open(name: string): Knex;
  /** Creates an empty hidden database and opens it. A taken name: `databaseExists`. */
  createHidden(name: string): Promise<Knex>;
  /** Copies a visible database (its pools closed) into a hidden one. */
  copyToHidden(source: string, target: string): Promise<void>;
  /** Makes a hidden database visible. Every knex opened on it must be destroyed first. */
  publish(name: string): Promise<void>;
  discardHidden(name: string): Promise<void>;
  drop(name: string): Promise<void>;
  rename(oldName: string, newName: string): Promise<void>;
  close(): Promise<void>;
}
