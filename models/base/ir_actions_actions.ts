// ir.actions.actions: what every action has. Window actions are the only kind here, so both
// models share one table and an action id reads the same through either (the GTK client reads
// `type` here first, then the full action from the model that type names).
import { char, defineModel, text } from '../../src/orm/define';

export default defineModel({
  name: 'ir.actions.actions',
  // Servers cache these rows per database (identities, access, menus): a change drops their copies.
  invalidatesCache: true,
  description: 'Actions',
  table: 'ir_act_window',
  order: 'name',
  fields: {
    name: char({ string: 'Action Name', required: true, translate: true }),
    type: char({ string: 'Action Type', required: true, size: 32 }),
    usage: char({ string: 'Action Usage', size: 32 }),
    help: text({ string: 'Action description', translate: true,
      help: 'Optional help text for the users with a description of the target view, such as its usage and purpose.' }),
  },
});
