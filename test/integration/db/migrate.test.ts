// The migrations runner on both backends: applies each migration once, in order, atomically,
// and safely when runs overlap; SQLite table rebuilds never fire ON DELETE actions.
import type { Knex } from 'knex';
import { MIGRATIONS, type Migration } from '../../../migrations';
import { appliedMigrations, migrate } from '../../../src/db/migrate';
import { BACKENDS, createScratchDb, ScratchDb } from '../../support/backends';
import { failureMessage } from './fixtures';

const parentChild: Migration = {
  name: '9001_parent_child',
  async up(knex) {
    await knex.schema.createTable('t_parent', (t) => { t.increments('id'); t.string('name'); });
    await knex.schema.createTable('t_child', (t) => {
      t.increments('id');
      t.integer('parent_id').references('id').inTable('t_parent').onDelete('CASCADE');
    });
  },
  async down() {},
};

const alterParent: Migration = {
  name: '9002_alter_parent',
  async up(knex) {
    // On SQLite this rebuilds t_parent (create copy, drop original, rename).
    await knex.schema.alterTable('t_parent', (t) => { t.dropColumn('name'); });
  },
  async down() {},
};

const failing: Migration = {
  name: '9003_failing',
  async up(knex) {
    await knex.schema.createTable('t_half', (t) => { t.increments('id'); });
    await knex.raw('SELECT * FROM no_such_table_at_all');
  },
  async down() {},
};

describe.each(BACKENDS)('migrations runner on %s', (backend) => {
  let s: ScratchDb;
  beforeEach(async () => {
    s = await createScratchDb(backend);
    // As on the manager's connections: without it the cascade below could not happen at all.
    if (backend === 'sqlite') await s.knex.raw('PRAGMA foreign_keys = ON');
  });
  afterEach(async () => { await s.destroy(); });

  const hasTable = (k: Knex, name: string): Promise<boolean> => k.schema.hasTable(name);

  test('a new database gets every migration in order, once', async () => {
    expect(await migrate(s.knex, backend)).toEqual(MIGRATIONS.map((m) => m.name));
    expect(await appliedMigrations(s.knex)).toEqual(MIGRATIONS.map((m) => m.name));
    expect(await hasTable(s.knex, 'res_users')).toBe(true);
    expect(await migrate(s.knex, backend)).toEqual([]);
    expect(await appliedMigrations(s.knex)).toEqual(MIGRATIONS.map((m) => m.name));
  });

  test('a migration added later is applied on the next run only', async () => {
    await migrate(s.knex, backend);
    expect(await migrate(s.knex, backend, [...MIGRATIONS, parentChild])).toEqual(['9001_parent_child']);
    expect(await migrate(s.knex, backend, [...MIGRATIONS, parentChild])).toEqual([]);
    expect(await hasTable(s.knex, 't_child')).toBe(true);
  });

  test('overlapping runs apply each migration once', async () => {
    const runs = await Promise.all([migrate(s.knex, backend), migrate(s.knex, backend)]);
    expect([...runs[0], ...runs[1]].sort()).toEqual(MIGRATIONS.map((m) => m.name).sort());
    expect(await appliedMigrations(s.knex)).toHaveLength(MIGRATIONS.length);
  });

  test('a failing migration leaves neither its tables nor its record', async () => {
    expect(await failureMessage(migrate(s.knex, backend, [parentChild, failing]))).toMatch(/no_such_table_at_all/);
    expect(await hasTable(s.knex, 't_half')).toBe(false);
    expect(await hasTable(s.knex, 't_parent')).toBe(false);
    expect(await appliedMigrations(s.knex)).toEqual([]);
  });

  test('altering a referenced table keeps the rows that point to it', async () => {
    await migrate(s.knex, backend, [parentChild]);
    const [p] = await s.knex('t_parent').insert({ name: 'p' }).returning('id');
    const parentId = typeof p === 'object' ? p.id : p;
    await s.knex('t_child').insert([{ parent_id: parentId }, { parent_id: parentId }]);
    expect(await migrate(s.knex, backend, [parentChild, alterParent])).toEqual(['9002_alter_parent']);
    expect(await s.knex('t_child').count({ n: '*' })).toEqual([{ n: backend === 'pg' ? '2' : 2 }]);
  });
});
