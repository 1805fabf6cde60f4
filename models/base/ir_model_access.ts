// ir.model.access: who may read, write, create and delete the records of a model.
import { boolean, char, defineModel, many2one } from '../../src/orm/define';

export default defineModel({
  name: 'ir.model.access',
  // Servers cache these rows per database (identities, access, menus): a change drops their copies.
  invalidatesCache: true,
  description: 'Access Controls',
  order: 'model_id, group_id, name, id',
  fields: {
    name: char({ string: 'Name', required: true, index: true }),
    active: boolean({ string: 'Active', default: true,
      help: 'If you uncheck the active field, it will disable the ACL without deleting it (if you delete a native ACL, it will be re-created when you reload the module).' }),
    model_id: many2one('ir.model', { string: 'Object', required: true, ondelete: 'cascade', index: true }),
    group_id: many2one('res.groups', { string: 'Group', ondelete: 'cascade', index: true }),
    perm_read: boolean({ string: 'Read Access' }),
    perm_write: boolean({ string: 'Write Access' }),
    perm_create: boolean({ string: 'Create Access' }),
    perm_unlink: boolean({ string: 'Delete Access' }),
  },
});
