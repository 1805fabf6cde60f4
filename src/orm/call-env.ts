// The environment the records service works in: the models' Env plus the registry, the access
// policy and the transaction plumbing. env.ts's OrmEnv is the one implementation.
import type { Knex } from 'knex';
import type { Compat, Context, Env } from './env-types';
import type { Registry } from './model-types';
import type { AccessPolicy } from './access-policy';

export interface CallEnv extends Env {
  readonly registry: Registry;
  readonly compat: Compat;
  readonly access: AccessPolicy;
  sudo(): CallEnv;
  withContext(extra: Context): CallEnv;
  withUser(uid: number): CallEnv;
  /** The same env on another connection (a savepoint); callbacks collect apart until it succeeds. */
  withCr(cr: Knex.Transaction): CallEnv;
  /** Moves the callbacks of a savepoint env that succeeded into this env's list. */
  adopt(child: CallEnv): void;
  /** The callbacks registered so far, emptied: the owner of the transaction runs them after commit. */
  takeAfterCommit(): (() => void)[];
  /** This env runs the call's top-level change: its failure fails the whole call. */
  readonly outermost: boolean;
  /** This env marked as running the call's top-level change. */
  asOutermost(): CallEnv;
  /** The same env without the top-level mark. */
  nested(): CallEnv;
  /** Notes that this read-only call tried to write (the unit of work then reruns it in a transaction). */
  markRefusedWrite(): void;
}

/** The database engine behind a call. */
export type Backend = Env['backend'];
