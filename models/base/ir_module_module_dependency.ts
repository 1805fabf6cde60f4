// ir.module.module.dependency: the modules a module depends on, by name.
import { char, defineModel, many2one } from '../../src/orm/define';

export default defineModel({
  name: 'ir.module.module.dependency',
  description: 'Module dependency',
  fields: {
    name: char({ string: 'Name', readonly: true, index: true }),
    module_id: many2one('ir.module.module', { string: 'Module', ondelete: 'cascade', readonly: true }),
  },
});
