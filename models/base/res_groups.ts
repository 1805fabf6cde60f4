// res.groups: groups of users. Members of a group also belong to the groups it implies.
// A group reads as "Category / Name" (7.0).
import { char, defineModel, many2many, many2one, nameGetFrom, one2many, text, type Env } from '../../src/orm/define';

async function fullNames(env: Env, ids: number[]): Promise<Map<number, string>> {
  // Stored (untranslated) names, as the full name has always been built.
  const rows = await env.sudo().withContext({ lang: false }).model('res.groups').read(ids, ['name', 'category_id']);
  return new Map(rows.map((r) => {
    const category = Array.isArray(r.category_id) ? String(r.category_id[1]) : '';
    return [Number(r.id), category ? `${category} / ${String(r.name)}` : String(r.name)];
  }));
}

export default defineModel({
  name: 'res.groups',
  // Servers cache these rows per database (identities, access, menus): a change drops their copies.
  invalidatesCache: true,
  description: 'Access Groups',
  order: 'name',
  fields: {
    name: char({ string: 'Name', required: true, translate: true }),
    category_id: many2one('ir.module.category', { string: 'Application', index: true }),
    full_name: char({ string: 'Group Name', readonly: true, compute: fullNames }),
    implied_ids: many2many('res.groups', {
      string: 'Inherits', relation: 'res_groups_implied_rel', column1: 'gid', column2: 'hid',
      help: 'Users of this group automatically inherit those groups',
    }),
    users: many2many('res.users', { string: 'Users', relation: 'res_groups_users_rel', column1: 'gid', column2: 'uid' }),
    model_access: one2many('ir.model.access', 'group_id', { string: 'Access Controls' }),
    rule_groups: many2many('ir.rule', {
      string: 'Rules', relation: 'rule_group_rel', column1: 'group_id', column2: 'rule_group_id',
    }),
    menu_access: many2many('ir.ui.menu', {
      string: 'Access Menu', relation: 'ir_ui_menu_group_rel', column1: 'gid', column2: 'menu_id',
    }),
    comment: text({ string: 'Comment' }),
  },
  sqlConstraints: [
    { name: 'name_uniq', unique: ['category_id', 'name'],
      message: 'The name of the group must be unique within an application!' },
  ],
  methods: {
    name_get: nameGetFrom('res.groups', 'full_name'),
  },
});
