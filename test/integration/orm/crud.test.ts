// create / read / write / unlink on real databases: values in their RPC shapes, defaults,
// validation errors with OpenERP's texts, and that a failed write leaves nothing changed.
import { Double } from '../../../src/values';
import { CallError, MissingError, UserError, ValidationError } from '../../../src/errors';
import { COMPAT_ODOO } from '../../../src/orm/env-types';
import { callModelMethod } from '../../../src/orm/call-method';
import { BACKENDS } from '../../support/backends';
import { openTestDb, type TestDb } from './support/schema';

describe.each(BACKENDS)('records on %s', (backend) => {
  let t: TestDb;
  beforeAll(async () => { t = await openTestDb(backend); });
  afterAll(async () => { await t.db.destroy(); });

  const call = (method: string, args: unknown[], kwargs: Record<string, unknown> = {}, env = t.env()) =>
    callModelMethod(env, 'test.partner', method, args, kwargs);

  test('create returns an id and read gives every type in its RPC shape', async () => {
    const catId = await t.env().model('test.category').create({ name: 'Hardware' });
    const id = await call('create', [{
      name: 'Ana', note: 'hello', age: 41, score: 7.5, is_company: true, birthday: '1983-04-05',
      last_seen: '2024-02-29 23:59:58', kind: 'company', photo: 'aGVsbG8=', category_id: catId,
    }]) as number;
    expect(typeof id).toBe('number');
    const [row] = await call('read', [[id], ['name', 'note', 'age', 'score', 'is_company', 'birthday', 'last_seen',
      'kind', 'photo', 'category_id', 'tag_ids', 'line_ids', 'active', 'state', 'category_name', 'upper_name']]) as Record<string, unknown>[];
    expect(row).toEqual({
      id, name: 'Ana', note: 'hello', age: 41, score: new Double(7.5), is_company: true, birthday: '1983-04-05',
      last_seen: '2024-02-29 23:59:58', kind: 'company', photo: 'aGVsbG8=', category_id: [catId, 'Hardware'],
      tag_ids: [], line_ids: [], active: true, state: 'draft', category_name: 'Hardware', upper_name: 'ANA',
    });
    expect(Object.keys(row)[0]).toBe('id');
  });

  test('empty values read as False in 7.0 and as 0 / 0.0 for numbers in Odoo', async () => {
    const id = await t.env().model('test.partner').create({ name: 'Empty' });
    await t.db.knex('test_partner').where('id', id).update({ age: null, score: null });
    const fields = ['note', 'age', 'score', 'is_company', 'birthday', 'last_seen', 'photo', 'category_id'];
    const [legacy] = await t.env().model('test.partner').read([id], fields);
    expect(legacy).toEqual({ id, note: false, age: false, score: false, is_company: false, birthday: false,
      last_seen: false, photo: false, category_id: false });
    const [odoo] = await t.env({ compat: COMPAT_ODOO }).model('test.partner').read([id], fields);
    expect(odoo.age).toBe(0);
    expect(odoo.score).toEqual(new Double(0));
  });

  test('create applies defaults and fills the magic fields', async () => {
    const id = await t.env().model('test.partner').create({ name: 'Defaults' });
    const [row] = await t.env().model('test.partner').read([id], ['kind', 'active', 'state', 'create_uid', 'write_uid', 'create_date']);
    expect(row.kind).toBe('person');
    expect(row.active).toBe(true);
    expect(row.state).toBe('draft');
    expect(row.create_uid).toEqual([2, 'Demo']);
    expect(row.write_uid).toEqual([2, 'Demo']);
    expect(row.create_date).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
  });

  test('context default_<field> wins over the model default, but not for read-only fields', async () => {
    const env = t.env({ context: { default_kind: 'company', default_state: 'done' } });
    const id = await env.model('test.partner').create({ name: 'Ctx' });
    const [row] = await env.model('test.partner').read([id], ['kind', 'state']);
    expect(row).toEqual({ id, kind: 'company', state: 'draft' });
  });

  test('read(int) gives a dict in 7.0 and a list in Odoo; missing ids are skipped, ids order kept', async () => {
    const a = await t.env().model('test.partner').create({ name: 'Zed' });
    const b = await t.env().model('test.partner').create({ name: 'Abe' });
    expect(await call('read', [a, ['name']])).toEqual({ id: a, name: 'Zed' });
    expect(await call('read', [999999, ['name']])).toBe(false);
    expect(await call('read', [a, ['name']], {}, t.env({ compat: COMPAT_ODOO }))).toEqual([{ id: a, name: 'Zed' }]);
    expect(await call('read', [[a, 999999, b], ['name']])).toEqual([{ id: a, name: 'Zed' }, { id: b, name: 'Abe' }]);
  });

  test('read of all fields leaves out passwords and fields of groups the caller lacks', async () => {
    const id = await t.env().model('test.partner').create({ name: 'All', secret: 'x' });
    const [row] = await call('read', [[id]]) as Record<string, unknown>[];
    expect(row).toHaveProperty('name', 'All');
    expect(row).toHaveProperty('create_date');
    expect(row).not.toHaveProperty('secret');
    expect(row).not.toHaveProperty('salary');
    const [named] = await call('read', [[id], ['secret']]) as Record<string, unknown>[];
    expect(named).toEqual({ id, secret: false });
  });

  test('unknown fields in read are ignored in 7.0 and an error in Odoo', async () => {
    const id = await t.env().model('test.partner').create({ name: 'Unk' });
    expect(await call('read', [[id], ['name', 'nope']])).toEqual([{ id, name: 'Unk' }]);
    await expect(call('read', [[id], ['nope']], {}, t.env({ compat: COMPAT_ODOO })))
      .rejects.toThrow(new CallError("Invalid field 'nope' on model 'test.partner'"));
  });

  test('write changes values and write_date; it returns True', async () => {
    const id = await t.env().model('test.partner').create({ name: 'W' });
    await t.db.knex('test_partner').where('id', id).update({ write_date: '2000-01-01 00:00:00' });
    expect(await call('write', [[id], { name: 'W2', age: 3, birthday: false }])).toBe(true);
    const [row] = await t.env().model('test.partner').read([id], ['name', 'age', 'birthday', 'write_date']);
    expect(row).toMatchObject({ name: 'W2', age: 3, birthday: false });
    expect(String(row.write_date) > '2000-01-01 00:00:00').toBe(true);
  });

  test('wrong values are refused with OpenERP wording', async () => {
    const id = await t.env().model('test.partner').create({ name: 'V' });
    await expect(call('write', [[id], { kind: 'bogus' }])).rejects.toThrow(new CallError("Wrong value for test.partner.kind: 'bogus'"));
    await expect(call('write', [[id], { age: 'abc' }])).rejects.toThrow("Wrong value for test.partner.age: 'abc'");
    await expect(call('write', [[id], { age: 1.5 }])).rejects.toThrow('Wrong value for test.partner.age: 1.5');
    await expect(call('write', [[id], { birthday: '2023-02-30' }]))
      .rejects.toThrow("time data '2023-02-30' does not match format '%Y-%m-%d'");
    await expect(call('write', [[id], { last_seen: 'yesterday' }]))
      .rejects.toThrow("time data 'yesterday' does not match format '%Y-%m-%d %H:%M:%S'");
    await expect(call('write', [[id], { photo: 'not base64!' }])).rejects.toThrow(CallError);
    await expect(call('write', [[id], { name: 'x'.repeat(21) }])).rejects.toThrow(ValidationError);
    await expect(call('write', [[id], { category_id: 999999 }]))
      .rejects.toThrow(new MissingError('Record does not exist or has been deleted.\n(Record: test.category(999999,), User: 2)'));
    await expect(call('write', [[id], { no_such_field: 1 }]))
      .rejects.toThrow(new CallError("Invalid field 'no_such_field' on model 'test.partner'"));
  });

  test('a failed write changes nothing, even the parts that came before the failure', async () => {
    const id = await t.env().model('test.partner').create({ name: 'Keep', age: 5 });
    await expect(call('write', [[id], { name: 'Changed', age: 6, tag_ids: [[0, 0, { name: 'New tag' }], [4, 999999]] }]))
      .rejects.toThrow(MissingError);
    const [row] = await t.env().model('test.partner').read([id], ['name', 'age', 'tag_ids']);
    expect(row).toEqual({ id, name: 'Keep', age: 5, tag_ids: [] });
    expect(await t.env().model('test.tag').search([['name', '=', 'New tag']])).toEqual([]);
  });

  test('missing ids in write and unlink give Odoo\'s MissingError text', async () => {
    const id = await t.env().model('test.partner').create({ name: 'M' });
    await expect(call('write', [[id, 999999], { name: 'x' }]))
      .rejects.toThrow('Record does not exist or has been deleted.\n(Record: test.partner(999999,), User: 2)');
    await expect(call('unlink', [[999998, 999999]]))
      .rejects.toThrow('Record does not exist or has been deleted.\n(Record: test.partner(999998, 999999), User: 2)');
    const [row] = await t.env().model('test.partner').read([id], ['name']);
    expect(row.name).toBe('M');
  });

  test('read-only and magic fields are refused over RPC but writable by the server', async () => {
    const id = await t.env().model('test.partner').create({ name: 'RO' });
    await expect(call('write', [[id], { state: 'done' }])).rejects.toThrow(ValidationError);
    await expect(call('write', [[id], { state: 'done' }])).rejects.toThrow(/"State" \(state\).*read-only/);
    await expect(call('create', [{ name: 'RO2', create_uid: 1 }])).rejects.toThrow(/create_uid/);
    await expect(call('write', [[id], { upper_name: 'X' }])).rejects.toThrow(/read-only/);
    await t.env().model('test.partner').writeInternal([id], { state: 'done' });
    const [row] = await t.env().model('test.partner').read([id], ['state']);
    expect(row.state).toBe('done');
  });

  test('a missing required field gives Odoo\'s mandatory-field UserError before any SQL', async () => {
    await expect(call('create', [{ age: 3 }])).rejects.toThrow(new UserError(
      'The operation cannot be completed:\n- Create/update: a mandatory field is not set.\n' +
      '- Delete: another model requires the record being deleted. If possible, archive it instead.\n\n' +
      'Model: Test Partner (test.partner)\nField: Name (name)\n'));
    const id = await t.env().model('test.partner').create({ name: 'Req' });
    await expect(call('write', [[id], { name: false }], { context: { lang: 'es_ES' } }))
      .rejects.toThrow('Model: Socio de prueba (test.partner)\nField: Nombre (name)\n');
  });

  test('database NOT NULL and UNIQUE violations become readable UserErrors', async () => {
    await expect(t.env().model('test.strict').create({ name: 'no code' }))
      .rejects.toThrow('Model: Strict (test.strict)\nField: Code (code)\n');
    await t.env().model('test.tag').create({ name: 'Unique' });
    await expect(t.env().model('test.tag').create({ name: 'Unique' }))
      .rejects.toThrow(new UserError('The operation cannot be completed: Tag names must be unique'));
    await expect(t.env({ context: { lang: 'es_ES' } }).model('test.tag').create({ name: 'Unique' }))
      .rejects.toThrow('El nombre de la etiqueta debe ser único');
    // The failed statements did not poison the connection or leave rows behind.
    expect(await t.env().model('test.tag').searchCount([['name', '=', 'Unique']])).toBe(1);
  });

  test('constraints run after create and write, in the caller\'s language', async () => {
    await expect(call('create', [{ name: 'Neg', age: -1 }])).rejects.toThrow(new ValidationError('Age cannot be negative'));
    const id = await t.env().model('test.partner').create({ name: 'Pos', age: 1 });
    await expect(call('write', [[id], { age: -5 }], { context: { lang: 'es_ES' } })).rejects.toThrow('La edad no puede ser negativa');
    expect(await t.env().model('test.partner').search([['name', '=', 'Neg']])).toEqual([]);
  });

  test('create of a list of dicts works only in the Odoo profile', async () => {
    const ids = await call('create', [[{ name: 'L1' }, { name: 'L2' }]], {}, t.env({ compat: COMPAT_ODOO })) as number[];
    expect(ids).toHaveLength(2);
    await expect(call('create', [[{ name: 'L3' }]])).rejects.toThrow(CallError);
  });

  test('writing a related field writes the record its path leads to', async () => {
    const cat = await t.env().model('test.category').create({ name: 'Before' });
    const id = await call('create', [{ name: 'Rel', category_id: cat, category_name: 'Renamed' }]) as number;
    expect((await t.env().model('test.category').read([cat], ['name']))[0].name).toBe('Renamed');
    await call('write', [[id], { category_name: 'Again' }]);
    expect((await call('read', [[id], ['category_name']]) as Record<string, unknown>[])[0].category_name).toBe('Again');
  });

  test('__last_update reads the last change; a stale one in the context refuses write and unlink', async () => {
    const id = await t.env().model('test.partner').create({ name: 'Stamp' });
    await t.db.knex('test_partner').where('id', id).update({ write_date: '2020-05-06 07:08:09' });
    const [row] = await call('read', [[id], ['__last_update']]) as Record<string, unknown>[];
    expect(row).toEqual({ id, __last_update: '2020-05-06 07:08:09' });
    const stale = { __last_update: { [`test.partner,${id}`]: '2020-05-06 07:08:08' } };
    await expect(call('write', [[id], { name: 'x' }], { context: stale }))
      .rejects.toThrow(new UserError(`A document was modified since you last viewed it (Test Partner:${id})`));
    await expect(call('unlink', [[id]], { context: stale })).rejects.toThrow(UserError);
    const fresh = { __last_update: { [`test.partner,${id}`]: '2020-05-06 07:08:09' } };
    expect(await call('write', [[id], { name: 'y', __last_update: 'ignored' }], { context: fresh })).toBe(true);
  });

  test('binary fields give a human size with bin_size', async () => {
    const content = Buffer.alloc(12637, 1).toString('base64');
    const id = await t.env().model('test.partner').create({ name: 'Bin', photo: content });
    const [full] = await t.env().model('test.partner').read([id], ['photo']);
    expect(full.photo).toBe(content);
    const [sized] = await t.env({ context: { bin_size: true } }).model('test.partner').read([id], ['photo']);
    expect(sized.photo).toBe('12.34 Kb');
    const [own] = await t.env({ context: { bin_size_photo: true } }).model('test.partner').read([id], ['photo']);
    expect(own.photo).toBe('12.34 Kb');
  });

  test('unlink deletes, cascades to lines, and is refused by a restricting reference', async () => {
    const id = await t.env().model('test.partner').create({ name: 'Del', line_ids: [[0, 0, { name: 'l1' }]] });
    const [{ line_ids }] = await t.env().model('test.partner').read([id], ['line_ids']);
    expect(await call('unlink', [[id]])).toBe(true);
    expect(await t.env().model('test.line').exists(line_ids as number[])).toEqual([]);
    const kept = await t.env().model('test.partner').create({ name: 'Kept' });
    await t.env().model('test.blocker').create({ name: 'b', partner_id: kept });
    await expect(call('unlink', [[kept]])).rejects.toThrow(
      'The operation cannot be completed: another model requires the record being deleted. If possible, archive it instead.\n\n' +
      'Model: Blocker (test.blocker)\nConstraint: test_blocker_partner_id_fkey\n');
    expect(await t.env().model('test.partner').exists([kept])).toEqual([kept]);
  });

  test('deleting a category empties the many2one of its partners', async () => {
    const cat = await t.env().model('test.category').create({ name: 'Gone' });
    const id = await t.env().model('test.partner').create({ name: 'Orphan', category_id: cat });
    await t.env().model('test.category').unlink([cat]);
    const [row] = await t.env().model('test.partner').read([id], ['category_id']);
    expect(row.category_id).toBe(false);
  });

  test('copy duplicates values except copy=False fields and applies defaults', async () => {
    const tagId = await t.env().model('test.tag').create({ name: 'CopyTag' });
    const id = await t.env().model('test.partner').create({ name: 'Orig', age: 7, tag_ids: [[6, 0, [tagId]]] });
    await t.env().model('test.partner').writeInternal([id], { state: 'done' });
    const copyId = await call('copy', [id, { name: 'Copy' }]) as number;
    expect(copyId).not.toBe(id);
    const [row] = await t.env().model('test.partner').read([copyId], ['name', 'age', 'tag_ids', 'state']);
    expect(row).toEqual({ id: copyId, name: 'Copy', age: 7, tag_ids: [tagId], state: 'draft' });
    await expect(call('copy', [999999])).rejects.toThrow(MissingError);
    await expect(call('copy', [id, { state: 'done' }])).rejects.toThrow(ValidationError);
  });
});
