// The per-database cache of one server and the signal that keeps it honest across processes: a
// counter in `ir_cache_signal`, read once in each call and moved (inside the writing transaction)
// by whatever changes cached data. A moved counter drops everything this cache holds. A call may
// defer the read (a deferred view): it goes on with the value seen last and confirms it later,
// with its first SELECT (signalCarried) or a read of its own; the counter only grows, so an
// unchanged value means the cache held all along, and a moved one means the call runs again.
import type { Knex } from 'knex';
import { selectSql } from './select-sql';

const TABLE = 'ir_cache_signal';

/** The read of the counter as knex compiles it, per dialect: compiled once, run on every call. */
const readStatements = new Map<unknown, Knex.Sql>();

/** The counter as committed (or as the transaction `cr` sees it). */
export async function readSignal(cr: Knex | Knex.Transaction): Promise<number> {
  const dialect = (cr.client as { dialect?: unknown }).dialect;
  let st = readStatements.get(dialect);
  if (!st) {
    const { sql, bindings } = cr(TABLE).where('id', 1).first('value').toSQL();
    // Numbered once ($1... on PostgreSQL), so that knex's runner has none left to number.
    st = { sql: (cr.client as { positionBindings(sql: string): string }).positionBindings(sql), bindings } as Knex.Sql;
    readStatements.set(dialect, st);
  }
  const rows = await selectSql<{ value: unknown }>(cr, st.sql, [...st.bindings]);
  return rows.length ? Number(rows[0].value) : 0;
}

/** The counter's value, as a scalar subquery a SELECT can carry in a column of its own. */
const SIGNAL_SUBQUERY = `(SELECT value FROM ${TABLE} WHERE id = 1)`;
/** The column that carries it. */
const SIGNAL_COLUMN = '__signal';

/** `sql` (a SELECT) with the counter as one more, last column of each row. */
export function signalCarried(sql: string): string {
  return `SELECT __q.*, ${SIGNAL_SUBQUERY} AS "${SIGNAL_COLUMN}" FROM (${sql}) AS __q`;
}

/** Takes the carried column off `rows` and returns its value, or null when there was no row to carry it. */
export function takeCarriedSignal(rows: Record<string, unknown>[]): number | null {
  if (!rows.length) return null;
  const value = rows[0][SIGNAL_COLUMN];
  // The last property added: deleting it leaves each row's shape as the statement's own.
  for (const row of rows) delete row[SIGNAL_COLUMN];
  return value === null || value === undefined ? 0 : Number(value);
}

/** Moves the counter in `cr`'s transaction: other processes see it when (and only if) it commits. */
export async function bumpSignal(cr: Knex | Knex.Transaction): Promise<void> {
  await cr(TABLE).insert({ id: 1, value: 1 }).onConflict('id').merge({ value: cr.raw('?? + 1', [`${TABLE}.value`]) });
}

type Area = Map<string, Promise<unknown>>;

/** Memoises one promise under a key; a failed load is not kept. */
function memo<T>(area: Area, key: string, load: () => Promise<T>): Promise<T> {
  let p = area.get(key) as Promise<T> | undefined;
  if (!p) {
    p = load();
    area.set(key, p);
    p.catch(() => { if (area.get(key) === p) area.delete(key); });
  }
  return p;
}

/**
 * What one database's calls share in this server: named areas (credentials, identities, access
 * rows...) of memoised loads, all dropped together when the database's signal moves.
 */
export class DbCache {
  /** The signal value the areas belong to; null before the first call. */
  private seen: number | null = null;
  private areas = new Map<string, Area>();

  /** Reads the signal once (the one extra statement of a call) and returns the call's view. */
  async sync(knex: Knex): Promise<CacheView> {
    const value = await readSignal(knex);
    if (value !== this.seen) {
      this.areas = new Map();
      this.seen = value;
    }
    return new CacheView(this, value);
  }

