// read_group: groups by selection, many2one, boolean, char and dates (with granularities),
// lazy and non-lazy counts, sums, __domain, __context, orderby, offset and limit.
import { Double } from '../../../src/values';
import { CallError } from '../../../src/errors';
import { callModelMethod } from '../../../src/orm/call-method';
import { COMPAT_ODOO } from '../../../src/orm/env-types';
import { BACKENDS } from '../../support/backends';
import { openTestDb, type TestDb } from './support/schema';

describe.each(BACKENDS)('read_group on %s', (backend) => {
  let t: TestDb;
  let hw: number;
  let sw: number;
  beforeAll(async () => {
    t = await openTestDb(backend);
    const cats = t.env().model('test.category');
    sw = await cats.create({ name: 'Software' });
    hw = await cats.create({ name: 'Hardware' });
    const p = t.env().model('test.partner');
    await p.create({ name: 'a', kind: 'person', age: 10, score: 1.5, category_id: hw, birthday: '2014-08-03', last_seen: '2014-08-31 23:30:00' });
    await p.create({ name: 'b', kind: 'person', age: 20, score: 2.25, category_id: sw, birthday: '2014-08-20', is_company: true });
    await p.create({ name: 'c', kind: 'company', age: 5, category_id: hw, birthday: '2015-01-02', last_seen: '2014-09-01 00:10:00' });
    await p.create({ name: 'd', kind: 'company', age: 1, active: false });
  });
  afterAll(async () => { await t.db.destroy(); });

  const rg = (args: unknown[], kwargs: Record<string, unknown> = {}, env = t.env()) =>
    callModelMethod(env, 'test.partner', 'read_group', args, kwargs) as Promise<Record<string, unknown>[]>;

  test('groups by a selection with counts, sums and __domain (inactive rows excluded)', async () => {
    const groups = await rg([[], ['kind', 'age', 'score'], ['kind']]);
    expect(groups).toEqual([
      { kind: 'company', kind_count: 1, age: 5, score: false, __domain: [['kind', '=', 'company']] },
      { kind: 'person', kind_count: 2, age: 30, score: new Double(3.75), __domain: [['kind', '=', 'person']] },
    ]);
  });

  test('many2one groups read as [id, name] in the target\'s order; the domain is kept in __domain', async () => {
    const groups = await rg([[['age', '>', 0]], ['category_id'], 'category_id']);
    expect(groups.map((g) => g.category_id)).toEqual([[hw, 'Hardware'], [sw, 'Software']]);
    expect(groups[0]).toMatchObject({ category_id_count: 2, __domain: [['category_id', '=', hw], ['age', '>', 0]] });
  });

  test('booleans group NULL with False', async () => {
    const groups = await rg([[], ['is_company'], ['is_company']]);
    expect(groups.map((g) => [g.is_company, g.is_company_count])).toEqual([[false, 2], [true, 1]]);
  });

  test('dates group by month with "MMMM yyyy" labels in the context language, and other granularities', async () => {
    const months = await rg([[], ['birthday'], ['birthday']]);
    expect(months.map((g) => [g.birthday, g.birthday_count])).toEqual([['August 2014', 2], ['January 2015', 1]]);
    expect(months[0].__domain).toEqual([['birthday', '>=', '2014-08-01'], ['birthday', '<', '2014-09-01']]);
    const es = await rg([[], ['birthday'], ['birthday']], { context: { lang: 'es_ES' } });
    expect(es[0].birthday).toBe('agosto 2014');
    const years = await rg([[], ['birthday'], ['birthday:year']]);
    expect(years.map((g) => [g['birthday:year'], g.birthday_count])).toEqual([['2014', 2], ['2015', 1]]);
    const weeks = await rg([[], ['birthday'], ['birthday:week']]);
    expect(weeks.map((g) => g['birthday:week'])).toEqual(['W31 2014', 'W34 2014', 'W1 2015']);
    const quarters = await rg([[], ['birthday'], ['birthday:quarter']]);
    expect(quarters.map((g) => g['birthday:quarter'])).toEqual(['Q3 2014', 'Q1 2015']);
    const days = await rg([[], ['last_seen'], ['last_seen:day']]);
    expect(days.map((g) => g['last_seen:day'])).toEqual(['31 Aug 2014', '01 Sep 2014', false]);
    expect(days[0].__domain).toEqual([['last_seen', '>=', '2014-08-31 00:00:00'], ['last_seen', '<', '2014-09-01 00:00:00']]);
  });

  test('lazy groups carry __context for the next groupbys; non-lazy groups use __count', async () => {
    const lazy = await rg([[], ['kind'], ['kind', 'category_id']]);
    expect(lazy[0].__context).toEqual({ group_by: ['category_id'] });
    const full = await rg([[], ['age'], ['kind', 'category_id']], { lazy: false });
    expect(full.map((g) => [g.kind, g.category_id, g.__count])).toEqual([
      ['company', [hw, 'Hardware'], 1], ['person', [hw, 'Hardware'], 1], ['person', [sw, 'Software'], 1],
    ]);
    expect(full[0]).not.toHaveProperty('__context');
  });

  test('orderby, limit and offset; aggregate specs of Odoo', async () => {
    const byCount = await rg([[], ['age'], ['kind']], { orderby: 'age desc' });
    expect(byCount.map((g) => g.kind)).toEqual(['person', 'company']);
    expect((await rg([[], ['age'], ['kind']], { limit: 1, offset: 1 })).map((g) => g.kind)).toEqual(['person']);
    const agg = await rg([[], ['max_age:max(age)', 'age:min'], ['kind']], {}, t.env({ compat: COMPAT_ODOO }));
    expect(agg.map((g) => [g.max_age, g.age])).toEqual([[5, 5], [20, 10]]);
    // 7.0 positional form: context at position 6, orderby at 7
    const pos = await rg([[], ['age'], ['kind'], 0, false, {}, 'kind desc']);
    expect(pos.map((g) => g.kind)).toEqual(['person', 'company']);
    // Odoo positional form: orderby at position 6
    const odoo = await rg([[], ['age'], ['kind'], 0, false, 'kind desc', false], {}, t.env({ compat: COMPAT_ODOO }));
    expect(odoo.map((g) => [g.kind, g.__count])).toEqual([['person', 2], ['company', 1]]);
  });

  test('bad groupbys are refused', async () => {
    await expect(rg([[], [], ['nope']])).rejects.toThrow(new CallError("Invalid field 'nope' on model 'test.partner'"));
    await expect(rg([[], [], ['upper_name']])).rejects.toThrow(CallError);
    await expect(rg([[], [], ['kind:month']])).rejects.toThrow(CallError);
    await expect(rg([[], [], ['kind']], { orderby: 'name' })).rejects.toThrow(CallError);
  });
});
