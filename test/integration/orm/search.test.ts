// search, search_count, search_read, name_get, name_search, name_create, exists: the domain,
// the implicit active filter, order, offset and limit as 7.0 and Odoo clients use them.
import { AccessError, CallError, UserError } from '../../../src/errors';
import { callModelMethod } from '../../../src/orm/call-method';
import { COMPAT_ODOO } from '../../../src/orm/env-types';
import { BACKENDS } from '../../support/backends';
import { openTestDb, type TestDb } from './support/schema';

describe.each(BACKENDS)('search and names on %s', (backend) => {
  let t: TestDb;
  let ids: Record<string, number>;
  beforeAll(async () => {
    t = await openTestDb(backend);
    const p = t.env().model('test.partner');
    ids = {};
    for (const [name, age, active] of [['Carla', 30, true], ['alberto', 20, true], ['Bea', 40, true], ['Dormant', 50, false]] as const) {
      ids[name] = await p.create({ name, age, active });
    }
  });
  afterAll(async () => { await t.db.destroy(); });

  const call = (method: string, args: unknown[], kwargs: Record<string, unknown> = {}, env = t.env()) =>
    callModelMethod(env, 'test.partner', method, args, kwargs);

  test('search orders by the model order by default and honours order, offset and limit', async () => {
    const byName = await call('search', [[]]) as number[];
    expect(byName).toEqual(await call('search', [[]], { order: 'name, id' }));
    expect(new Set(byName)).toEqual(new Set([ids.alberto, ids.Bea, ids.Carla]));
    expect(await call('search', [[]], { order: 'age desc' })).toEqual([ids.Bea, ids.Carla, ids.alberto]);
    expect(await call('search', [[], 1, 1, 'age'])).toEqual([ids.Carla]);
    expect(await call('search', [[], false, false, false, false])).toHaveLength(3);
  });

  test('the active filter hides archived records unless active_test is False or the domain names active', async () => {
    expect(await call('search', [[['name', '=', 'Dormant']]])).toEqual([]);
    expect(await call('search', [[['name', '=', 'Dormant']]], { context: { active_test: false } })).toEqual([ids.Dormant]);
    expect(await call('search', [[['active', '=', false]]])).toEqual([ids.Dormant]);
    // read by id is never filtered by active
    expect(await call('read', [[ids.Dormant], ['name']])).toEqual([{ id: ids.Dormant, name: 'Dormant' }]);
  });

  test('count: search(count=True), search_count and the positional 7.0 count flag', async () => {
    expect(await call('search_count', [[['age', '>=', 30]]])).toBe(2);
    expect(await call('search', [[['age', '>=', 30]]], { count: true })).toBe(2);
    expect(await call('search', [[], 0, 1, false, {}, true])).toBe(3);
    expect(await call('search_count', [[], 2], {}, t.env({ compat: COMPAT_ODOO }))).toBe(2);
  });

  test('search_read returns rows in search order', async () => {
    expect(await call('search_read', [[['age', '<', 35]], ['name']], { order: 'age' }))
      .toEqual([{ id: ids.alberto, name: 'alberto' }, { id: ids.Carla, name: 'Carla' }]);
  });

  test('bad domains and orders give the compiler\'s errors', async () => {
    await expect(call('search', [[['nope', '=', 1]]])).rejects.toThrow(CallError);
    await expect(call('search', [[]], { order: 'name; drop table x' })).rejects.toThrow(UserError);
    await expect(call('search', [[]], { limit: -1 })).rejects.toThrow(CallError);
    await expect(call('search', [[]], { order: 'salary' })).rejects.toThrow(AccessError);
  });

  test('name_get, name_search (context 4th positional in 7.0) and name_create', async () => {
    expect(await call('name_get', [[ids.Carla, 999999, ids.Bea]])).toEqual([[ids.Carla, 'Carla'], [ids.Bea, 'Bea']]);
    expect(await call('name_search', ['ALB'])).toEqual([[ids.alberto, 'alberto']]);
    expect(await call('name_search', ['', [['age', '>', 25]], 'ilike', {}, 1])).toEqual([[ids.Bea, 'Bea']]);
    expect(await call('name_search', ['', [], 'ilike', 2], {}, t.env({ compat: COMPAT_ODOO }))).toHaveLength(2);
    expect(await call('name_search', ['Dorm'])).toEqual([]);
    const [id, name] = await call('name_create', ['Fresh']) as [number, string];
    expect(name).toBe('Fresh');
    expect(await call('read', [[id], ['name', 'kind']])).toEqual([{ id, name: 'Fresh', kind: 'person' }]);
  });

  test('exists returns the ids that exist, in the order given', async () => {
    expect(await call('exists', [[ids.Bea, 999999, ids.Dormant]])).toEqual([ids.Bea, ids.Dormant]);
  });

  test('a model without a name field is named "model,id"', async () => {
    const id = await t.env().model('test.nameless').create({ value: 1 });
    expect(await callModelMethod(t.env(), 'test.nameless', 'name_get', [[id]])).toEqual([[id, `test.nameless,${id}`]]);
    await expect(callModelMethod(t.env(), 'test.nameless', 'name_create', ['x'])).rejects.toThrow(CallError);
  });

  test('child_of through the hierarchy', async () => {
    const cats = t.env().model('test.category');
    const root = await cats.create({ name: 'R', child_ids: [[0, 0, { name: 'R1' }]] });
    const [child] = (await cats.read([root], ['child_ids']))[0].child_ids as number[];
    const grand = await cats.create({ name: 'R1a', parent_id: child });
    expect((await cats.search([['id', 'child_of', root]])).sort()).toEqual([root, child, grand].sort());
  });
});
