// ir.ui.view_sc: a user's shortcuts to menus; the GTK client lists them with get_sc at login.
import { char, defineModel, integer, many2one } from '../../src/orm/define';

export default defineModel({
  name: 'ir.ui.view_sc',
  description: 'Shortcut',
  table: 'ir_ui_view_sc',
  order: 'sequence, name',
  fields: {
    name: char({ string: 'Shortcut Name', size: 64 }),
    res_id: integer({ string: 'Resource Ref.' }),
    sequence: integer({ string: 'Sequence' }),
    user_id: many2one('res.users', { string: 'User Ref.', required: true, ondelete: 'cascade', index: true }),
    resource: char({ string: 'Resource Name', size: 64, required: true, default: 'ir.ui.menu' }),
  },
  methods: {
    get_sc: {
      params: ['user_id', 'model', 'context'],
      required: ['user_id'],
      fn: async (env, a) => {
        const model = typeof a.model === 'string' && a.model ? a.model : 'ir.ui.menu';
        const rows = await env.model('ir.ui.view_sc').searchRead(
          [['user_id', '=', Number(a.user_id)], ['resource', '=', model]], ['res_id'],
        );
        // Only shortcuts to records the caller can still see (7.0 filters them the same way).
        const names = new Map(await env.model(model).nameGet(rows.map((r) => Number(r.res_id))));
        return rows.filter((r) => names.has(Number(r.res_id))).map((r) => ({ ...r, name: names.get(Number(r.res_id)) }));
      },
    },
  },
});
