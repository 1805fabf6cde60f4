// Access rights of the base models. Employees read what every screen needs; only Settings and
// Access Rights manage users, groups, access, rules, menus, views and sequences. Attachments are
// open to employees because their access follows the document they are attached to.
import { ref, type DataRecord } from '../../../src/orm/define';

/** One ir.model.access row: `perms` is a subset of "rwcu". */
export function acl(model: string, group: string | null, perms: string): DataRecord {
  const table = model.replace(/\./g, '_');
  const suffix = group ? group.split('.')[1].replace(/^group_/, '') : 'all';
  return {
    id: `access_${table}_${suffix}`,
    model: 'ir.model.access',
    values: {
      name: `${model} ${suffix}`,
      model_id: ref(`base.model_${table}`),
      group_id: group ? ref(group) : false,
      perm_read: perms.includes('r'),
      perm_write: perms.includes('w'),
      perm_create: perms.includes('c'),
      perm_unlink: perms.includes('u'),
    },
  };
}

const USER = 'base.group_user';
const SYSTEM = 'base.group_system';
const RIGHTS = 'base.group_erp_manager';
const PARTNERS = 'base.group_partner_manager';

export const accessData: DataRecord[] = [
  acl('res.partner', USER, 'r'), acl('res.partner', PARTNERS, 'rwcu'),
  acl('res.partner.category', USER, 'r'), acl('res.partner.category', PARTNERS, 'rwcu'),
  acl('res.country', null, 'r'), acl('res.country', SYSTEM, 'rwcu'),
  acl('res.company', USER, 'r'), acl('res.company', RIGHTS, 'rwcu'),
  // Employees may write only their own preferences (a record rule and res.users' own checks).
  acl('res.users', USER, 'rw'), acl('res.users', RIGHTS, 'rwcu'),
  acl('res.groups', USER, 'r'), acl('res.groups', RIGHTS, 'rwcu'),
  acl('ir.module.category', USER, 'r'), acl('ir.module.category', SYSTEM, 'rwcu'),
  acl('ir.model', USER, 'r'),
  acl('ir.model.fields', USER, 'r'),
  acl('ir.model.data', USER, 'r'), acl('ir.model.data', RIGHTS, 'rwcu'),
  acl('ir.model.access', USER, 'r'), acl('ir.model.access', RIGHTS, 'rwcu'),
  acl('ir.rule', USER, 'r'), acl('ir.rule', RIGHTS, 'rwcu'),
  acl('ir.attachment', USER, 'rwcu'),
  acl('ir.sequence', USER, 'r'), acl('ir.sequence', SYSTEM, 'rwcu'),
  acl('ir.module.module', USER, 'r'),
  acl('ir.module.module.dependency', USER, 'r'),
  acl('ir.ui.menu', USER, 'r'), acl('ir.ui.menu', SYSTEM, 'rwcu'),
  acl('ir.actions.actions', USER, 'r'), acl('ir.actions.actions', SYSTEM, 'rwcu'),
  acl('ir.actions.act_window', USER, 'r'), acl('ir.actions.act_window', SYSTEM, 'rwcu'),
  acl('ir.actions.report.xml', USER, 'r'), acl('ir.actions.report.xml', SYSTEM, 'rwcu'),
  acl('ir.actions.report', USER, 'r'), acl('ir.actions.report', SYSTEM, 'rwcu'),
  acl('ir.ui.view', USER, 'r'), acl('ir.ui.view', SYSTEM, 'rwcu'),
  acl('ir.values', USER, 'r'), acl('ir.values', SYSTEM, 'rwcu'),
  acl('res.lang', null, 'r'), acl('res.lang', SYSTEM, 'rwcu'),
  // Each user keeps their own shortcuts (a record rule).
  acl('ir.ui.view_sc', USER, 'rwcu'),
];

const rule = (id: string, model: string, name: string, domain: unknown[], groups: string[],
  perms: string): DataRecord => ({
  id, model: 'ir.rule', values: {
    name, model_id: ref(`base.model_${model.replace(/\./g, '_')}`), domain_force: JSON.stringify(domain),
    groups: [[6, 0, groups.map((g) => ref(g))]],
    perm_read: perms.includes('r'), perm_write: perms.includes('w'),
    perm_create: perms.includes('c'), perm_unlink: perms.includes('u'),
  },
});

export const ruleData: DataRecord[] = [
  rule('rule_menu_groups', 'ir.ui.menu', 'Menus: only for the members of their groups',
    ['|', ['groups_id', '=', false], ['groups_id', 'in', { $user: 'groups_id' }]], [], 'r'),
  rule('rule_users_own', 'res.users', 'Users: employees change only their own preferences',
    [['id', '=', { $user: 'id' }]], [USER], 'w'),
  rule('rule_view_sc_own', 'ir.ui.view_sc', 'Shortcuts: each user their own',
    [['user_id', '=', { $user: 'id' }]], [], 'rwcu'),
  rule('rule_users_all', 'res.users', 'Users: access-rights managers change every user',
    [], [RIGHTS], 'wu'),
];
