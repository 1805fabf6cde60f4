// read and search_read issue a bounded number of queries whatever the number of records:
// one for the rows (with the names of many2one targets named by a column joined in), one per other
// many2one target model, one for the lists of all the x2many fields.
import { BACKENDS } from '../../support/backends';
import { statementsOf } from '../../support/statements';
import { openTestDb, type TestDb } from './support/schema';

describe.each(BACKENDS)('query counts on %s', (backend) => {
  let t: TestDb;
  let few: number[];
  let many: number[];
  beforeAll(async () => {
    t = await openTestDb(backend);
    const env = t.env();
    const cats = [await env.model('test.category').create({ name: 'c1' }), await env.model('test.category').create({ name: 'c2' })];
    const tags = [await env.model('test.tag').create({ name: 't1' }), await env.model('test.tag').create({ name: 't2' })];
    const ids: number[] = [];
    for (let i = 0; i < 200; i++) {
      ids.push(await env.model('test.partner').create({
        name: `p${i}`, category_id: cats[i % 2], tag_ids: [[6, 0, tags.slice(0, 1 + (i % 2))]],
        line_ids: [[0, 0, { name: `l${i}` }]],
      }));
    }
    few = ids.slice(0, 5);
    many = ids;
  });
  afterAll(async () => { await t.db.destroy(); });

  const countQueries = async (fn: () => Promise<unknown>): Promise<number> => (await statementsOf(t.db.knex, fn)).length;

  const FIELDS = ['name', 'category_id', 'create_uid', 'write_uid', 'tag_ids', 'line_ids', 'category_name', 'upper_name'];

  test('read of 5 and of 200 records costs the same number of queries', async () => {
    const small = await countQueries(() => t.env().model('test.partner').read(few, FIELDS));
    const big = await countQueries(() => t.env().model('test.partner').read(many, FIELDS));
    expect(big).toBe(small);
    const rows = await t.env().model('test.partner').read(many, FIELDS);
    expect(rows).toHaveLength(200);
    expect(rows[199]).toMatchObject({ name: 'p199', category_id: [expect.any(Number), 'c2'], category_name: 'c2', upper_name: 'P199' });
    expect((rows[199].tag_ids as number[])).toHaveLength(2);
    expect((rows[199].line_ids as number[])).toHaveLength(1);
  });

  test('rows, one query per many2one target and one per x2many field, and no more', async () => {
    // rows (with the names of test.category and of res.users, both a column here, joined in) +
    // the lists of tag_ids and line_ids together
    const fields = ['name', 'category_id', 'create_uid', 'write_uid', 'tag_ids', 'line_ids'];
    const sql = await statementsOf(t.db.knex, () => t.env().model('test.partner').read(many, fields));
    expect(sql).toHaveLength(2);
    expect(sql[0]).toMatch(/left join .test_category./i);
    expect(sql[0]).toMatch(/left join .res_users./i);
  });

  test('x2many lists read together keep each comodel\'s own order', async () => {
    const env = t.env();
    const zz = await env.model('test.tag').create({ name: 'zz last' });
    const aa = await env.model('test.tag').create({ name: 'aa first' });
    const id = await env.model('test.partner').create({
      name: 'Orderly', tag_ids: [[6, 0, [zz, aa]]],
      line_ids: [[0, 0, { name: 'second', sequence: 2 }], [0, 0, { name: 'first', sequence: 1 }], [0, 0, { name: 'third', sequence: 3 }]],
    });
    const [row] = await env.model('test.partner').read([id], ['tag_ids', 'line_ids']);
    expect(row.tag_ids).toEqual([aa, zz]);
    const lines = await env.model('test.line').read(row.line_ids as number[], ['name']);
    expect(lines.map((l) => l.name)).toEqual(['first', 'second', 'third']);
    const [other] = await env.model('test.partner').read([few[1]], ['tag_ids', 'line_ids']);
    expect((other.tag_ids as number[])).toHaveLength(2);
    expect((other.line_ids as number[])).toHaveLength(1);
  });

  test('a many2one name joined into the rows: the target\'s name as it is now, archived or renamed', async () => {
    const env = t.env();
    const cat = await env.model('test.category').create({ name: 'Joined' });
    const id = await env.model('test.partner').create({ name: 'Joiner', category_id: cat });
    const read = async () => (await env.model('test.partner').read([id], ['category_id']))[0].category_id;
    expect(await read()).toEqual([cat, 'Joined']);
    await env.model('test.category').write([cat], { name: 'Renamed' });
    expect(await read()).toEqual([cat, 'Renamed']);
    await env.model('test.category').write([cat], { active: false });
    expect(await read()).toEqual([cat, 'Renamed']);
    expect(await env.model('test.partner').searchRead([['id', '=', id]], ['category_id'])).toEqual([{ id, category_id: [cat, 'Renamed'] }]);
  });

  test('search_read of 5 and of 200 records costs the same number of queries', async () => {
    const small = await countQueries(() => t.env().model('test.partner').searchRead([['id', 'in', few]], FIELDS));
    const big = await countQueries(() => t.env().model('test.partner').searchRead([['id', 'in', many]], FIELDS));
    expect(big).toBe(small);
  });
});
