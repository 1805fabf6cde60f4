// One transaction per RPC call. On PostgreSQL it runs at REPEATABLE READ, as Odoo does, and a
// serialization failure, deadlock or lock timeout reruns the whole call (up to 10 attempts, as
// OpenERP 7.0), so concurrent writes look atomic to clients. Work that must not happen unless the data is saved (waking the mail
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
  /** Reruns after the first attempt (default 9: ten attempts in all). */
  maxRetries?: number;
  logger?: Logger;
  /** Waits between attempts; tests pass one that does not sleep. */
  sleep?: (ms: number) => Promise<void>;
}

const DEFAULT_RETRIES = 9;
/** The first wait's ceiling; each later one doubles it, up to BACKOFF_MAX_MS. */
const BACKOFF_BASE_MS = 20;
const BACKOFF_MAX_MS = 2000;

const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The wait after failed attempt `attempt` (1, 2...): exponential, so a busy row gets room, and
 * half of it random, so calls that collided do not collide again at the same instant.
 */
export function backoffMs(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** (attempt - 1));
  return ceiling / 2 + random() * (ceiling / 2);
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
    const retriesLeft = attempt <= maxRetries;
    // The first retryable failure of any query of this attempt, even one the call caught itself
    // (in a savepoint, say): its snapshot lost a race, so what it did next is not to be trusted.
    let lostRace: unknown;
    let result: T;
    try {
      result = await db.knex.transaction(async (trx) => {
        trx.on('query-error', (err: unknown) => {
          if (lostRace === undefined && isRetryableDbError(err)) lostRace = err;
        });
        const value = await fn(trx, hooks);
        if (lostRace !== undefined && retriesLeft) throw lostRace;
        return value;
      }, config);
    } catch (err) {
      // Never the caller's error while attempts are left and a query lost a race: rerun instead.
      if (retriesLeft && (lostRace !== undefined || isRetryableDbError(err))) {
        options.logger?.info(
          `Concurrent update on ${db.name}, retrying the call (attempt ${attempt + 1} of ${maxRetries + 1})`,
          { db: db.name, name: 'db' },
        );
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
