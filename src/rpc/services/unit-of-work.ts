// The unit of work of one model call, for every transport: the database and its cache view (the
// one read of the cache signal, which a read-only call may make with its first SELECT, running
// again if it had moved), the caller's environment built once from that cache, then either
// a run on the pool without a transaction (read-only methods, and a plain write or create that is
// one statement) or one transaction whose after-commit work (waking the mail sender, the sync
// worker...) runs once it committed.
import type { CheckedCall } from '../../auth/auth';
import { openView, type CacheView } from '../../db/cache-signal';
import { isRetryableDbError } from '../../db/errors';
import { withTransaction } from '../../db/transaction';
import type { Database, DatabaseManager, Logger } from '../../db/types';
import { createEnv, type OrmEnv } from '../../orm/env';
import type { Compat } from '../../orm/env-types';
import { ReadOnlyCallWrote } from '../../orm/records/change-guard';
import type { Registry } from '../../orm/registry';
import { withUserLang } from '../../orm/user-lang';
import type { Knex } from 'knex';

export interface UnitOfWorkDeps {
  dbm: Pick<DatabaseManager, 'get'>;
  registry: Registry;
  logger?: Logger;
}

export interface CallFrame {
  db: string;
  uid: number;
  compat: Compat;
  /** The database and view the credential check already opened (its signal read serves the call). */
  checked?: CheckedCall;
  /** The method only reads: run it without a transaction, and rerun it in one if it writes after all. */
  readOnly?: boolean;
  /**
   * The method's one change may be a single statement (a plain write): run it without a
   * transaction, that statement committing on its own, and rerun it in one if it needs more.
   */
  autocommit?: boolean;
}

/** Work a read-only call queued (nothing to commit): a failure is logged, never the call's answer. */
function runQueued(callbacks: (() => void)[], database: Database, logger?: Logger): void {
  for (const cb of callbacks) {
    try {
      cb();
    } catch (err) {
      logger?.error(`After-call work failed: ${err instanceof Error ? err.message : String(err)}`, { db: database.name, name: 'db' });
    }
  }
}

export type UnitOfWork = <T>(frame: CallFrame, fn: (env: OrmEnv) => Promise<T>) => Promise<T>;

export function createUnitOfWork(deps: UnitOfWorkDeps): UnitOfWork {
  const envOf = (frame: CallFrame, database: Database, view: CacheView, cr: Knex | Knex.Transaction,
    mode: { readOnly?: boolean; autocommit?: boolean }) =>
    // The user's language unless the context names one: labels, faults and defaults follow it.
    withUserLang(createEnv({
      cr, uid: frame.uid, registry: deps.registry, compat: frame.compat, dbName: database.name, cache: view, ...mode,
    }));

  /** `view` with its signal confirmed; when it had moved, a view on a fresh read, the credentials checked again. */
  async function confirmedView(frame: CallFrame, database: Database, view: CacheView): Promise<CacheView> {
    if (!(await view.confirmed(database.knex)).stale) return view;
    return frame.checked ? (await frame.checked.recheck()).view : openView(database);
  }

  return async (frame, fn) => {
    const database = frame.checked?.database ?? await deps.dbm.get(frame.db);
    // A read-only call may confirm the signal with its first SELECT (cache-signal.ts); others start confirmed.
    let view = frame.checked?.view ?? await openView(database, Boolean(frame.readOnly));
    if (!frame.readOnly) view = await confirmedView(frame, database, view);
    if (frame.readOnly || frame.autocommit) {
      const readOnly = Boolean(frame.readOnly);
      const mode = readOnly ? { readOnly } : { autocommit: true };
      let env = await envOf(frame, database, view, database.knex, mode);
      let outcome = await settle(fn(env));
      const sure = await confirmedView(frame, database, view);
      if (sure !== view) {
        // The signal had moved before this call confirmed it: nothing was written, so all of it
        // runs again on the fresh one.
        view = sure;
        env = await envOf(frame, database, view, database.knex, mode);
        outcome = await settle(fn(env));
      }
      if (outcome.ok && !env.refusedWrite) {
        runQueued(env.takeAfterCommit(), database, deps.logger);
        return outcome.value;
      }
      if (!outcome.ok) {
        const err = outcome.error;
        // The one statement of an autocommit call lost a race (a lock timeout...): it saved nothing.
        const lost = !readOnly && isRetryableDbError(err);
        if (!(err instanceof ReadOnlyCallWrote) && !env.refusedWrite && !lost) throw err;
      }
      // Nothing was written (the records service stopped the first write): run it again, whole.
      if (readOnly) {
        deps.logger?.info(`A read-only call on ${database.name} tried to write: running it again in a transaction`,
          { db: database.name, name: 'db' });
      }
    }
    return withTransaction(database, async (trx, hooks) => {
      const env = await envOf(frame, database, view, trx, {});
      const value = await fn(env);
      // Work queued by the ORM (waking the mail sender...) runs only once this call committed.
      for (const cb of env.takeAfterCommit()) hooks.afterCommit(cb);
      return value;
    }, { logger: deps.logger });
  };
}

type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

/** The outcome of `work`, a failure included, so that the caller decides what follows. */
async function settle<T>(work: Promise<T>): Promise<Settled<T>> {
  try {
    return { ok: true, value: await work };
  } catch (error) {
    return { ok: false, error };
  }
}
