// What a database opened by the manager looks like from the inside: SQLite pragmas and matching
// functions, PostgreSQL values as plain numbers and raw date strings, databases kept apart by tag.
import { BACKENDS } from '../../support/backends';
import { defaultCreate, failureMessage, testManager, TestManager } from './fixtures';

describe.each(BACKENDS)('connections on %s', (backend) => {
  let t: TestManager;
  beforeEach(() => { t = testManager(backend); });
  afterEach(async () => { await t.cleanup(); });

  test('count(*) comes back as a number', async () => {
    const name = t.fresh();
    await t.dbm.create(name, defaultCreate);
    const db = await t.dbm.get(name);
    expect(await db.knex('res_users').count({ n: '*' })).toEqual([{ n: 1 }]);
  });

  test('a stored timestamp reads back as the same text, whatever the host time zone', async () => {
    const name = t.fresh();
    await t.dbm.create(name, defaultCreate);
    const db = await t.dbm.get(name);
    await db.knex('res_users').update({ login_date: '2024-03-31 01:30:00' });
    expect(await db.knex('res_users').pluck('login_date')).toEqual(['2024-03-31 01:30:00']);
  });

  test('foreign keys are enforced', async () => {
    const name = t.fresh();
    await t.dbm.create(name, defaultCreate);
    const db = await t.dbm.get(name);
    expect(await failureMessage(db.knex('res_users').insert({ login: 'x', partner_id: 999_999 }))).toMatch(/foreign key/i);
  });
});

describe('SQLite connections', () => {
  let t: TestManager;
  beforeEach(() => { t = testManager('sqlite'); });
  afterEach(async () => { await t.cleanup(); });

  test('use WAL, a busy timeout, and the Unicode matching functions', async () => {
    const name = t.fresh();
    await t.dbm.create(name, defaultCreate);
    const { knex } = await t.dbm.get(name);
    expect(await knex.raw('PRAGMA journal_mode')).toEqual([{ journal_mode: 'wal' }]);
    expect((await knex.raw('PRAGMA busy_timeout'))[0].timeout).toBeGreaterThan(0);
    expect(await knex.raw("SELECT unicode_lower('ÉCOLE') AS v")).toEqual([{ v: 'école' }]);
    expect(await knex.raw("SELECT unicode_like('Ecole ÉCOLE', '%école%', 1) AS v")).toEqual([{ v: 1 }]);
  });
});

describe('PostgreSQL connections', () => {
  let t: TestManager;
  beforeEach(() => { t = testManager('pg'); });
  afterEach(async () => { await t.cleanup(); });

  test('int8 and numeric are numbers, dates and timestamps raw text, huge int8 stays exact', async () => {
    const name = t.fresh();
    await t.dbm.create(name, defaultCreate);
    const { knex } = await t.dbm.get(name);
    const row = (await knex.raw(`SELECT 42::int8 AS i, 12.50::numeric AS n, DATE '2024-02-29' AS d,
      TIMESTAMP '2024-02-29 23:59:58' AS ts, 9223372036854775807::int8 AS big`)).rows[0];
    expect(row).toEqual({ i: 42, n: 12.5, d: '2024-02-29', ts: '2024-02-29 23:59:58', big: '9223372036854775807' });
  });

  test('databases are created UTF-8 and marked as ours', async () => {
    const name = t.fresh();
    await t.dbm.create(name, defaultCreate);
    const { knex } = await t.dbm.get(name);
    const enc = (await knex.raw('SELECT pg_encoding_to_char(encoding) AS e FROM pg_database WHERE datname = current_database()')).rows[0];
    expect(enc.e).toBe('UTF8');
    const comment = (await knex.raw("SELECT shobj_description(oid, 'pg_database') AS c FROM pg_database WHERE datname = current_database()")).rows[0];
    expect(comment.c).toBe(`openerp-support-center:${t.tag}`);
  });

  test('another installation on the same server does not see our databases', async () => {
    const other = testManager('pg');
    try {
      const name = t.fresh();
      await t.dbm.create(name, defaultCreate);
      expect(await other.dbm.list()).toEqual([]);
      expect(await other.dbm.exists(name)).toBe(false);
      await expect(other.dbm.get(name)).rejects.toThrow(`database "${name}" does not exist`);
      expect(await other.dbm.drop(name)).toBe(false);
      expect(await t.dbm.exists(name)).toBe(true);
    } finally {
      await other.cleanup();
    }
  });

  test('the maintenance database itself is never ours', async () => {
    expect(await t.dbm.exists('postgres')).toBe(false);
    expect(await t.dbm.drop('postgres')).toBe(false);
    await expect(t.dbm.get('template1')).rejects.toThrow('database "template1" does not exist');
  });
});
