// fields_get (7.0 and Odoo shapes), fields_get_keys, default_get, fields_view_get,
// check_access_rights, perm_read and get_external_id.
import { AccessError, UserError } from '../../../src/errors';
import { callModelMethod } from '../../../src/orm/call-method';
import { COMPAT_ODOO } from '../../../src/orm/env-types';
import type { AccessPolicy } from '../../../src/orm/access-policy';
import { BACKENDS } from '../../support/backends';
import { openTestDb, type TestDb } from './support/schema';

const readOnlyUser: AccessPolicy = {
  async check(_env, model, mode) {
    if (mode !== 'read') throw new AccessError(`You are not allowed to modify '${model}' records.`);
  },
  ruleDomain: async () => null,
  userGroups: async () => new Set(['test.group_manager']),
};

describe.each(BACKENDS)('model description on %s', (backend) => {
  let t: TestDb;
  beforeAll(async () => { t = await openTestDb(backend); });
  afterAll(async () => { await t.db.destroy(); });

  const call = (method: string, args: unknown[], kwargs: Record<string, unknown> = {}, env = t.env()) =>
    callModelMethod(env, 'test.partner', method, args, kwargs) as Promise<Record<string, any>>;

  test('fields_get in 7.0 lists only truthy keys', async () => {
    const f = await call('fields_get', [['name', 'kind', 'category_id', 'line_ids', 'tag_ids', 'score', 'state']]);
    expect(f.name).toEqual({ type: 'char', string: 'Name', required: true, size: 20, selectable: true });
    expect(f.kind).toEqual({ type: 'selection', string: 'Kind', selectable: true, selection: [['person', 'Person'], ['company', 'Company']] });
    expect(f.category_id).toEqual({ type: 'many2one', string: 'Category', relation: 'test.category', domain: [], context: {}, selectable: true });
    expect(f.line_ids).toMatchObject({ type: 'one2many', relation: 'test.line', relation_field: 'partner_id' });
    expect(f.score).toMatchObject({ type: 'float', digits: [16, 2] });
    expect(f.state).toMatchObject({ readonly: true });
    expect(Object.keys(f).sort()).toEqual(['category_id', 'kind', 'line_ids', 'name', 'score', 'state', 'tag_ids']);
  });

  test('fields_get in Odoo lists every key, and `attributes` limits them', async () => {
    const env = t.env({ compat: COMPAT_ODOO });
    const f = await call('fields_get', [['name']], {}, env);
    expect(f.name).toEqual({
      change_default: false, company_dependent: false, default_export_compatible: true, depends: [], exportable: true,
      groupable: true, manual: false, name: 'name', readonly: false, required: true, searchable: true, size: 20,
      sortable: true, store: true, string: 'Name', translate: false, trim: true, type: 'char',
    });
    const limited = await call('fields_get', [['kind']], { attributes: ['string', 'selection'] }, env);
    expect(limited).toEqual({ kind: { string: 'Kind', selection: [['person', 'Person'], ['company', 'Company']] } });
  });

  test('fields_get translates labels and hides fields of groups the caller lacks', async () => {
    const f = await call('fields_get', [], { context: { lang: 'es_ES' } });
    expect(f.kind.string).toBe('Tipo');
    expect(f.kind.selection).toEqual([['person', 'Persona'], ['company', 'Empresa']]);
    expect(f).not.toHaveProperty('salary');
    expect(f).toHaveProperty('create_date');
    const manager = await call('fields_get', [['salary']], {}, t.env({ access: readOnlyUser }));
    expect(manager.salary).toMatchObject({ type: 'float', readonly: true, states: {} });
  });

  test('fields_get_keys lists visible field names', async () => {
    const keys = await call('fields_get_keys', []) as unknown as string[];
    expect(keys).toContain('name');
    expect(keys).not.toContain('salary');
  });

  test('default_get returns model defaults and context defaults for the fields asked', async () => {
    expect(await call('default_get', [['kind', 'active', 'state', 'name']])).toEqual({ kind: 'person', active: true, state: 'draft' });
    expect(await call('default_get', [['kind', 'name']], { context: { default_name: 'X', default_kind: 'company' } }))
      .toEqual({ kind: 'company', name: 'X' });
  });

  test('fields_view_get generates default views with the fields they use', async () => {
    const form = await call('fields_view_get', [false, 'form']);
    expect(form).toMatchObject({ model: 'test.partner', type: 'form', name: 'default', view_id: 0, field_parent: false });
    expect(form.arch).toMatch(/^<form string="Test Partner">/);
    expect(form.arch).toContain('<field name="name"/>');
    expect(form.arch).not.toContain('salary');
    expect(form.fields.name).toMatchObject({ type: 'char', required: true });
    const tree = await call('fields_view_get', [false, 'tree', {}, true]);
    expect(tree.arch).toBe('<tree string="Test Partner"><field name="name"/></tree>');
    expect(Object.keys(tree.fields)).toEqual(['name']);
    expect(tree.toolbar).toEqual({ print: [], action: [], relate: [] });
    await expect(call('fields_view_get', [false, 'calendar'])).rejects.toThrow(UserError);
  });

  test('fields_view_get keeps password fields, as char fields marked password and with no value', async () => {
    await t.env().model('test.partner').create({ name: 'Keyholder', secret: 'open-sesame' });
    const form = await call('fields_view_get', [false, 'form']);
    expect(form.arch).toContain('<field name="secret" password="True"/>');
    expect(form.fields.secret).toMatchObject({ type: 'char', password: true, string: 'Secret' });
    const viewId = await t.env().model('ir.ui.view').create({
      name: 'partner.secret', model: 'test.partner', type: 'form', arch: '<form string="Partner"><field name="name"/><field name="secret"/></form>',
    });
    const stored = await call('fields_view_get', [viewId, 'form']);
    expect(stored.arch).toBe('<form string="Partner"><field name="name"/><field name="secret" password="True"/></form>');
    expect(Object.keys(stored.fields).sort()).toEqual(['name', 'secret']);
    expect(JSON.stringify([form, stored])).not.toContain('open-sesame');
    await t.env().model('ir.ui.view').unlink([viewId]);
  });

  test('fields_view_get uses the stored view, without nodes and fields the caller may not see', async () => {
    const arch = '<form string="Partner"><field name="name"/><field name="salary"/>' +
      '<group groups="test.group_manager"><field name="age"/></group><field name="line_ids"><tree><field name="qty"/></tree></field></form>';
    const viewId = await t.env().model('ir.ui.view').create({ name: 'partner.form', model: 'test.partner', type: 'form', arch });
    const v = await call('fields_view_get', [false, 'form']);
    expect(v).toMatchObject({ name: 'partner.form', view_id: viewId, type: 'form' });
    expect(v.arch).toBe('<form string="Partner"><field name="name"/><field name="line_ids"><tree><field name="qty"/></tree></field></form>');
    expect(Object.keys(v.fields).sort()).toEqual(['line_ids', 'name']);
    const manager = await call('fields_view_get', [viewId, 'form'], {}, t.env({ access: readOnlyUser }));
    expect(Object.keys(manager.fields).sort()).toEqual(['age', 'line_ids', 'name', 'salary']);
  });

  test('check_access_rights answers or raises', async () => {
    expect(await call('check_access_rights', ['write'])).toBe(true);
    const ro = t.env({ access: readOnlyUser });
    expect(await call('check_access_rights', ['read'], {}, ro)).toBe(true);
    expect(await call('check_access_rights', ['write', false], {}, ro)).toBe(false);
    await expect(call('check_access_rights', ['unlink'], {}, ro)).rejects.toThrow(AccessError);
  });

  test('perm_read and get_external_id', async () => {
    const id = await t.env().model('test.partner').create({ name: 'Meta' });
    const [row] = await call('perm_read', [[id]]) as unknown as Record<string, unknown>[];
    expect(row).toMatchObject({ id, create_uid: [2, 'Demo'], write_uid: [2, 'Demo'], xmlid: false });
    expect(await call('get_external_id', [[id]])).toEqual({ [String(id)]: '' });
    await t.env().model('ir.model.data').create({ module: 'test_base', name: 'meta', model: 'test.partner', res_id: id });
    expect(await call('get_external_id', [[id]])).toEqual({ [String(id)]: 'test_base.meta' });
    expect(((await call('perm_read', [[id]])) as unknown as Record<string, unknown>[])[0].xmlid).toBe('test_base.meta');
    await call('unlink', [[id]]);
    expect(await t.db.knex('ir_model_data').where({ model: 'test.partner', res_id: id })).toEqual([]);
  });
});
