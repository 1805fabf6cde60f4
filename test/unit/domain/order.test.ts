// Order strings: what is accepted, what is refused with which message, and the SQL it becomes.
import knexFactory from 'knex';
import { CallError, UserError } from '../../../src/errors';
import { applyOrder, parseOrder, type DomainModel } from '../../../src/orm/domain';
import { CATEGORY, PARTNER, TAG, getModel } from './models';

const pg = knexFactory({ client: 'pg' });
const BAD = 'Invalid "order" specified. A valid "order" specification is a comma-separated list of valid field names (optionally followed by asc/desc for the direction)';

describe('parseOrder', () => {
  test.each([
    ['name', [{ field: 'name', direction: 'asc', nulls: null }]],
    ['name desc, id', [{ field: 'name', direction: 'desc', nulls: null }, { field: 'id', direction: 'asc', nulls: null }]],
    ['  "name"   DESC ,id ASC', [{ field: 'name', direction: 'desc', nulls: null }, { field: 'id', direction: 'asc', nulls: null }]],
    ['credit desc nulls last', [{ field: 'credit', direction: 'desc', nulls: 'last' }]],
    ['credit NULLS FIRST', [{ field: 'credit', direction: 'asc', nulls: 'first' }]],
    ['write_date desc, create_uid', [{ field: 'write_date', direction: 'desc', nulls: null }, { field: 'create_uid', direction: 'asc', nulls: null }]],
    ['tag_ids, display, secret, name', [{ field: 'name', direction: 'asc', nulls: null }]],
  ])('%s', (order, want) => {
    expect(parseOrder(order, PARTNER)).toEqual(want);
  });

  test("empty means the model's order", () => {
    const want = parseOrder('category_id, name, id', PARTNER);
    expect(parseOrder(null, PARTNER)).toEqual(want);
    expect(parseOrder(undefined, PARTNER)).toEqual(want);
    expect(parseOrder('', PARTNER)).toEqual(want);
  });

  test.each([
    'name; DROP TABLE x', 'name desc desc', 'name id', '', ' ', 'name,', ',name', 'name nulls', 'name nulls middle',
    '"name', 'na-me', 'name asc nulls last extra', 'name\tdesc',
  ].filter((o) => o !== ''))('%j is refused as a user error', (order) => {
    expect(() => parseOrder(order, PARTNER)).toThrow(UserError);
    expect(() => parseOrder(order, PARTNER)).toThrow(BAD);
  });

  test('an unknown field is a ValueError naming the field and model', () => {
    expect(() => parseOrder('nope desc', PARTNER)).toThrow(CallError);
    expect(() => parseOrder('nope desc', PARTNER)).toThrow('Sorting field nope not found on model test.partner');
    expect(() => parseOrder('Name', PARTNER)).toThrow('Sorting field Name not found on model test.partner');
  });

  test('a long hostile string is refused quickly, whatever its shape', () => {
    expect(() => parseOrder(`${'a '.repeat(50000)}!`, PARTNER)).toThrow(UserError);
    expect(() => parseOrder(`${'a,'.repeat(50000)}`, PARTNER)).toThrow(UserError);
  });
});

describe('applyOrder', () => {
  const orderSql = (model: DomainModel, order: string, alias?: string) => {
    const qb = pg(alias ? { [alias]: model.table } : model.table).select('id');
    return applyOrder(qb, model, parseOrder(order, model), { getModel }, alias).toSQL().sql;
  };

  test('NULLs last ascending and first descending, unless said', () => {
    expect(orderSql(PARTNER, 'credit, name desc, id asc nulls first')).toBe(
      'select "id" from "test_partner" order by "test_partner"."credit" ASC NULLS LAST, '
      + '"test_partner"."name" DESC NULLS FIRST, "test_partner"."id" ASC NULLS FIRST',
    );
  });

  test("a many2one joins its target once and sorts by the target's order", () => {
    expect(orderSql(PARTNER, 'category_id desc, category_id', 'p')).toBe(
      'select "id" from "test_partner" as "p" LEFT JOIN "test_category" AS "p__category_id" ON "p__category_id"."id" = "p"."category_id" '
      + 'order by "p__category_id"."name" DESC NULLS FIRST, "p__category_id"."name" ASC NULLS LAST',
    );
  });

  test("a descending many2one reverses the target's directions", () => {
    const holder: DomainModel = {
      ...CATEGORY, name: 'test.holder', table: 'test_holder',
      fields: { tag_id: { type: 'many2one', name: 'tag_id', comodel: TAG.name } },
    };
    const get = (n: string) => (n === holder.name ? holder : getModel(n));
    const qb = applyOrder(pg('test_holder').select('id'), holder, parseOrder('tag_id desc', holder), { getModel: get });
    expect(qb.toSQL().sql).toContain('order by "test_holder__tag_id"."name" ASC NULLS LAST');
  });

  test('a many2one back to a model already on the path sorts on the raw id', () => {
    const self: DomainModel = { ...CATEGORY, order: 'parent_id, name' };
    const get = (n: string) => (n === self.name ? self : getModel(n));
    const sql = applyOrder(pg('test_category').select('id'), self, parseOrder(null, self), { getModel: get }).toSQL().sql;
    expect(sql).toBe('select "id" from "test_category" order by "test_category"."parent_id" ASC NULLS LAST, "test_category"."name" ASC NULLS LAST');
  });

  test('log columns sort on their own column', () => {
    expect(orderSql(PARTNER, 'create_uid desc')).toBe('select "id" from "test_partner" order by "test_partner"."create_uid" DESC NULLS FIRST');
  });
});
