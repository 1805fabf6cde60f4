// ir.ui.view: stored view architectures (form, tree, search...) that fields_view_get returns.
import { char, defineModel, integer, many2one, one2many, selection, text } from '../../src/orm/define';

export const VIEW_TYPES: [string, string][] = [
  ['tree', 'Tree'], ['form', 'Form'], ['graph', 'Graph'], ['calendar', 'Calendar'],
  ['diagram', 'Diagram'], ['gantt', 'Gantt'], ['kanban', 'Kanban'], ['search', 'Search'],
];

export default defineModel({
  name: 'ir.ui.view',
  // Servers cache these rows per database (identities, access, menus): a change drops their copies.
  invalidatesCache: true,
  description: 'View',
  order: 'priority, name',
  fields: {
    name: char({ string: 'View Name', required: true }),
    model: char({ string: 'Object', size: 64, index: true }),
    priority: integer({ string: 'Sequence', required: true, default: 16 }),
    type: selection(VIEW_TYPES, { string: 'View Type', required: true }),
    arch: text({ string: 'View Architecture', required: true }),
    inherit_id: many2one('ir.ui.view', { string: 'Inherited View', ondelete: 'cascade', index: true }),
    inherit_children_ids: one2many('ir.ui.view', 'inherit_id', { string: 'Inherit Views' }),
    field_parent: char({ string: 'Child Field', size: 64 }),
  },
});
