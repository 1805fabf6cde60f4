// The per-database cache and its signal on both backends: calls that read the same signal share
// what they load; a signal moved by another process (another cache on the same database) drops
// everything; a call that started before the move, or that moved it itself, keeps its loads to itself.
import { up as cacheSignalUp } from '../../../migrations/0330_cache_signal';
import { bumpSignal, DbCache, readSignal } from '../../../src/db/cache-signal';
import { BACKENDS, createScratchDb, type ScratchDb } from '../../support/backends';

describe.each(BACKENDS)('the cache signal on %s', (backend) => {
  let db: ScratchDb;
  beforeAll(async () => {
    db = await createScratchDb(backend);
    await cacheSignalUp(db.knex);
  });
  afterAll(async () => { await db.destroy(); });

  /** A loader that counts how often it really ran. */
  function counter(): { load: () => Promise<number>; runs: () => number } {
    let n = 0;
    return { load: async () => { n += 1; return n; }, runs: () => n };
  }

  test('no row reads as 0; each change moves it by one, and a rolled-back change does not', async () => {
    expect(await readSignal(db.knex)).toBe(0);
    await bumpSignal(db.knex);
    await bumpSignal(db.knex);
    expect(await readSignal(db.knex)).toBe(2);
    await db.knex.transaction(async (trx) => {
      await bumpSignal(trx);
      throw new Error('rolled back');
    }).catch(() => undefined);
    expect(await readSignal(db.knex)).toBe(2);
  });

  test('calls on the same signal share a load; another process\'s change drops it', async () => {
    const mine = new DbCache();
    const c = counter();
    expect(await (await mine.sync(db.knex)).get('area', 'k', c.load)).toBe(1);
    expect(await (await mine.sync(db.knex)).get('area', 'k', c.load)).toBe(1);
    await bumpSignal(db.knex); // what the other process's commit does
    expect(await (await mine.sync(db.knex)).get('area', 'k', c.load)).toBe(2);
    expect(c.runs()).toBe(2);
  });

  test('a call that began before the signal moved keeps what it loads to itself', async () => {
    const mine = new DbCache();
    const early = await mine.sync(db.knex);
    await bumpSignal(db.knex);
    const late = await mine.sync(db.knex);
    const c = counter();
    expect(await early.get('area', 'k', c.load)).toBe(1);
    expect(await late.get('area', 'k', c.load)).toBe(2);
    expect(await (await mine.sync(db.knex)).get('area', 'k', c.load)).toBe(2);
  });

  test('a call that changed cached data stops sharing, and drops the cache once committed', async () => {
    const mine = new DbCache();
    const c = counter();
    const view = await mine.sync(db.knex);
    expect(await view.get('area', 'k', c.load)).toBe(1);
    view.changed();
    expect(view.hasChanged).toBe(true);
    expect(await view.get('area', 'k', c.load)).toBe(2);
    // Other calls still share the value from before the change, until it commits.
    expect(await (await mine.sync(db.knex)).get('area', 'k', c.load)).toBe(1);
    view.dropShared();
    expect(await (await mine.sync(db.knex)).get('area', 'k', c.load)).toBe(3);
  });

  test('a failed load is not kept', async () => {
    const mine = new DbCache();
    const view = await mine.sync(db.knex);
    await expect(view.get('area', 'k', async () => { throw new Error('database busy'); })).rejects.toThrow('database busy');
    expect(await view.get('area', 'k', async () => 7)).toBe(7);
  });
});
