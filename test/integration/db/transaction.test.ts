// withTransaction on both backends: commit and rollback, after-commit work only after a commit,
// reruns on retryable errors (ten attempts, waits growing); on PostgreSQL, a real serialization
// failure is retried to success, even one the call caught itself.
import knexFactory, { type Knex } from 'knex';
import { backoffMs, withTransaction } from '../../../src/db/transaction';
import type { Database } from '../../../src/db/types';
import { UserError } from '../../../src/errors';
import { BACKENDS } from '../../support/backends';
import { defaultCreate, insertPartner, partnerRow, testManager, TestManager } from './fixtures';

const noSleep = async (): Promise<void> => {};

function retryable(backend: string): Error {
  return Object.assign(new Error('could not serialize access'), { code: backend === 'pg' ? '40001' : 'SQLITE_BUSY' });
}

async function partnerNames(db: Database): Promise<string[]> {
  return db.knex('res_partner').orderBy('id').pluck('name');
}

describe.each(BACKENDS)('withTransaction on %s', (backend) => {
  let t: TestManager;
  let db: Database;
  /** Read before any transaction: on SQLite the one connection is the transaction's. */
  let base: Record<string, unknown>;
  beforeEach(async () => {
    t = testManager(backend);
    const name = t.fresh();
    await t.dbm.create(name, defaultCreate);
    db = await t.dbm.get(name);
    base = await partnerRow(db, {});
  });
  afterEach(async () => { await t.cleanup(); });

  test('commits the work and runs after-commit callbacks after it, in order', async () => {
    const seen: string[] = [];
    const result = await withTransaction(db, async (trx, hooks) => {
      await trx('res_partner').insert({ ...base, name: 'Committed' });
      hooks.afterCommit(async () => { seen.push(`first:${(await partnerNames(db)).includes('Committed')}`); });
      hooks.afterCommit(() => { seen.push('second'); });
      return 7;
    });
    expect(result).toBe(7);
    expect(seen).toEqual(['first:true', 'second']);
  });

  test('rolls back on error and never runs the callbacks', async () => {
    const seen: string[] = [];
    await expect(withTransaction(db, async (trx, hooks) => {
      await trx('res_partner').insert({ ...base, name: 'Lost' });
      hooks.afterCommit(() => { seen.push('ran'); });
      throw new UserError('refused');
    })).rejects.toThrow('refused');
    expect(await partnerNames(db)).not.toContain('Lost');
    expect(seen).toEqual([]);
  });

  test('a retryable error reruns the call; only the last attempt counts', async () => {
    const attempts: number[] = [];
    const seen: number[] = [];
    await withTransaction(db, async (trx, hooks) => {
      attempts.push(hooks.attempt);
      await trx('res_partner').insert({ ...base, name: `Attempt ${hooks.attempt}` });
      hooks.afterCommit(() => { seen.push(hooks.attempt); });
      if (hooks.attempt < 3) throw retryable(backend);
    }, { sleep: noSleep });
    expect(attempts).toEqual([1, 2, 3]);
    expect(seen).toEqual([3]);
    const names = await partnerNames(db);
    expect(names.filter((n) => n.startsWith('Attempt'))).toEqual(['Attempt 3']);
  });

  test('gives up after ten attempts, waiting longer each time, and surfaces the error', async () => {
    let attempts = 0;
    const waits: number[] = [];
    await expect(withTransaction(db, async () => {
      attempts++;
      throw retryable(backend);
    }, { sleep: async (ms) => { waits.push(ms); } })).rejects.toThrow('could not serialize access');
    expect(attempts).toBe(10);
    expect(waits).toHaveLength(9);
    waits.forEach((ms, i) => {
      expect(ms).toBeGreaterThanOrEqual(backoffMs(i + 1, () => 0));
      expect(ms).toBeLessThanOrEqual(backoffMs(i + 1, () => 1));
    });
  });

  test('other errors are not retried', async () => {
    let attempts = 0;
    await expect(withTransaction(db, async () => {
      attempts++;
      throw new UserError('business rule');
    }, { sleep: noSleep })).rejects.toThrow('business rule');
    expect(attempts).toBe(1);
  });

  test('a failing after-commit callback does not undo or fail the call', async () => {
    const errors: string[] = [];
    const logger = { info: () => {}, warn: () => {}, error: (m: string) => { errors.push(m); } };
    const result = await withTransaction(db, async (trx, hooks) => {
      await trx('res_partner').insert({ ...base, name: 'Kept' });
      hooks.afterCommit(() => { throw new UserError('mail server down'); });
      return 'ok';
    }, { logger });
    expect(result).toBe('ok');
    expect(await partnerNames(db)).toContain('Kept');
    expect(errors).toEqual(['After-commit work failed: mail server down']);
  });
});