  /**
   * The view of a call that confirms the signal later: the value seen last, without a statement
   * (null before the first call, when the value must be read now).
   */
  deferred(): CacheView | null {
    return this.seen === null ? null : new CacheView(this, this.seen, true);
  }

  /** Forgets everything (a transaction that moved the signal committed). */
  drop(): void {
    this.areas = new Map();
    this.seen = null;
  }

  /** How many loads area `name` shares now (tests watch an area stay bounded). */
  size(name: string): number {
    return this.areas.get(name)?.size ?? 0;
  }

  /** The shared area `name` while `signal` is still the current one, else null. */
  area(name: string, signal: number): Area | null {
    if (signal !== this.seen) return null;
    let area = this.areas.get(name);
    if (!area) {
      area = new Map();
      this.areas.set(name, area);
    }
    return area;
  }
}

/**
 * One call's window on the cache. Loads are shared while the cache still belongs to the signal
 * the call read; once the call moved the signal itself, or another call dropped the cache since,
 * they are kept for this call alone (read through its own transaction, they may hold its changes).
 */
export class CacheView {
  private own = new Map<string, Area>();
  private bumped = false;
  /** The signal moved before the deferred value was confirmed: what the call did is to be done again. */
  private movedBefore = false;

  /** `pending`: the signal is the value seen last, not yet confirmed by a read in this call. */
  constructor(private readonly cache: DbCache | null, readonly signal: number, private pending = false) {}

  /** Whether the signal still waits for its confirmation (a deferred view). */
  get unconfirmed(): boolean {
    return this.pending;
  }

  /** Whether the signal had moved before this call confirmed it: the call must run again. */
  get stale(): boolean {
    return this.movedBefore;
  }

  /** The counter as a statement of this call read it: a moved counter drops the cache and marks the view stale. */
  confirm(value: number): void {
    if (!this.pending) return;
    this.pending = false;
    if (value !== this.signal) {
      this.movedBefore = true;
      this.cache?.drop();
    }
  }

  /** Confirms a deferred signal with a read of its own when no statement carried it. */
  async confirmed(knex: Knex): Promise<this> {
    if (this.pending) this.confirm(await readSignal(knex));
    return this;
  }

  /** A view that shares nothing: calls made without a database cache (tests, scripts). */
  static private(): CacheView {
    return new CacheView(null, 0);
  }

  get<T>(areaName: string, key: string, load: () => Promise<T>): Promise<T> {
    const shared = this.bumped || !this.cache ? null : this.cache.area(areaName, this.signal);
    if (shared) return memo(shared, key, load);
    let area = this.own.get(areaName);
    if (!area) {
      area = new Map();
      this.own.set(areaName, area);
    }
    return memo(area, key, load);
  }

  /** This call changed cached data: from now on it reads its own transaction, never the shared cache. */
  changed(): void {
    this.bumped = true;
    this.own = new Map();
  }

  /** The signal while this call shares the server's cache (not once it changed cached data), else null. */
  get sharedSignal(): number | null {
    return this.cache && !this.bumped ? this.signal : null;
  }

  get hasChanged(): boolean {
    return this.bumped;
  }

  /** A value kept for this call alone (what depends on the clock, or on the call's context). */
  local<T>(key: string, load: () => Promise<T>): Promise<T> {
    let area = this.own.get('');
    if (!area) {
      area = new Map();
      this.own.set('', area);
    }
    return memo(area, key, load);
  }

  /** Drops the shared cache (called once the changing transaction committed). */
  dropShared(): void {
    this.cache?.drop();
  }
}

/**
 * The view of a call on `db`: one read of the signal, or a private view when the handle has no
 * cache. `defer` (PostgreSQL, where a statement is a round trip): the value seen last, confirmed
 * later by the caller (CacheView.confirm or confirmed) before it answers.
 */
export async function openView(db: { knex: Knex; cache?: DbCache; backend: string }, defer = false): Promise<CacheView> {
  if (!db.cache) return CacheView.private();
  return (defer && db.backend === 'pg' ? db.cache.deferred() : null) ?? db.cache.sync(db.knex);
}
