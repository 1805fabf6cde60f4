// ir.values: actions bound to models or records (sidebar entries, menu openings) and defaults.
// `value` holds a reference "model,id" for actions and a JSON value for defaults.
import { char, defineModel, integer, many2one, selection, text } from '../../src/orm/define';
import { irValuesGet } from './ir-values-get';
import { userCompany } from './company-default';

export default defineModel({
  name: 'ir.values',
  description: 'Action Bindings/Defaults',
  order: 'id',
  fields: {
    name: char({ string: 'Name', required: true, size: 128 }),
    model: char({ string: 'Model Name', required: true, size: 128, index: true,
      help: 'Model to which this entry applies' }),
    res_id: integer({ string: 'Record ID', index: true,
      help: 'If set, action binding only applies for this resource.' }),
    key: selection([['action', 'Action'], ['default', 'Default']], { string: 'Type', required: true, index: true }),
    key2: char({ string: 'Qualifier', size: 128, index: true,
      help: 'For actions, one of the possible action slots: client_action_multi, client_print_multi, client_action_relate, tree_but_open.' }),
    value: text({ string: 'Default value or action reference' }),
    user_id: many2one('res.users', { string: 'User', ondelete: 'cascade', index: true }),
    company_id: many2one('res.company', { string: 'Company', ondelete: 'cascade', index: true, default: userCompany }),
  },
  methods: {
    get: {
      params: ['key', 'key2', 'models', 'meta', 'context', 'res_id_req', 'without_user', 'key2_req'],
      fn: (env, a) => irValuesGet(env, a.key, a.key2, a.models),
    },
  },
});
