// Sorting as clients see it: the same order on SQLite and PostgreSQL, NULLs placed as
// PostgreSQL places them, many2one fields sorted by their target's order.
import { applyDomain, applyOrder, parseOrder, type InMemoryData } from '../../../src/orm/domain';
import { BACKENDS, createScratchDb, type ScratchDb } from '../../support/backends';
import { PARTNER } from '../../unit/domain/models';
import { createSchema, dbCtx, loadData } from './schema';

const DATA: InMemoryData = {
  rows: {
    'test.category': [
      { id: 1, name: 'b', active: true },
      { id: 2, name: 'a', active: true },
      { id: 3, name: 'c', active: true },
    ],
    'test.partner': [
      { id: 1, name: 'x', credit: 1.5, category_id: 1, active: true, last_seen: '2024-01-02 00:00:00' },
      { id: 2, name: 'y', credit: null, category_id: 2, active: true, last_seen: null },
      { id: 3, name: 'x', credit: -2, category_id: null, active: true, last_seen: '2024-01-01 10:00:00' },
      { id: 4, name: null, credit: 0.25, category_id: 3, active: false, last_seen: '2023-12-31 23:59:59' },
      { id: 5, name: 'w', credit: null, category_id: 2, active: true, last_seen: null },
    ],
  },
  links: {},
};

describe.each(BACKENDS)('order on %s', (backend) => {
  let db: ScratchDb;
  beforeAll(async () => {
    db = await createScratchDb(backend);
    await createSchema(db.knex);
    await loadData(db.knex, DATA);
  });
  afterAll(async () => {
    await db.destroy();
  });

  async function ordered(order: string | null, domain: unknown[] = [['active', 'in', [true, false]]]): Promise<number[]> {
    const ctx = dbCtx(db);
    const qb = db.knex(PARTNER.table).select(`${PARTNER.table}.id`);
    applyDomain(qb, PARTNER, domain, ctx);
    applyOrder(qb, PARTNER, parseOrder(order, PARTNER, ctx), ctx);
    return (await qb).map((r: { id: number }) => Number(r.id));
  }

  test.each([
    ['credit, id', [3, 4, 1, 2, 5]],
    ['credit desc, id', [2, 5, 1, 4, 3]],
    ['credit asc nulls first, id', [2, 5, 3, 4, 1]],
    ['credit desc nulls last, id', [1, 4, 3, 2, 5]],
    ['name, id desc', [5, 3, 1, 2, 4]],
    ['"name" DESC, "id"', [4, 2, 1, 3, 5]],
    ['last_seen desc, id', [2, 5, 1, 3, 4]],
  ])('NULLs are placed alike on both backends: %s', async (order, want) => {
    expect(await ordered(order as string)).toEqual(want);
  });

  test('a many2one sorts by the name of its target, empty ones last', async () => {
    expect(await ordered('category_id, id')).toEqual([2, 5, 1, 4, 3]);
    expect(await ordered('category_id desc, id')).toEqual([3, 4, 1, 2, 5]);
  });

  test("an empty order is the model's order (category_id, name, id)", async () => {
    expect(await ordered(null)).toEqual([5, 2, 1, 4, 3]);
    expect(await ordered('')).toEqual([5, 2, 1, 4, 3]);
  });

  test('the join for the order does not disturb the domain', async () => {
    expect(await ordered('category_id, id', [['category_id.name', '=', 'a']])).toEqual([2, 5]);
    expect(await ordered('category_id desc', [['name', '=', 'x']])).toEqual([3, 1]);
  });
});
