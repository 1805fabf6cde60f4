// ir.model: the models of the registry, reflected when modules are installed.
import { boolean, char, defineModel, one2many, selection, text } from '../../src/orm/define';

export default defineModel({
  name: 'ir.model',
  // Servers cache these rows per database (identities, access, menus): a change drops their copies.
  invalidatesCache: true,
  description: 'Models',
  order: 'model',
  fields: {
    name: char({ string: 'Model Description', required: true, translate: true }),
    model: char({ string: 'Model', required: true }),
    info: text({ string: 'Information' }),
    state: selection([['manual', 'Custom Object'], ['base', 'Base Object']], {
      string: 'Type', default: 'base', readonly: true,
    }),
    transient: boolean({ string: 'Transient Model', readonly: true }),
    modules: char({ string: 'In Modules', readonly: true, help: 'List of modules in which the object is defined or inherited' }),
    field_id: one2many('ir.model.fields', 'model_id', { string: 'Fields' }),
  },
  sqlConstraints: [
    { name: 'obj_name_uniq', unique: ['model'], message: 'Each model must be unique!' },
  ],
});
