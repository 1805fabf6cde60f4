// One transaction per RPC call. On PostgreSQL it runs at REPEATABLE READ, as Odoo does, and a
// serialization failure, deadlock or lock timeout reruns the whole call, so concurrent writes
// look atomic to clients. Work that must not happen unless the data is saved (waking the mail
// sender, say) is queued with `afterCommit` and runs only once the commit succeeded.
import type { Knex } from 'knex';
import { isRetryableDbError } from './errors';
import type { Database, Logger } from './types';

export type AfterCommit = () => void | Promise<void>;

export interface TransactionHooks {
  afterCommit(fn: AfterCommit): void;
  /** 1 for the first run, 2 for the first retry... */
  readonly attempt: number;
}

export interface TransactionOptions {
  /** Reruns after the first attempt (default 5). */
  maxRetries?: number;
  logger?: Logger;
  /** Waits between attempts; tests pass one that does not sleep. */
  sleep?: (ms: number) => Promise<void>;
}

const DEFAULT_RETRIES = 5;

const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Random and growing, so two calls that collided do not collide again at once. */
function backoffMs(attempt: number): number {
  return Math.random() * Math.min(1000, 25 * 2 ** attempt);
}

export async function withTransaction<T>(
  db: Database,
  fn: (trx: Knex.Transaction, hooks: TransactionHooks) => Promise<T>,
  options: TransactionOptions = {},
): Promise<T> {
  const maxRetries = options.maxRetries ?? DEFAULT_RETRIES;
  const sleep = options.sleep ?? defaultSleep;
  const config: Knex.TransactionConfig | undefined = db.backend === 'pg' ? { isolationLevel: 'repeatable read' } : undefined;
  for (let attempt = 1; ; attempt++) {
    // Callbacks of an attempt that rolled back are forgotten with it.
    const pending: AfterCommit[] = [];
    const hooks: TransactionHooks = { afterCommit: (cb) => { pending.push(cb); }, attempt };
    let result: T;
    try {
      result = await db.knex.transaction((trx) => fn(trx, hooks), config);
    } catch (err) {
      if (attempt <= maxRetries && isRetryableDbError(err)) {
        options.logger?.info(`Concurrent update on ${db.name}, retrying the call (attempt ${attempt + 1})`, { db: db.name, name: 'db' });
        await sleep(backoffMs(attempt));
        continue;
      }
      throw err;
    }
    await runAfterCommit(db, pending, options.logger);
    return result;
  }
}

/** The data is committed: a failing callback is logged, never turned into a failed call. */
async function runAfterCommit(db: Database, callbacks: AfterCommit[], logger?: Logger): Promise<void> {
  for (const cb of callbacks) {
    try {
      await cb();
    } catch (err) {
      logger?.error(`After-commit work failed: ${err instanceof Error ? err.message : String(err)}`, {
        db: db.name, name: 'db', stack: err instanceof Error ? err.stack : undefined,
      });
    }
  }
}
