// Statements kept per shape (src/orm/records/statements.ts) without a database: a shape seen again
// reuses the SQL text with new values; another user, other rules, another database or a moved
// cache signal compile their own; a call that changed cached data keeps nothing. And the shape
// keys of domains tell apart what the compiler tells apart.
import knexFactory, { type Knex } from 'knex';
import { Double } from '../../../src/values';
import { bind, MAX_STATEMENTS, slots, statementFor } from '../../../src/orm/records/statements';
import { shapeKey } from '../../../src/orm/shape-key';
import type { CallEnv } from '../../../src/orm/call-env';

const knex = knexFactory({ client: 'pg' });
const registry = {};

function envOf(over: { uid?: number; su?: boolean; dbName?: string; signal?: number | null; reg?: object } = {}): CallEnv {
  return {
    registry: over.reg ?? registry, dbName: over.dbName ?? 'db1', uid: over.uid ?? 7, su: over.su ?? false,
    backend: 'pg', cr: knex, cache: { sharedSignal: over.signal === undefined ? 1 : over.signal },
  } as unknown as CallEnv;
}

/** A builder of `SELECT ... WHERE id IN (slots) AND company_id = <company>` that counts its builds. */
function counted(company: number, n: number): { build: () => { qb: Knex.QueryBuilder }; builds: () => number } {
  let builds = 0;
  return {
    build: () => {
      builds++;
      return { qb: knex('res_partner').select('res_partner.id', 'res_partner.name').whereIn('res_partner.id', slots(n)).where('company_id', company) };
    },
    builds: () => builds,
  };
}

describe('statements kept per shape', () => {
  test('the same shape is built once; its values go into the slots, the fixed bindings stay', async () => {
    const q = counted(3, 2);
    const a = await statementFor(envOf(), 'read:shape-a', q.build);
    const b = await statementFor(envOf(), 'read:shape-a', q.build);
    expect(q.builds()).toBe(1);
    expect(b).toBe(a);
    // kept with its placeholders numbered, as PostgreSQL takes them
    expect(a.sql).toBe('select "res_partner"."id", "res_partner"."name" from "res_partner" where "res_partner"."id" in ($1, $2) and "company_id" = $3');
    expect(bind(a, [10, 11])).toEqual([10, 11, 3]);
    expect(bind(a, [12, 13])).toEqual([12, 13, 3]);
    // the kept bindings are not overwritten by a run
    expect(bind(a, [10, 11])).toEqual([10, 11, 3]);
  });

  test('another user, the superuser, another database or another registry compile their own', async () => {
    const q = counted(3, 1);
    await statementFor(envOf(), 'read:shape-b', q.build);
    await statementFor(envOf({ uid: 8 }), 'read:shape-b', q.build);
    await statementFor(envOf({ su: true }), 'read:shape-b', q.build);
    await statementFor(envOf({ dbName: 'db2' }), 'read:shape-b', q.build);
    await statementFor(envOf({ reg: {} }), 'read:shape-b', q.build);
    expect(q.builds()).toBe(5);
    await statementFor(envOf({ uid: 8 }), 'read:shape-b', q.build);
    expect(q.builds()).toBe(5);
  });

  test('rules in the shape: other rules give another statement with their own values', async () => {
    const mine = counted(3, 1);
    const theirs = counted(4, 1);
    const a = await statementFor(envOf(), 'read:shape-c:rules=[company_id,=,3]', mine.build);
    const b = await statementFor(envOf(), 'read:shape-c:rules=[company_id,=,4]', theirs.build);
    expect(bind(a, [1])).toEqual([1, 3]);
    expect(bind(b, [1])).toEqual([1, 4]);
  });

  test('a moved cache signal retires the statements; a call that changed cached data keeps none', async () => {
    const q = counted(3, 1);
    await statementFor(envOf({ signal: 5 }), 'read:shape-d', q.build);
    await statementFor(envOf({ signal: 5 }), 'read:shape-d', q.build);
    expect(q.builds()).toBe(1);
    await statementFor(envOf({ signal: 6 }), 'read:shape-d', q.build);
    expect(q.builds()).toBe(2);
    await statementFor(envOf({ signal: null }), 'read:shape-d', q.build);
    await statementFor(envOf({ signal: null }), 'read:shape-d', q.build);
    expect(q.builds()).toBe(4);
  });

  test('a null shape is compiled every time', async () => {
    const q = counted(3, 1);
    await statementFor(envOf(), null, q.build);
    await statementFor(envOf(), null, q.build);
    expect(q.builds()).toBe(2);
  });

  test('bounded: past the limit the least recently used shape goes first', async () => {
    const reg = {};
    const first = counted(1, 1);
    await statementFor(envOf({ reg }), 'first', first.build);
    const other = counted(2, 1);
    for (let i = 0; i < MAX_STATEMENTS; i++) await statementFor(envOf({ reg }), `other-${i}`, other.build);
    await statementFor(envOf({ reg }), 'first', first.build);
    expect(first.builds()).toBe(2);
  });
});

describe('shape keys of call values', () => {
  test('types are told apart as the domain compiler tells them apart', () => {
    expect(shapeKey([['a', '=', 1]])).not.toBe(shapeKey([['a', '=', '1']]));
    expect(shapeKey([['a', '=', 1]])).not.toBe(shapeKey([['a', '=', new Double(1)]]));
    expect(shapeKey([['a', '=', new Double(1.5)]])).not.toBe(shapeKey([['a', '=', { value: 1.5 }]]));
    expect(shapeKey([['a', 'in', [1, 2]]])).not.toBe(shapeKey([['a', 'in', '[1,2]']]));
    expect(shapeKey([['a', '=', false]])).not.toBe(shapeKey([['a', '=', null]]));
    expect(shapeKey(['|', ['a', '=', 1], ['b', '=', 2]])).toBe(shapeKey(['|', ['a', '=', 1], ['b', '=', 2]]));
  });

  test('a value of no plain shape has no key (nothing is kept under it)', () => {
    expect(shapeKey([['a', '=', new Map()]])).toBeNull();
    expect(shapeKey([['a', '=', () => 1]])).toBeNull();
  });
});
