// x2many write commands 0-6 with their one2many and many2many meanings (PROTOCOL §6).
import { CallError, MissingError } from '../../../src/errors';
import { BACKENDS } from '../../support/backends';
import { openTestDb, type TestDb } from './support/schema';

describe.each(BACKENDS)('x2many commands on %s', (backend) => {
  let t: TestDb;
  beforeAll(async () => { t = await openTestDb(backend); });
  afterAll(async () => { await t.db.destroy(); });

  const partners = () => t.env().model('test.partner');
  const lines = () => t.env().model('test.line');
  const tags = () => t.env().model('test.tag');
  const field = async (id: number, name: string) => (await partners().read([id], [name]))[0][name];

  test('one2many: 0 creates a child linked to the parent, 1 writes it, 2 deletes it', async () => {
    const id = await partners().create({ name: 'P', line_ids: [[0, 0, { name: 'a', sequence: 2 }], [0, 0, { name: 'b', sequence: 1 }]] });
    const ids = await field(id, 'line_ids') as number[];
    expect(ids).toHaveLength(2);
    const rows = await lines().read(ids, ['name', 'partner_id']);
    // Children come in the comodel's order (sequence, id).
    expect(rows.map((r) => r.name)).toEqual(['b', 'a']);
    expect(rows.every((r) => Array.isArray(r.partner_id) && r.partner_id[0] === id)).toBe(true);
    await partners().write([id], { line_ids: [[1, ids[0], { name: 'b2' }], [2, ids[1]]] });
    expect(await field(id, 'line_ids')).toEqual([ids[0]]);
    expect((await lines().read([ids[0]], ['name']))[0].name).toBe('b2');
    expect(await lines().exists([ids[1]])).toEqual([]);
  });

  test('one2many: 3 and 5 delete children whose inverse cascades; 4 and 6 move children', async () => {
    const a = await partners().create({ name: 'A', line_ids: [[0, 0, { name: 'x' }], [0, 0, { name: 'y' }], [0, 0, { name: 'z' }]] });
    const b = await partners().create({ name: 'B' });
    const [x, y, z] = await field(a, 'line_ids') as number[];
    await partners().write([a], { line_ids: [[3, x]] });
    expect(await lines().exists([x])).toEqual([]);
    await partners().write([b], { line_ids: [[4, y]] });
    expect(await field(b, 'line_ids')).toEqual([y]);
    expect(await field(a, 'line_ids')).toEqual([z]);
    await partners().write([b], { line_ids: [[6, 0, [z]]] });
    // y was cut from b: its inverse cascades, so it is deleted; z moved from a to b.
    expect(await field(b, 'line_ids')).toEqual([z]);
    expect(await field(a, 'line_ids')).toEqual([]);
    expect(await lines().exists([y])).toEqual([]);
    await partners().write([b], { line_ids: [[5]] });
    expect(await field(b, 'line_ids')).toEqual([]);
    expect(await lines().exists([z])).toEqual([]);
  });

  test('one2many without cascade: 3, 5 and 6 empty the children\'s link and keep the children', async () => {
    const contacts = t.env().model('test.contact');
    const id = await partners().create({ name: 'C', contact_ids: [[0, 0, { name: 'c1' }], [0, 0, { name: 'c2' }], [0, 0, { name: 'c3' }]] });
    const [c1, c2, c3] = await field(id, 'contact_ids') as number[];
    await partners().write([id], { contact_ids: [[3, c1]] });
    expect(await field(id, 'contact_ids')).toEqual([c2, c3]);
    expect((await contacts.read([c1], ['partner_id']))[0].partner_id).toBe(false);
    await partners().write([id], { contact_ids: [[6, 0, [c1, c3]]] });
    expect(await field(id, 'contact_ids')).toEqual([c1, c3]);
    expect((await contacts.read([c2], ['partner_id']))[0].partner_id).toBe(false);
    await partners().write([id], { contact_ids: [[5]] });
    expect(await field(id, 'contact_ids')).toEqual([]);
    expect(await contacts.exists([c1, c2, c3])).toEqual([c1, c2, c3]);
  });

  test('many2many: 0 creates and links, 4 links, 3 unlinks, 1 writes, 2 deletes the target', async () => {
    const t1 = await tags().create({ name: 'm-one' });
    const id = await partners().create({ name: 'M', tag_ids: [[0, 0, { name: 'm-new' }], [4, t1]] });
    const linked = await field(id, 'tag_ids') as number[];
    expect(linked).toHaveLength(2);
    expect(linked).toContain(t1);
    const created = linked.find((x) => x !== t1)!;
    await partners().write([id], { tag_ids: [[4, t1]] });
    expect(await field(id, 'tag_ids')).toHaveLength(2);
    await partners().write([id], { tag_ids: [[3, t1], [1, created, { color: 4 }]] });
    expect(await field(id, 'tag_ids')).toEqual([created]);
    expect(await tags().exists([t1])).toEqual([t1]);
    expect((await tags().read([created], ['color']))[0].color).toBe(4);
    await partners().write([id], { tag_ids: [[2, created]] });
    expect(await field(id, 'tag_ids')).toEqual([]);
    expect(await tags().exists([created])).toEqual([]);
  });

  test('many2many: 6 replaces, 5 clears, a bare id list means 6; non-list items are skipped', async () => {
    const [a, b, c] = [await tags().create({ name: 's-a' }), await tags().create({ name: 's-b' }), await tags().create({ name: 's-c' })];
    const id = await partners().create({ name: 'S', tag_ids: [[6, 0, [a, b]]] });
    expect(await field(id, 'tag_ids')).toEqual([a, b]);
    await partners().write([id], { tag_ids: [c, a] });
    expect(await field(id, 'tag_ids')).toEqual([a, c]);
    await partners().write([id], { tag_ids: ['junk', [], [4, b]] });
    expect(await field(id, 'tag_ids')).toEqual([a, b, c]);
    await partners().write([id], { tag_ids: [[5, 0, 0]] });
    expect(await field(id, 'tag_ids')).toEqual([]);
  });

  test('many2many on create: the first command links at once, later ones see its links; a missing target fails it whole', async () => {
    const [a, b] = [await tags().create({ name: 'c-a' }), await tags().create({ name: 'c-b' })];
    expect(await field(await partners().create({ name: 'C1', tag_ids: [[4, a], [6, 0, [b]]] }), 'tag_ids')).toEqual([b]);
    expect(await field(await partners().create({ name: 'C2', tag_ids: [[6, 0, [a]], [4, b], [4, a]] }), 'tag_ids')).toEqual([a, b]);
    expect(await field(await partners().create({ name: 'C3', tag_ids: [[6, 0, [b, a, b]], [3, b]] }), 'tag_ids')).toEqual([a]);
    expect(await field(await partners().create({ name: 'C4', tag_ids: [[6, 0, []]] }), 'tag_ids')).toEqual([]);
    await expect(partners().create({ name: 'C5', tag_ids: [[6, 0, [a, 999998, b, 999999]]] }))
      .rejects.toThrow(new MissingError('Record does not exist or has been deleted.\n(Record: test.tag(999998, 999999), User: 2)'));
    await expect(partners().create({ name: 'C6', tag_ids: [[4, 999999]] }))
      .rejects.toThrow(new MissingError('Record does not exist or has been deleted.\n(Record: test.tag(999999,), User: 2)'));
    expect(await partners().search([['name', 'in', ['C5', 'C6']]])).toEqual([]);
    expect(await t.db.knex('test_partner_tag_rel').whereIn('tag_id', [999998, 999999])).toEqual([]);
  });

  test('many2many commands apply to every record written; deleting a tag drops its links', async () => {
    const tg = await tags().create({ name: 'shared' });
    const p1 = await partners().create({ name: 'p1' });
    const p2 = await partners().create({ name: 'p2' });
    await partners().write([p1, p2], { tag_ids: [[4, tg]] });
    expect(await field(p1, 'tag_ids')).toEqual([tg]);
    expect(await field(p2, 'tag_ids')).toEqual([tg]);
    await tags().unlink([tg]);
    expect(await field(p1, 'tag_ids')).toEqual([]);
    expect(await t.db.knex('test_partner_tag_rel').where('tag_id', tg)).toEqual([]);
  });

  test('bad commands are refused; links to missing records are MissingErrors', async () => {
    const id = await partners().create({ name: 'Bad' });
    await expect(partners().write([id], { tag_ids: [[9, 0]] })).rejects.toThrow(CallError);
    await expect(partners().write([id], { tag_ids: [[0, 0, 'x']] })).rejects.toThrow(CallError);
    await expect(partners().write([id], { tag_ids: 'x' })).rejects.toThrow(CallError);
    await expect(partners().write([id], { tag_ids: [[6, 0, [999999]]] }))
      .rejects.toThrow(new MissingError('Record does not exist or has been deleted.\n(Record: test.tag(999999,), User: 2)'));
  });
});
