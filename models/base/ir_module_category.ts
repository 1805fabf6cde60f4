// ir.module.category: the applications groups belong to ("Administration", "Human Resources").
import { char, defineModel, integer, many2one, one2many, text } from '../../src/orm/define';

export default defineModel({
  name: 'ir.module.category',
  // Servers cache group names (category/name) for access denials: a rename drops their copies.
  invalidatesCache: ['name'],
  description: 'Application',
  order: 'name',
  fields: {
    name: char({ string: 'Name', required: true, translate: true }),
    parent_id: many2one('ir.module.category', { string: 'Parent Application', index: true }),
    child_ids: one2many('ir.module.category', 'parent_id', { string: 'Child Applications' }),
    description: text({ string: 'Description', translate: true }),
    sequence: integer({ string: 'Sequence' }),
  },
});
