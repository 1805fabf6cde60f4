// The environment every ORM call runs in, and the records API models and services use.
// Types only: the implementation lives in env.ts and the records service.
import type { Knex } from 'knex';
import type { CacheView } from '../db/cache-signal';

export type Context = Record<string, unknown>;

/** Differences between the 7.0 (legacy paths) and Odoo 17 (`/xmlrpc/2`) behaviour. */
export interface Compat {
  /** read(int) returns one dict (7.0) rather than a list (Odoo 10+). */
  readIntReturnsDict: boolean;
  /** `!=`, `not like`, `not ilike`, `not in` also match NULL rows (Odoo 10+). */
  negativeOpsIncludeNull: boolean;
  /** create() accepts a list of dicts and returns a list of ids (Odoo 12+). */
  createAcceptsList: boolean;
  /** read() of an unknown field is an error (Odoo 13+) rather than ignored (7.0). */
  unknownReadFieldIsError: boolean;
  /** NULL integer/float fields read as 0 / 0.0 (Odoo 8+) rather than False (7.0). */
  nullNumbersAsZero: boolean;
  /** fields_get returns every attribute key (Odoo 8+) rather than only truthy ones (7.0). */
  fieldsGetAllKeys: boolean;
}

export const COMPAT_70: Compat = {
  readIntReturnsDict: true,
  negativeOpsIncludeNull: false,
  createAcceptsList: false,
  unknownReadFieldIsError: false,
  nullNumbersAsZero: false,
  fieldsGetAllKeys: false,
};

export const COMPAT_ODOO: Compat = {
  readIntReturnsDict: false,
  negativeOpsIncludeNull: true,
  createAcceptsList: true,
  unknownReadFieldIsError: true,
  nullNumbersAsZero: true,
  fieldsGetAllKeys: true,
};

export type Vals = Record<string, unknown>;
export type Domain = unknown[];
export type AccessMode = 'read' | 'write' | 'create' | 'unlink';

export interface SearchOptions {
  offset?: number;
  limit?: number | null;
  order?: string | null;
}

/** The records API of one model, as seen from TypeScript (values are in their RPC shapes). */
export interface ModelApi {
  readonly name: string;
  create(vals: Vals): Promise<number>;
  read(ids: number[], fields?: string[]): Promise<Vals[]>;
  write(ids: number[], vals: Vals): Promise<true>;
  unlink(ids: number[]): Promise<true>;
  search(domain: Domain, opts?: SearchOptions): Promise<number[]>;
  searchCount(domain: Domain): Promise<number>;
  searchRead(domain: Domain, fields?: string[], opts?: SearchOptions): Promise<Vals[]>;
  exists(ids: number[]): Promise<number[]>;
  /** Calls a public method by name with named arguments (as bound from RPC). */
  call(method: string, args: Record<string, unknown>): Promise<unknown>;
  /**
   * Server-side create/write: like create/write, but read-only and magic fields may be set
   * (workflow state, sequences, data loading). RPC calls never reach these.
   */
  createInternal(vals: Vals): Promise<number>;
  writeInternal(ids: number[], vals: Vals): Promise<true>;
  /** `[id, display name]` pairs in ids order (missing ids skipped). */
  nameGet(ids: number[]): Promise<[number, string][]>;
  nameSearch(name: string, domain?: Domain, operator?: string, limit?: number): Promise<[number, string][]>;
  defaultGet(fields: string[]): Promise<Vals>;
  copy(id: number, defaults?: Vals): Promise<number>;
}

export interface Env {
  /** The knex transaction of this call (every RPC call runs in one transaction). */
  readonly cr: Knex | Knex.Transaction;
  readonly uid: number;
  /** Superuser mode: access rules and field groups are not applied. */
  readonly su: boolean;
  readonly context: Context;
  readonly compat: Compat;
  readonly dbName: string;
  /** The database engine behind `cr`: some storage (sequences) differs between the two. */
  readonly backend: 'sqlite' | 'pg';
  /** The registry of models (opaque here to keep this file free of runtime imports). */
  readonly registry: unknown;
  model(name: string): ModelApi;
  sudo(): Env;
  withContext(extra: Context): Env;
  withUser(uid: number): Env;
  /** Runs `fn` after the surrounding transaction commits (e.g. waking the mail sender). */
  afterCommit(fn: () => void): void;
  /** The external ids of the caller's groups, implied groups included (cached per call). */
  userGroups(): Promise<Set<string>>;
  /** This call's window on the database's cache (identities, access rows, rules). */
  readonly cache: CacheView;
  /** Runs outside any transaction: the records service refuses to write (the call is rerun in one). */
  readonly readOnly: boolean;
  /**
   * Runs outside any transaction because its one change may be a single statement (a plain write
   * of one record): the records service runs that statement alone and refuses anything more (the
   * call is rerun in a transaction).
   */
  readonly autocommit: boolean;
  /**
   * Moves the database's cache signal in this transaction: for code that changes cached data
   * (users, groups, access rows, rules...) with raw SQL, which the ORM cannot see.
   */
  signalChange(): Promise<void>;
}
