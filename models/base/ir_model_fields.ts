// ir.model.fields: the fields of every model, reflected from the registry.
import { boolean, char, defineModel, integer, many2one, selection, text } from '../../src/orm/define';

export default defineModel({
  name: 'ir.model.fields',
  description: 'Fields',
  order: 'name',
  fields: {
    name: char({ string: 'Name', required: true, index: true }),
    model: char({ string: 'Object Name', required: true, index: true }),
    model_id: many2one('ir.model', { string: 'Model', required: true, ondelete: 'cascade', index: true }),
    field_description: char({ string: 'Field Label', required: true, translate: true }),
    ttype: char({ string: 'Field Type', required: true, size: 64 }),
    relation: char({ string: 'Object Relation', help: 'For relationship fields, the technical name of the target model' }),
    relation_field: char({ string: 'Relation Field', help: 'For one2many fields, the field on the target model that implement the opposite many2one relationship' }),
    relation_table: char({ string: 'Relation Table', help: 'Used for custom many2many fields to define a custom relation table name' }),
    column1: char({ string: 'Column 1', help: 'Column referring to the record in the model table' }),
    column2: char({ string: 'Column 2', help: 'Column referring to the record in the comodel table' }),
    selection: text({ string: 'Selection Options', help: 'The [key, label] pairs of selection fields, as JSON' }),
    required: boolean({ string: 'Required' }),
    readonly: boolean({ string: 'Readonly' }),
    translate: boolean({ string: 'Translatable' }),
    store: boolean({ string: 'Stored', default: true }),
    size: integer({ string: 'Size' }),
    help: text({ string: 'Field Help', translate: true }),
    state: selection([['manual', 'Custom Field'], ['base', 'Base Field']], {
      string: 'Type', default: 'base', required: true, readonly: true,
    }),
  },
  sqlConstraints: [
    { name: 'model_name_uniq', unique: ['model', 'name'], message: 'Field names must be unique per model.' },
  ],
});
