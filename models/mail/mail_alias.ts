// mail.alias: an address of the gateway (its local part, `soporte`) that opens a record of a
// model for each new message it receives, with default values (OpenERP 7.0's fields).
import { char, defineModel, integer, many2one, text } from '../../src/orm/define';
import { checkAliasDefaults } from '../../src/mail/define';

export default defineModel({
  name: 'mail.alias',
  description: 'Email Aliases',
  order: 'alias_name',
  recName: 'alias_name',
  fields: {
    alias_name: char({ string: 'Alias', required: true,
      help: 'The local part of the address (before the @) whose mail this alias receives, e.g. soporte.' }),
    alias_model_id: many2one('ir.model', { string: 'Aliased Model', required: true, ondelete: 'cascade',
      help: 'The model (OpenERP Document Kind) to which this alias corresponds: each new message creates a record of it.' }),
    alias_defaults: text({ string: 'Default Values', required: true, default: '{}',
      help: "A Python dictionary evaluated to provide default values when creating new records for this alias, e.g. {'category': 'technical'}." }),
    alias_force_thread_id: integer({ string: 'Record Thread ID',
      help: 'Optional ID of a thread (record) to which all incoming messages will be attached.' }),
  },
  sqlConstraints: [{ name: 'mail_alias_alias_name_unique', unique: ['alias_name'], message: 'Unfortunately this email alias is already used, please choose a unique one' }],
  hooks: {
    beforeCreate: async (_env, vals) => checkAliasDefaults(vals),
    beforeWrite: async (_env, _ids, vals) => checkAliasDefaults(vals),
  },
});
