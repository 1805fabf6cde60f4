// Small models used only by the ORM tests: every field type, a hierarchy, an `active` flag,
// required/readonly/default fields, a unique SQL constraint, a constraint and ondelete rules.
import {
  binary, boolean, char, date, datetime, defineModel, defineModule, float, integer, many2many, many2one,
  one2many, password, selection, text, type ModuleDef,
} from '../../../../src/orm/define';

const users = defineModel({
  name: 'res.users', description: 'User', order: 'login',
  fields: { name: char({ string: 'Name', required: true }), login: char({ required: true }) },
});

const category = defineModel({
  name: 'test.category', description: { en_US: 'Category', es_ES: 'Categoría' }, order: 'name',
  fields: {
    name: char({ string: 'Name', required: true }),
    parent_id: many2one('test.category', { string: 'Parent', ondelete: 'cascade' }),
    child_ids: one2many('test.category', 'parent_id', { string: 'Children' }),
    active: boolean({ default: true }),
  },
});

const tag = defineModel({
  name: 'test.tag', description: 'Tag', order: 'name',
  fields: { name: char({ string: 'Name', required: true }), color: integer() },
  sqlConstraints: [{ name: 'name_uniq', unique: ['name'], message: { en_US: 'Tag names must be unique', es_ES: 'El nombre de la etiqueta debe ser único' } }],
});

export const KINDS: [string, { en_US: string; es_ES: string }][] = [
  ['person', { en_US: 'Person', es_ES: 'Persona' }],
  ['company', { en_US: 'Company', es_ES: 'Empresa' }],
];

const partner = defineModel({
  name: 'test.partner', description: { en_US: 'Test Partner', es_ES: 'Socio de prueba' }, order: 'name, id',
  fields: {
    name: char({ string: { en_US: 'Name', es_ES: 'Nombre' }, required: true, size: 20 }),
    note: text(),
    age: integer({ string: 'Age' }),
    score: float({ digits: [16, 2] }),
    is_company: boolean(),
    birthday: date(),
    last_seen: datetime(),
    kind: selection(KINDS, { string: { en_US: 'Kind', es_ES: 'Tipo' }, default: 'person' }),
    photo: binary(),
    category_id: many2one('test.category', { string: 'Category' }),
    tag_ids: many2many('test.tag', { relation: 'test_partner_tag_rel', column1: 'partner_id', column2: 'tag_id', string: 'Tags' }),
    line_ids: one2many('test.line', 'partner_id', { string: 'Lines' }),
    contact_ids: one2many('test.contact', 'partner_id', { string: 'Contacts' }),
    active: boolean({ default: true }),
    state: selection([['draft', 'Draft'], ['done', 'Done']], { string: 'State', readonly: true, default: 'draft', copy: false }),
    secret: password(),
    salary: float({ groups: ['test.group_manager'] }),
    category_name: char({ related: 'category_id.name', string: 'Category Name' }),
    upper_name: char({
      string: 'Upper name',
      compute: async (env, ids) => {
        const rows = await env.sudo().model('test.partner').read(ids, ['name']);
        return new Map(rows.map((r) => [r.id as number, String(r.name).toUpperCase()]));
      },
    }),
  },
  constraints: [{
    name: 'age_positive', fields: ['age'],
    check: async (env, ids) => {
      const rows = await env.sudo().model('test.partner').read(ids, ['age']);
      return rows.some((r) => typeof r.age === 'number' && r.age < 0) ? { en_US: 'Age cannot be negative', es_ES: 'La edad no puede ser negativa' } : null;
    },
  }],
});

const line = defineModel({
  name: 'test.line', description: 'Line', order: 'sequence, id',
  fields: {
    name: char({ required: true }),
    partner_id: many2one('test.partner', { required: true, ondelete: 'cascade' }),
    qty: integer(),
    sequence: integer({ default: 10 }),
  },
});

/** Children whose link to the partner is emptied, not deleted, when cut. */
const contact = defineModel({
  name: 'test.contact', description: 'Contact',
  fields: { name: char(), partner_id: many2one('test.partner') },
});

const blocker = defineModel({
  name: 'test.blocker', description: 'Blocker',
  fields: { name: char(), partner_id: many2one('test.partner', { ondelete: 'restrict' }) },
});

/** A model whose table has a NOT NULL column the model does not mark required. */
const strict = defineModel({
  name: 'test.strict', description: 'Strict', fields: { name: char(), code: char() },
});

/** No `name` field: records are named "model,id". */
const nameless = defineModel({ name: 'test.nameless', description: 'Nameless', fields: { value: integer() } });

/** Just what fields_view_get and get_external_id read of the real ir.ui.view and ir.model.data. */
const views = defineModel({
  name: 'ir.ui.view', description: 'View', order: 'priority, name',
  fields: {
    name: char({ required: true }), model: char(), type: char(), arch: text(), priority: integer({ default: 16 }),
    inherit_id: many2one('ir.ui.view'), field_parent: char(),
  },
});
const modelData = defineModel({
  name: 'ir.model.data', description: 'External Identifiers',
  fields: { module: char({ required: true }), name: char({ required: true }), model: char(), res_id: integer() },
});

export const TEST_MODULE: ModuleDef = defineModule({
  name: 'test_base', depends: [], models: [users, category, tag, partner, line, contact, blocker, strict, nameless, views, modelData],
});
