// The database manager's lifecycle on both backends: create, list, exists, get, duplicate,
// rename, drop, name validation and the clean-up of a failed creation.
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import knexFactory from 'knex';
import { createDatabaseManager } from '../../../src/db/manager';
import { CallError, UserError } from '../../../src/errors';
import { BACKENDS, PG_URL } from '../../support/backends';
import { defaultCreate, insertPartner, testInitialize, testManager, TestManager } from './fixtures';

async function adminLogins(t: TestManager, name: string): Promise<string[]> {
  const db = await t.dbm.get(name);
  return (await db.knex('res_users').select('login').orderBy('login')).map((r: { login: string }) => r.login);
}

async function pgDatabaseExists(name: string): Promise<boolean> {
  const admin = knexFactory({ client: 'pg', connection: PG_URL, pool: { min: 0, max: 1 } });
  try {
    const res = await admin.raw('SELECT 1 FROM pg_database WHERE datname = ?', [name]);
    return res.rows.length === 1;
  } finally {
    await admin.destroy();
  }
}

describe.each(BACKENDS)('database manager on %s', (backend) => {
  let t: TestManager;
  beforeEach(() => { t = testManager(backend); });
  afterEach(async () => { await t.cleanup(); });

  test('a created database is listed, exists, opens, and holds the admin user', async () => {
    const name = t.fresh();
    await t.dbm.create(name, { ...defaultCreate, login: 'boss' });
    expect(await t.dbm.list()).toEqual([name]);
    expect(await t.dbm.exists(name)).toBe(true);
    const db = await t.dbm.get(name);
    expect(db).toMatchObject({ name, backend });
    expect(await t.dbm.get(name)).toBe(db);
    expect(await adminLogins(t, name)).toEqual(['boss']);
    const applied = await db.knex('schema_migrations').pluck('name');
    expect(applied).toContain('0001_base');
  });

  test('list is sorted and only names our databases', async () => {
    const [a, b] = [t.fresh(), t.fresh()].sort();
    await t.dbm.create(b, defaultCreate);
    await t.dbm.create(a, defaultCreate);
    expect(await t.dbm.list()).toEqual([a, b]);
  });

  test('creating over an existing name is refused with 7.0 text and keeps the old data', async () => {
    const name = t.fresh();
    await t.dbm.create(name, defaultCreate);
    const err = await t.dbm.create(name, { ...defaultCreate, login: 'other' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserError);
    expect((err as UserError).message).toBe(` ${name} database already exists!`);
    expect(await adminLogins(t, name)).toEqual(['admin']);
  });

  test.each(['../x', '../../etc/passwd', '.hidden', 'a/b', 'a\\b', '', 'a b', 'x'.repeat(64), '-x', 'é'])(
    'the name %j is refused everywhere and touches nothing outside the data directory', async (bad) => {
      await expect(t.dbm.create(bad, defaultCreate)).rejects.toThrow(/Invalid database name/);
      await expect(t.dbm.create(bad, defaultCreate)).rejects.toBeInstanceOf(UserError);
      expect(await t.dbm.exists(bad)).toBe(false);
      await expect(t.dbm.get(bad)).rejects.toBeInstanceOf(CallError);
      expect(await t.dbm.drop(bad)).toBe(false);
      expect(readdirSync(t.dataDir)).toEqual([]);
      expect(existsSync(join(dirname(t.dataDir), 'x.sqlite'))).toBe(false);
    },
  );

  test('a 63-character name with dots, dashes and underscores is accepted', async () => {
    const name = `${t.fresh()}.a-b_c`.padEnd(63, 'z');
    await t.dbm.create(name, defaultCreate);
    expect(await t.dbm.exists(name)).toBe(true);
  });

  test('an unknown database is an OperationalError naming it, with no path', async () => {
    const err = await t.dbm.get('no_such_db').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CallError);
    expect((err as CallError).pyType).toBe('OperationalError');
    expect((err as CallError).message).toBe('database "no_such_db" does not exist');
    expect(await t.dbm.exists('no_such_db')).toBe(false);
  });

  test('a failing initialize leaves no database behind, and the name can be used again', async () => {
    const failing = testManager(backend, async () => { throw new UserError('module data is broken'); });
    try {
      const name = failing.fresh();
      await expect(failing.dbm.create(name, defaultCreate)).rejects.toThrow('module data is broken');
      expect(await failing.dbm.list()).toEqual([]);
      expect(await failing.dbm.exists(name)).toBe(false);
      await expect(failing.dbm.get(name)).rejects.toThrow(`database "${name}" does not exist`);
      if (backend === 'pg') expect(await pgDatabaseExists(name)).toBe(false);
      else expect(readdirSync(failing.dataDir)).toEqual([]);
      await t.dbm.create(name, defaultCreate);
      expect(await adminLogins(t, name)).toEqual(['admin']);
    } finally {
      await failing.cleanup();
    }
  });

  test('two creations of one name at once: exactly one succeeds', async () => {
    const name = t.fresh();
    const results = await Promise.allSettled([t.dbm.create(name, defaultCreate), t.dbm.create(name, defaultCreate)]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(await adminLogins(t, name)).toEqual(['admin']);
  });

  test('duplicate copies the data into an independent database', async () => {
    const [src, dst] = [t.fresh(), t.fresh()];
    await t.dbm.create(src, defaultCreate);
    await insertPartner(await t.dbm.get(src), { name: 'Agrolait' });
    await t.dbm.duplicate(src, dst);
    expect(await t.dbm.list()).toEqual([src, dst].sort());
    const copy = await t.dbm.get(dst);
    expect(await copy.knex('res_partner').where({ name: 'Agrolait' }).pluck('name')).toEqual(['Agrolait']);
    await copy.knex('res_partner').where({ name: 'Agrolait' }).update({ name: 'Changed' });
    const original = await t.dbm.get(src);
    expect(await original.knex('res_partner').where({ name: 'Agrolait' }).pluck('name')).toEqual(['Agrolait']);
    await expect(t.dbm.duplicate(src, dst)).rejects.toThrow(` ${dst} database already exists!`);
    // The existing target is left as it was.
    expect(await (await t.dbm.get(dst)).knex('res_partner').where({ name: 'Changed' }).pluck('name')).toEqual(['Changed']);
    await expect(t.dbm.duplicate('missing_db', t.fresh())).rejects.toThrow('database "missing_db" does not exist');
  });

  test('rename moves the database; the old name is gone', async () => {
    const [a, b] = [t.fresh(), t.fresh()];
    await t.dbm.create(a, defaultCreate);
    await insertPartner(await t.dbm.get(a), { name: 'Kept' });
    await t.dbm.rename(a, b);
    expect(await t.dbm.list()).toEqual([b]);
    await expect(t.dbm.get(a)).rejects.toThrow(`database "${a}" does not exist`);
    expect(await (await t.dbm.get(b)).knex('res_partner').where({ name: 'Kept' }).pluck('name')).toEqual(['Kept']);
    await t.dbm.create(a, defaultCreate);
    await expect(t.dbm.rename(b, a)).rejects.toThrow(` ${a} database already exists!`);
    expect(await t.dbm.list()).toEqual([a, b].sort());
    expect(await (await t.dbm.get(b)).knex('res_partner').where({ name: 'Kept' }).pluck('name')).toEqual(['Kept']);
    await expect(t.dbm.rename(b, '../escape')).rejects.toThrow(/Invalid database name/);
  });

  test('drop removes the database once; the name is then unknown', async () => {
    const name = t.fresh();
    await t.dbm.create(name, defaultCreate);
    await t.dbm.get(name);
    expect(await t.dbm.drop(name)).toBe(true);
    expect(await t.dbm.drop(name)).toBe(false);
    expect(await t.dbm.list()).toEqual([]);
    expect(await t.dbm.exists(name)).toBe(false);
    await expect(t.dbm.get(name)).rejects.toThrow(`database "${name}" does not exist`);
    if (backend === 'pg') expect(await pgDatabaseExists(name)).toBe(false);
    else expect(readdirSync(t.dataDir)).toEqual([]);
  });

  test('a second manager on the same storage sees the databases (restart)', async () => {
    const name = t.fresh();
    await t.dbm.create(name, defaultCreate);
    const restarted = createDatabaseManager({
      dataDir: t.dataDir, databaseUrl: backend === 'pg' ? PG_URL : null, initialize: testInitialize(), pgTag: t.tag,
    });
    try {
      expect(await restarted.list()).toEqual([name]);
      expect(await (await restarted.get(name)).knex('res_users').pluck('login')).toEqual(['admin']);
    } finally {
      await restarted.closeAll();
    }
  });
});
