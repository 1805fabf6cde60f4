// export_data as 7.0 clients use it: a text row per record for the field paths asked, many2one
// paths read through their target, `id` / `.id` columns, x2many children on extra rows, and
// nothing the caller could not read (field groups, record access, passwords).
import { AccessError, CallError } from '../../../src/errors';
import { callModelMethod } from '../../../src/orm/call-method';
import { COMPAT_ODOO } from '../../../src/orm/env-types';
import type { AccessPolicy } from '../../../src/orm/access-policy';
import { BACKENDS } from '../../support/backends';
import { openTestDb, type TestDb } from './support/schema';

type Datas = { datas: unknown[][] };

describe.each(BACKENDS)('export_data on %s', (backend) => {
  let t: TestDb;
  let ana: number;
  let bob: number;
  let hardware: number;
  let tags: number[];
  let lines: number[];
  beforeAll(async () => {
    t = await openTestDb(backend);
    const su = t.env({ su: true });
    hardware = await su.model('test.category').create({ name: 'Hardware' });
    tags = [await su.model('test.tag').create({ name: 'red' }), await su.model('test.tag').create({ name: 'blue' })];
    ana = await su.model('test.partner').create({
      name: 'Ana', age: 41, score: 7, is_company: true, kind: 'company', category_id: hardware, secret: 'open-sesame',
      tag_ids: [[6, 0, tags]], salary: 1000,
    });
    bob = await su.model('test.partner').create({ name: 'Bob', age: 0 });
    lines = [];
    for (const [name, qty, sequence] of [['first', 1, 1], ['second', 2, 2], ['third', 3, 3]] as const) {
      lines.push(await su.model('test.line').create({ name, qty, sequence, partner_id: ana }));
    }
  });
  afterAll(async () => { await t.db.destroy(); });

  const exportData = (ids: unknown, fields: unknown[], env = t.env(), kwargs: Record<string, unknown> = {}) =>
    callModelMethod(env, 'test.partner', 'export_data', [ids, fields], kwargs) as Promise<Datas>;

  test('gives one text row per record in the order of the ids, empty values as False', async () => {
    const got = await exportData([bob, ana], ['name', 'age', 'score', 'is_company', 'kind', 'category_id', 'birthday']);
    expect(got).toEqual({
      datas: [
        ['Bob', false, false, 'False', 'Person', false, false],
        ['Ana', '41', '7.0', 'True', 'Company', 'Hardware', false],
      ],
    });
    // The Odoo profile reads empty numbers as 0: they still export as False.
    expect((await exportData([bob], ['age', 'score'], t.env({ compat: COMPAT_ODOO }))).datas).toEqual([[false, false]]);
    expect((await exportData([ana], ['kind'], t.env({ context: { lang: 'es_ES' } }))).datas).toEqual([['Empresa']]);
  });

  test('reads many2one paths through the target, with database and external ids', async () => {
    const got = await exportData([ana, bob], ['category_id/name', 'category_id/.id', 'category_id.id', '.id', 'category_id/id']);
    expect(got.datas[0].slice(0, 4)).toEqual(['Hardware', String(hardware), String(hardware), String(ana)]);
    expect(got.datas[1].slice(0, 4)).toEqual([false, false, false, String(bob)]);
    // A record without an external id gets one under __export__, reused by the next export.
    expect(got.datas[0][4]).toBe(`__export__.test_category_${hardware}`);
    const again = await exportData([ana], ['category_id:id', 'id']);
    expect(again.datas).toEqual([[`__export__.test_category_${hardware}`, `__export__.test_partner_${ana}`]]);
    const rows = await t.db.knex('ir_model_data').where({ module: '__export__', model: 'test.category', res_id: hardware });
    expect(rows).toHaveLength(1);
  });

  test('puts the first child on the record row and each further child on a row of its own', async () => {
    const got = await exportData([ana, bob], ['name', 'line_ids/name', 'line_ids/qty', 'age']);
    expect(got.datas).toEqual([
      ['Ana', 'first', '1', '41'],
      ['', 'second', '2', ''],
      ['', 'third', '3', ''],
      ['Bob', false, false, false],
    ]);
    // Alone, an x2many gives its records' names; a many2many's `id` gives their external ids,
    // both in the comodel's order (tags by name: blue, red).
    const names = await exportData([ana], ['line_ids', 'tag_ids', 'tag_ids/id']);
    expect(names.datas).toEqual([[
      'first,second,third', 'blue,red', `__export__.test_tag_${tags[1]},__export__.test_tag_${tags[0]}`,
    ]]);
  });

  test('never exports a password and refuses what read refuses', async () => {
    const got = await exportData([ana], ['name', 'secret']);
    expect(got.datas).toEqual([['Ana', false]]);
    expect(JSON.stringify(got)).not.toContain('open-sesame');
    await expect(exportData([ana], ['salary'])).rejects.toThrow(AccessError);
    const readOnlyNothing: AccessPolicy = {
      async check(_env, model) { throw new AccessError(`You are not allowed to access '${model}' records.`); },
      ruleDomain: async () => null,
      userGroups: async () => new Set(),
    };
    await expect(exportData([ana], ['name'], t.env({ access: readOnlyNothing }))).rejects.toThrow(AccessError);
    const hidesOthers: AccessPolicy = {
      check: async () => undefined,
      ruleDomain: async (_env, model) => (model === 'test.partner' ? [['name', '=', 'Bob']] : null),
      userGroups: async () => new Set(),
    };
    expect((await exportData([ana, bob], ['name'], t.env({ access: hidesOthers }))).datas).toEqual([['Bob']]);
  });

  test('refuses unknown fields and paths through fields that are not relational', async () => {
    await expect(exportData([ana], ['nope'])).rejects.toThrow(CallError);
    await expect(exportData([ana], ['name/first'])).rejects.toThrow("Invalid field path 'name/first' on model 'test.partner'");
    await expect(exportData([ana], 'name' as unknown as unknown[])).rejects.toThrow(CallError);
    expect(await exportData([], ['name'])).toEqual({ datas: [] });
  });
});
