// The menu tree the 6.x/7.0 clients open at login (action_menu_admin, a tree of root menus) and
// the Settings menus of the base models.
import { ref, type DataRecord } from '../../../src/orm/define';

const view = (id: string, model: string, type: string, arch: string, extra: Record<string, unknown> = {}): DataRecord => ({
  id, model: 'ir.ui.view', values: { name: `${model}.${type}`, model, type, arch, ...extra },
});

const action = (id: string, name: string, resModel: string, extra: Record<string, unknown> = {}): DataRecord => ({
  id, model: 'ir.actions.act_window', values: { name, res_model: resModel, view_type: 'form', view_mode: 'tree,form', ...extra },
});

const menu = (id: string, name: string, parent: string | null, sequence: number, act: string | null,
  groups: string[] = []): DataRecord => ({
  id, model: 'ir.ui.menu', values: {
    name, sequence,
    parent_id: parent ? ref(parent) : false,
    // An external id in a text field is stored as the reference "model,id".
    action: act ? ref(act) : false,
    groups_id: [[6, 0, groups.map((g) => ref(g))]],
  },
});

export const viewData: DataRecord[] = [
  view('view_menu', 'ir.ui.menu', 'tree', '<tree string="Menu" toolbar="1">\n  <field icon="icon" name="name"/>\n</tree>',
    { field_parent: 'child_id' }),
];

export const actionData: DataRecord[] = [
  action('action_menu_admin', 'Menu', 'ir.ui.menu', {
    view_type: 'tree', view_mode: 'tree', view_id: ref('base.view_menu'), domain: "[('parent_id','=',False)]",
  }),
  action('action_partner_form', 'Customers', 'res.partner', { view_mode: 'tree,form' }),
  action('action_res_users', 'Users', 'res.users'),
  action('action_res_groups', 'Groups', 'res.groups'),
  action('action_res_company_form', 'Companies', 'res.company'),
  action('action_country', 'Countries', 'res.country'),
  action('ir_sequence_form', 'Sequences', 'ir.sequence'),
  action('ir_access_act', 'Access Controls List', 'ir.model.access'),
  action('action_rule', 'Record Rules', 'ir.rule'),
];

export const menuData: DataRecord[] = [
  menu('menu_base_partner', 'Contacts', null, 10, null, ['base.group_user']),
  menu('menu_partner_form', 'Customers', 'base.menu_base_partner', 10, 'base.action_partner_form'),
  menu('menu_administration', 'Settings', null, 50, null, ['base.group_system']),
  menu('menu_users', 'Users', 'base.menu_administration', 4, null),
  menu('menu_action_res_users', 'Users', 'base.menu_users', 10, 'base.action_res_users'),
  menu('menu_action_res_groups', 'Groups', 'base.menu_users', 20, 'base.action_res_groups', ['base.group_no_one']),
  menu('menu_action_res_company_form', 'Companies', 'base.menu_users', 30, 'base.action_res_company_form'),
  menu('menu_security', 'Security', 'base.menu_administration', 25, null, ['base.group_no_one']),
  menu('menu_ir_access_act', 'Access Controls List', 'base.menu_security', 10, 'base.ir_access_act'),
  menu('menu_action_rule', 'Record Rules', 'base.menu_security', 20, 'base.action_rule'),
  menu('menu_config', 'Technical', 'base.menu_administration', 30, null, ['base.group_no_one']),
  menu('menu_ir_sequence_form', 'Sequences', 'base.menu_config', 10, 'base.ir_sequence_form'),
  menu('menu_country_partner', 'Countries', 'base.menu_config', 20, 'base.action_country'),
];
