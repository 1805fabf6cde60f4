// Dump and restore on both backends: the restored database has the same rows, references and
// migrations, its ids continue after the largest one, and bad dumps are refused cleanly.
import { gzipSync } from 'node:zlib';
import { CallError, UserError } from '../../../src/errors';
import type { Database } from '../../../src/db/types';
import { BACKENDS } from '../../support/backends';
import { createUser, defaultCreate, insertPartner, testManager, TestManager } from './fixtures';

async function seed(db: Database): Promise<void> {
  const [country] = await db.knex('res_country').insert({ name: 'Belgium', code: 'BE' }).returning('id');
  const countryId = typeof country === 'object' ? country.id : country;
  // A chain through the self reference, inserted child before parent to defeat id ordering.
  const childId = await insertPartner(db, { name: 'Child', country_id: countryId });
  const parentId = await insertPartner(db, { name: 'Parent', is_company: true });
  await db.knex('res_partner').where({ id: childId }).update({ parent_id: parentId });
  await db.knex('res_partner').where({ id: parentId }).update({ comment: 'Ünïcödé, quotes \' " and\nnewlines' });
  await insertPartner(db, { name: 'Deleted' });
  await db.knex('res_partner').where({ name: 'Deleted' }).delete();
  await createUser(db, 'demo', 'demo-pass', false);
  await db.knex('res_users').where({ login: 'demo' }).update({ login_date: '2024-02-29 23:59:58' });
}

async function snapshot(db: Database): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const table of ['res_country', 'res_partner', 'res_users']) {
    out[table] = await db.knex(table).select('*').orderBy('id');
  }
  return out;
}

describe.each(BACKENDS)('dump and restore on %s', (backend) => {
  let t: TestManager;
  beforeEach(() => { t = testManager(backend); });
  afterEach(async () => { await t.cleanup(); });

  test('a restored dump has the same rows, references and migrations', async () => {
    const [src, dst] = [t.fresh(), t.fresh()];
    await t.dbm.create(src, defaultCreate);
    const source = await t.dbm.get(src);
    await seed(source);
    const data = await t.dbm.dump(src);
    expect(data.subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b]));
    await t.dbm.restore(dst, data);
    expect(await t.dbm.list()).toEqual([src, dst].sort());
    const restored = await t.dbm.get(dst);
    expect(await snapshot(restored)).toEqual(await snapshot(source));
    expect(await restored.knex('schema_migrations').pluck('name')).toEqual(await source.knex('schema_migrations').pluck('name'));
    const child = await restored.knex('res_partner').where({ name: 'Child' }).first();
    const parent = await restored.knex('res_partner').where({ id: child.parent_id }).first();
    expect(parent.name).toBe('Parent');
  });

  test('ids in a restored database continue after the largest restored id', async () => {
    const [src, dst] = [t.fresh(), t.fresh()];
    await t.dbm.create(src, defaultCreate);
    await seed(await t.dbm.get(src));
    await t.dbm.restore(dst, await t.dbm.dump(src));
    const restored = await t.dbm.get(dst);
    const maxBefore = Number((await restored.knex('res_partner').max({ m: 'id' }))[0].m);
    expect(await insertPartner(restored, { name: 'New' })).toBeGreaterThan(maxBefore);
  });

  test('restoring over an existing name is refused and leaves it untouched', async () => {
    const [a, b] = [t.fresh(), t.fresh()];
    await t.dbm.create(a, defaultCreate);
    await t.dbm.create(b, { ...defaultCreate, login: 'keeper' });
    const err = await t.dbm.restore(b, await t.dbm.dump(a)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CallError);
    expect((err as CallError).message).toBe('Database already exists');
    expect(await (await t.dbm.get(b)).knex('res_users').pluck('login')).toEqual(['keeper']);
  });

  test.each([
    ['garbage', Buffer.from('not a dump at all')],
    ['gzip of non-JSON', gzipSync(Buffer.from('PGDMP binary'))],
    ['another format', gzipSync(Buffer.from(JSON.stringify({ format: 'pg_dump', tables: [] })))],
  ])('a dump that is %s is refused and no database is left', async (_label, data) => {
    const name = t.fresh();
    const err = await t.dbm.restore(name, data).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserError);
    expect((err as UserError).message).toMatch(/^This is not a database dump of this server/);
    expect(await t.dbm.exists(name)).toBe(false);
  });

  test('a dump naming a table the schema lacks is refused and no database is left', async () => {
    const [src, dst] = [t.fresh(), t.fresh()];
    await t.dbm.create(src, defaultCreate);
    const file = JSON.parse((await import('node:zlib')).gunzipSync(await t.dbm.dump(src)).toString());
    file.tables.push({ name: 'no_such_table', columns: ['id'], rows: [[1]] });
    await expect(t.dbm.restore(dst, gzipSync(Buffer.from(JSON.stringify(file))))).rejects.toThrow('table no_such_table is not in the schema');
    expect(await t.dbm.exists(dst)).toBe(false);
    expect(await t.dbm.list()).toEqual([src]);
  });

  test('a dump needing a migration this server lacks is refused', async () => {
    const [src, dst] = [t.fresh(), t.fresh()];
    await t.dbm.create(src, defaultCreate);
    const file = JSON.parse((await import('node:zlib')).gunzipSync(await t.dbm.dump(src)).toString());
    file.migrations.push('9999_from_the_future');
    await expect(t.dbm.restore(dst, gzipSync(Buffer.from(JSON.stringify(file))))).rejects.toThrow(/migration 9999_from_the_future/);
    expect(await t.dbm.exists(dst)).toBe(false);
  });
});

describe('dumps move between backends', () => {
  test.each([['sqlite', 'pg'], ['pg', 'sqlite']] as const)('from %s to %s', async (from, to) => {
    const a = testManager(from);
    const b = testManager(to);
    try {
      const [src, dst] = [a.fresh(), b.fresh()];
      await a.dbm.create(src, defaultCreate);
      await seed(await a.dbm.get(src));
      await b.dbm.restore(dst, await a.dbm.dump(src));
      const restored = await b.dbm.get(dst);
      const demo = await restored.knex('res_users').where({ login: 'demo' }).first();
      expect(Boolean(demo.active)).toBe(false);
      expect(demo.login_date).toBe('2024-02-29 23:59:58');
      const parent = await restored.knex('res_partner').where({ name: 'Parent' }).first();
      expect(Boolean(parent.is_company)).toBe(true);
      expect(parent.comment).toBe('Ünïcödé, quotes \' " and\nnewlines');
    } finally {
      await a.cleanup();
      await b.cleanup();
    }
  });
});
