// Service requests filed by many help centers at the same moment: every call succeeds and every
// request gets its own reference; the numbering carries on, without reuse, in a database
// restored from a dump (on either backend) or duplicated.
import type { Database, InitializeFn } from '../../../src/db/types';
import { withTransaction } from '../../../src/db/transaction';
import { installModules } from '../../../src/orm/data-loader';
import { createEnv } from '../../../src/orm/env';
import { UserError } from '../../../src/errors';
import { BACKENDS, type Backend } from '../../support/backends';
import { defaultCreate, testManager, type TestManager } from '../db/fixtures';
import { helpdeskRegistry } from './support';

const REQ = 'helpdesk.request';
const registry = helpdeskRegistry();

const initialize: InitializeFn = (db, o) => withTransaction(db, async (trx) => {
  const env = createEnv({ cr: trx, uid: 1, su: true, registry, dbName: db.name });
  await installModules(env, registry, { adminPassword: o.adminPassword, lang: o.lang, demo: o.demo });
});

/** A help center user in the main company, made as the superuser. */
async function helpCenterUser(db: Database): Promise<number> {
  const su = createEnv({ cr: db.knex, uid: 1, su: true, registry, dbName: db.name });
  const group = await su.model('ir.model.data').call('xmlid_to_res_id', { xmlid: 'helpdesk_master.group_help_center', raise_if_not_found: true });
  return su.model('res.users').create({ login: 'help', name: 'Help center', groups_id: [[6, 0, [Number(group)]]] });
}

/**
 * One call as the object service makes it: its own transaction, rerun on a lost race. `reruns`
 * collects the attempt numbers of calls that had to run again.
 */
function fileRequest(db: Database, uid: number, subject: string, fail = false, reruns: number[] = []): Promise<string> {
  return withTransaction(db, async (trx, hooks) => {
    if (hooks.attempt > 1) reruns.push(hooks.attempt);
    const env = createEnv({ cr: trx, uid, registry, dbName: db.name });
    const id = await env.model(REQ).create({ subject, category: 'technical' });
    const [row] = await env.model(REQ).read([id], ['name']);
    if (fail) throw new UserError('the caller gave up');
    for (const cb of env.takeAfterCommit()) hooks.afterCommit(cb);
    return String(row.name);
  });
}

/** The number at the end of a reference (REQ/2026/00042 -> 42). */
function numberOf(ref: string): number {
  const m = /^REQ\/\d{4}\/(\d{5})$/.exec(ref);
  if (!m) throw new Error(`not a request reference: ${ref}`);
  return Number(m[1]);
}

async function storedRefs(db: Database): Promise<string[]> {
  return (await db.knex('helpdesk_request').orderBy('id').pluck('name')) as string[];
}

async function openDb(t: TestManager): Promise<{ db: Database; uid: number }> {
  const name = t.fresh();
  await t.dbm.create(name, defaultCreate);
  const db = await t.dbm.get(name);
  return { db, uid: await helpCenterUser(db) };
}

describe.each(BACKENDS)('requests filed at the same moment on %s', (backend) => {
  let t: TestManager;
  beforeEach(() => { t = testManager(backend, initialize); });
  afterEach(async () => { await t.cleanup(); });

  test('50 requests filed at once all succeed, each with its own reference', async () => {
    const { db, uid } = await openDb(t);
    const reruns: number[] = [];
    const refs = await Promise.all(Array.from({ length: 50 }, (_, i) => fileRequest(db, uid, `Request ${i}`, false, reruns)));
    // Taking a reference never makes calls wait for or undo each other: none had to run again.
    expect(reruns).toEqual([]);
    expect(new Set(refs).size).toBe(50);
    expect(refs.map(numberOf).every((n) => n >= 1)).toBe(true);
    expect((await storedRefs(db)).sort()).toEqual([...refs].sort());
  });

  test('a restored or duplicated database goes on numbering without reusing a reference', async () => {
    const { db, uid } = await openDb(t);
    const before = [await fileRequest(db, uid, 'First'), await fileRequest(db, uid, 'Second')];
    await expect(fileRequest(db, uid, 'Abandoned', true)).rejects.toThrow(UserError);
    const last = Math.max(...before.map(numberOf));

    const restored = t.fresh();
    await t.dbm.restore(restored, await t.dbm.dump(db.name));
    const copy = t.fresh();
    await t.dbm.duplicate(db.name, copy);
    for (const name of [restored, copy, db.name]) {
      const target = await t.dbm.get(name);
      const next = numberOf(await fileRequest(target, uid, `After ${name}`));
      expect(next).toBeGreaterThan(last);
      const refs = await storedRefs(target);
      expect(new Set(refs).size).toBe(refs.length);
    }
  });
});

describe('numbering when a dump moves between backends', () => {
  test.each([['pg', 'sqlite'], ['sqlite', 'pg']] as [Backend, Backend][])('from %s to %s', async (from, to) => {
    const a = testManager(from, initialize);
    const b = testManager(to, initialize);
    try {
      const { db, uid } = await openDb(a);
      await fileRequest(db, uid, 'First');
      await expect(fileRequest(db, uid, 'Abandoned', true)).rejects.toThrow(UserError);
      const kept = numberOf(await fileRequest(db, uid, 'Second'));
      const name = b.fresh();
      await b.dbm.restore(name, await a.dbm.dump(db.name));
      const target = await b.dbm.get(name);
      const refs = await Promise.all(Array.from({ length: 10 }, (_, i) => fileRequest(target, uid, `Moved ${i}`)));
      expect(Math.min(...refs.map(numberOf))).toBe(kept + 1);
      const all = await storedRefs(target);
      expect(new Set(all).size).toBe(12);
    } finally {
      await a.cleanup();
      await b.cleanup();
    }
  });
});