describe('withTransaction on PostgreSQL under real contention', () => {
  test('a serialization failure from a concurrent update is retried and then succeeds', async () => {
    const t = testManager('pg');
    const name = t.fresh();
    try {
      await t.dbm.create(name, defaultCreate);
      const db = await t.dbm.get(name);
      const row = { id: await insertPartner(db, { name: 'Counter', ref: '0' }) };
      const url = new URL((db.knex.client.config.connection as { connectionString: string }).connectionString);
      const other = knexFactory({ client: 'pg', connection: url.toString(), pool: { min: 0, max: 1 } });
      const attempts: number[] = [];
      try {
        await withTransaction(db, async (trx, hooks) => {
          attempts.push(hooks.attempt);
          const current = await trx('res_partner').where({ id: row.id }).first();
          // Someone else commits a change to the same row after our snapshot was taken.
          if (hooks.attempt === 1) await other('res_partner').where({ id: row.id }).update({ ref: '100' });
          await trx('res_partner').where({ id: row.id }).update({ ref: String(Number(current.ref) + 1) });
        }, { sleep: noSleep });
      } finally {
        await other.destroy();
      }
      expect(attempts).toEqual([1, 2]);
      expect((await db.knex('res_partner').where({ id: row.id }).first()).ref).toBe('101');
    } finally {
      await t.cleanup();
    }
  });
});

describe('backoff between attempts', () => {
  test('doubles up to a ceiling, and is half random', () => {
    const low = Array.from({ length: 9 }, (_, i) => backoffMs(i + 1, () => 0));
    const high = Array.from({ length: 9 }, (_, i) => backoffMs(i + 1, () => 1));
    expect(high).toEqual([20, 40, 80, 160, 320, 640, 1280, 2000, 2000]);
    expect(low).toEqual(high.map((ms) => ms / 2));
  });
});

describe('withTransaction on PostgreSQL when the call catches the failure itself', () => {
  /** A call that bumps `ref` in a savepoint and carries on if that fails, as careless code might. */
  async function bumpInSavepoint(trx: Knex.Transaction, id: number): Promise<boolean> {
    try {
      await trx.transaction(async (sp) => {
        const current = await sp('res_partner').where({ id }).first();
        await sp('res_partner').where({ id }).update({ ref: String(Number(current.ref) + 1) });
      });
      return true;
    } catch {
      return false;
    }
  }

  test('a serialization failure swallowed in a savepoint still reruns the whole call', async () => {
    const t = testManager('pg');
    const name = t.fresh();
    try {
      await t.dbm.create(name, defaultCreate);
      const db = await t.dbm.get(name);
      const id = await insertPartner(db, { name: 'Counter', ref: '0' });
      const url = new URL((db.knex.client.config.connection as { connectionString: string }).connectionString);
      const other = knexFactory({ client: 'pg', connection: url.toString(), pool: { min: 0, max: 1 } });
      const outcomes: boolean[] = [];
      try {
        const result = await withTransaction(db, async (trx, hooks) => {
          // The snapshot is taken here; on the first attempt someone else then commits a change.
          await trx('res_partner').where({ id }).first();
          if (hooks.attempt === 1) await other('res_partner').where({ id }).update({ ref: '100' });
          const bumped = await bumpInSavepoint(trx, id);
          outcomes.push(bumped);
          return bumped ? 'bumped' : 'gave up';
        }, { sleep: noSleep });
        expect(result).toBe('bumped');
      } finally {
        await other.destroy();
      }
      expect(outcomes).toEqual([false, true]);
      expect((await db.knex('res_partner').where({ id }).first()).ref).toBe('101');
    } finally {
      await t.cleanup();
    }
  });
});
