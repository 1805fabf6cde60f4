// The environment of one ORM call: transaction, user, context, registry and compat flags.
// `createEnv` builds the root of a call; sudo/withContext/withUser derive from it and share
// its after-commit list and its cache of the caller's groups.
import type { Knex } from 'knex';
import type { Compat, Context, Env, ModelApi } from './env-types';
import { COMPAT_70 } from './env-types';
import type { Registry } from './registry';
import { ALLOW_ALL, type AccessPolicy } from './access-policy';
import { RecordsApi } from './records-api';
import { ownTable } from '../values';
import { bumpSignal, CacheView } from '../db/cache-signal';
import { refuseOutsideTransaction } from './records/change-guard';

export type Backend = 'sqlite' | 'pg';

export interface CreateEnvOptions {
  cr: Knex | Knex.Transaction;
  uid: number;
  su?: boolean;
  context?: Context;
  registry: Registry;
  compat?: Compat;
  dbName: string;
  /** Defaults to the registry's policy, else everything is allowed. */
  access?: AccessPolicy;
  /** The call's view of the database cache; by default one private to this env. */
  cache?: CacheView;
  /** The call runs outside a transaction: a write stops it (the caller reruns it in one). */
  readOnly?: boolean;
  /** The call runs outside a transaction: its one write may run as one statement, nothing more (see Env). */
  autocommit?: boolean;
}

interface Shared {
  registry: Registry;
  compat: Compat;
  dbName: string;
  access: AccessPolicy;
  backend: Backend;
  groups: Map<number, Promise<Set<string>>>;
  callbacks: (() => void)[];
  cache: CacheView;
  readOnly: boolean;
  autocommit: boolean;
  /** A write was refused because the call is read-only (even if the refusal was caught on the way);
   * a box, so that envs on savepoints (which copy this object) report to the same one. */
  refused: { write: boolean };
}

export function backendOf(cr: Knex | Knex.Transaction): Backend {
  const client = String((cr.client as { config?: { client?: unknown } }).config?.client ?? '');
  return client === 'pg' || client === 'postgres' || client === 'postgresql' ? 'pg' : 'sqlite';
}

export class OrmEnv implements Env {
  constructor(
    private readonly shared: Shared,
    readonly cr: Knex | Knex.Transaction,
    readonly uid: number,
    readonly su: boolean,
    readonly context: Context,
    /** This env runs the call's top-level change: its failure fails the call (atomic needs no savepoint). */
    readonly outermost = false,
  ) {}

  get registry(): Registry { return this.shared.registry; }
  get compat(): Compat { return this.shared.compat; }
  get dbName(): string { return this.shared.dbName; }
  get access(): AccessPolicy { return this.shared.access; }
  get backend(): Backend { return this.shared.backend; }
  get cache(): CacheView { return this.shared.cache; }
  get readOnly(): boolean { return this.shared.readOnly; }
  get autocommit(): boolean { return this.shared.autocommit; }
  /** True once a write was refused in this read-only call: its answer is not to be trusted. */
  get refusedWrite(): boolean { return this.shared.refused.write; }
  markRefusedWrite(): void { this.shared.refused.write = true; }

  /** This env marked as running the call's top-level change (see `outermost`). */
  asOutermost(): OrmEnv {
    return new OrmEnv(this.shared, this.cr, this.uid, this.su, this.context, true);
  }

  /** The same env without the top-level mark: what a change hands on to what it runs inside. */
  nested(): OrmEnv {
    return this.outermost ? new OrmEnv(this.shared, this.cr, this.uid, this.su, this.context) : this;
  }

  /**
   * Data that servers cache (users, groups, access rows, rules...) changes in this transaction:
   * moves the database's signal with it, stops this call from sharing the cache, and drops this
   * server's copy once the change is committed.
   */
  async signalChange(): Promise<void> {
    // Outside a transaction the signal would move before the change it announces is saved.
    if (this.autocommit) refuseOutsideTransaction(this, 'signal');
    await bumpSignal(this.cr);
    this.shared.groups.clear();
    this.shared.cache.changed();
    const cache = this.shared.cache;
    this.afterCommit(() => cache.dropShared());
  }

  model(name: string): ModelApi {
    return new RecordsApi(this, this.registry.model(name));
  }

  sudo(): OrmEnv {
    return new OrmEnv(this.shared, this.cr, this.uid, true, this.context);
  }

  withContext(extra: Context): OrmEnv {
    return new OrmEnv(this.shared, this.cr, this.uid, this.su, ownTable({ ...this.context, ...extra }));
  }

  withUser(uid: number): OrmEnv {
    return new OrmEnv(this.shared, this.cr, uid, false, this.context);
  }

  /** The same env on another connection (a savepoint); callbacks collect apart until it succeeds. */
  withCr(cr: Knex.Transaction): OrmEnv {
    return new OrmEnv({ ...this.shared, callbacks: [] }, cr, this.uid, this.su, this.context);
  }

  /** Moves the callbacks of a savepoint env that succeeded into this env's list. */
  adopt(child: OrmEnv): void {
    this.shared.callbacks.push(...child.shared.callbacks.splice(0));
  }

  afterCommit(fn: () => void): void {
    this.shared.callbacks.push(fn);
  }

  /** The callbacks registered so far, emptied: the owner of the transaction runs them after commit. */
  takeAfterCommit(): (() => void)[] {
    return this.shared.callbacks.splice(0);
  }

  userGroups(): Promise<Set<string>> {
    let p = this.shared.groups.get(this.uid);
    if (!p) {
      p = this.shared.access.userGroups(this);
      this.shared.groups.set(this.uid, p);
      // A failed lookup is not cached, so a later call can succeed.
      p.catch(() => this.shared.groups.delete(this.uid));
    }
    return p;
  }
}

export function createEnv(opts: CreateEnvOptions): OrmEnv {
  const shared: Shared = {
    registry: opts.registry,
    compat: opts.compat ?? COMPAT_70,
    dbName: opts.dbName,
    access: opts.access ?? opts.registry.access ?? ALLOW_ALL,
    backend: backendOf(opts.cr),
    groups: new Map(),
    callbacks: [],
    cache: opts.cache ?? CacheView.private(),
    readOnly: opts.readOnly ?? false,
    autocommit: opts.autocommit ?? false,
    refused: { write: false },
  };
  return new OrmEnv(shared, opts.cr, opts.uid, opts.su ?? false, ownTable({ ...(opts.context ?? {}) }));
}
