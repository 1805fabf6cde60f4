// classifyDbError on real violations from both backends: the kind, the table and column the
// ORM needs for a readable message, and never any SQL.
import { classifyDbError } from '../../../src/db/errors';
import { BACKENDS, createScratchDb, ScratchDb } from '../../support/backends';

async function failure(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (err) {
    return err;
  }
  throw new Error('expected the statement to fail');
}

describe.each(BACKENDS)('database errors on %s', (backend) => {
  let s: ScratchDb;
  let countryId: number;
  beforeAll(async () => {
    s = await createScratchDb(backend);
    if (backend === 'sqlite') await s.knex.raw('PRAGMA foreign_keys = ON');
    await s.knex.schema.createTable('e_country', (t) => {
      t.increments('id');
      t.string('code').notNullable();
      t.unique(['code'], { indexName: 'e_country_code_unique' });
    });
    await s.knex.schema.createTable('e_person', (t) => {
      t.increments('id');
      t.string('name').notNullable();
      t.integer('age').checkPositive('e_person_age_positive');
      t.integer('country_id').references('id').inTable('e_country');
      t.string('email');
      t.string('team');
      t.unique(['email', 'team'], { indexName: 'e_person_email_team_unique' });
    });
    const [country] = await s.knex('e_country').insert({ code: 'BE' }).returning('id');
    countryId = typeof country === 'object' ? country.id : country;
    await s.knex('e_person').insert({ name: 'Ann', country_id: countryId, email: 'a@x', team: 't' });
  });
  afterAll(async () => { await s.destroy(); });

  test('NOT NULL names the table and column', async () => {
    const info = classifyDbError(await failure(s.knex('e_person').insert({ name: null })));
    expect(info).toEqual(expect.objectContaining({ kind: 'not_null', table: 'e_person', column: 'name' }));
  });

  test('UNIQUE names the table and its columns', async () => {
    const one = classifyDbError(await failure(s.knex('e_country').insert({ code: 'BE' })));
    expect(one).toEqual(expect.objectContaining({ kind: 'unique', table: 'e_country', column: 'code' }));
    const two = classifyDbError(await failure(s.knex('e_person').insert({ name: 'B', email: 'a@x', team: 't' })));
    expect(two).toEqual(expect.objectContaining({ kind: 'unique', table: 'e_person', columns: ['email', 'team'] }));
  });

  test('a missing referenced row and a still-referenced row are foreign-key errors', async () => {
    const insert = classifyDbError(await failure(s.knex('e_person').insert({ name: 'C', country_id: 99 })));
    expect(insert.kind).toBe('foreign_key');
    const del = classifyDbError(await failure(s.knex('e_country').where({ id: countryId }).delete()));
    expect(del.kind).toBe('foreign_key');
    if (backend === 'pg') {
      expect(insert).toEqual(expect.objectContaining({ table: 'e_person', column: 'country_id' }));
      expect(del.column).toBeUndefined();
    }
  });

  test('CHECK is a check error', async () => {
    const info = classifyDbError(await failure(s.knex('e_person').insert({ name: 'D', age: -1 })));
    expect(info.kind).toBe('check');
    expect(info.constraint).toBe('e_person_age_positive');
  });

  test('nothing in the result carries SQL or values', async () => {
    const info = classifyDbError(await failure(s.knex('e_country').insert({ code: 'BE' })));
    expect(JSON.stringify(info)).not.toMatch(/insert|values|BE/i);
  });
});

describe('classifyDbError without a database', () => {
  test.each([['40001'], ['40P01'], ['55P03'], ['SQLITE_BUSY'], ['SQLITE_BUSY_SNAPSHOT'], ['SQLITE_LOCKED']])(
    '%s is retryable', (code) => {
      expect(classifyDbError(Object.assign(new Error('x'), { code })).kind).toBe('retryable');
    },
  );

  test('a wrapped driver error is classified by its cause; anything else is other', () => {
    const cause = Object.assign(new Error('x'), { code: '23505', table: 't', constraint: 'c', detail: 'Key (a)=(1) already exists.' });
    expect(classifyDbError(new Error('wrapped', { cause }))).toEqual({ kind: 'unique', table: 't', column: 'a', columns: ['a'], constraint: 'c' });
    expect(classifyDbError(new Error('plain')).kind).toBe('other');
    expect(classifyDbError(null).kind).toBe('other');
    expect(classifyDbError('text').kind).toBe('other');
  });
});
