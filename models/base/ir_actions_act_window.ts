// ir.actions.act_window: opens a model in views (what a menu runs). `domain` and `context` are
// strings, as clients expect; `views` is computed from view_mode and view_id.
import {
  boolean, char, defineModel, integer, many2one, selection, text,
} from '../../src/orm/define';
import { actionViews } from './ir-act-window-views';

export default defineModel({
  name: 'ir.actions.act_window',
  // Servers cache these rows per database (identities, access, menus): a change drops their copies.
  invalidatesCache: true,
  description: 'Action Window',
  table: 'ir_act_window',
  order: 'name',
  fields: {
    name: char({ string: 'Action Name', required: true, translate: true }),
    type: char({ string: 'Action Type', required: true, size: 32, default: 'ir.actions.act_window' }),
    usage: char({ string: 'Action Usage', size: 32 }),
    help: text({ string: 'Action description', translate: true }),
    res_model: char({ string: 'Object', required: true, size: 64, help: 'Model name of the object to open in the view window' }),
    src_model: char({ string: 'Source Object', size: 64, help: 'Optional model name of the objects on which this action should be visible' }),
    view_type: selection([['tree', 'Tree'], ['form', 'Form']], {
      string: 'View Type', required: true, default: 'form',
      help: 'View type: Tree type to use for the tree view, set to \'tree\' for a hierarchical tree view, or \'form\' for a regular list view',
    }),
    view_mode: char({ string: 'View Mode', required: true, default: 'tree,form',
      help: 'Comma-separated list of allowed view modes, such as \'form\', \'tree\', \'calendar\', etc. (Default: tree,form)' }),
    view_id: many2one('ir.ui.view', { string: 'View Ref.', ondelete: 'set null' }),
    search_view_id: many2one('ir.ui.view', { string: 'Search View Ref.' }),
    domain: char({ string: 'Domain Value', size: 250, help: 'Optional domain filtering of the destination data, as a Python expression' }),
    context: char({ string: 'Context Value', size: 250, required: true, default: '{}',
      help: 'Context dictionary as Python expression, empty by default (Default: {})' }),
    limit: integer({ string: 'Limit', default: 80, help: 'Default limit for the list view' }),
    target: selection([['current', 'Current Window'], ['new', 'New Window'], ['inline', 'Inline Edit'], ['inlineview', 'Inline View']], {
      string: 'Target Window', default: 'current',
    }),
    auto_search: boolean({ string: 'Auto Search', default: true }),
    multi: boolean({ string: 'Action on Multiple Doc.', default: false,
      help: 'If set to true, the action will not be displayed on the right toolbar of a form view' }),
    views: char({ string: 'Views', compute: actionViews,
      help: 'This function field computes the ordered list of views that should be enabled when displaying the result of an action' }),
  },
});
