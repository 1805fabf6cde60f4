// res.users: who logs in. Name, email, language and timezone are the user's partner's; the
// password is write-only and stored hashed; groups decide what the user may do.
import {
  boolean, char, datetime, defineModel, many2many, many2one, password, selection, text,
  type Env,
} from '../../src/orm/define';
import { LANGUAGES } from './res_partner';
import { beforeCreateUser, beforeUnlinkUser, beforeWriteUser } from './res-users-hooks';
import { usersMethods } from './res-users-methods';
import { userCompany } from './company-default';

/** The id of a base record by external id (defaults must not depend on the caller's rights). */
async function xmlidRes(env: Env, name: string): Promise<number | false> {
  const [row] = await env.sudo().model('ir.model.data').searchRead([['module', '=', 'base'], ['name', '=', name]], ['res_id'], { limit: 1 });
  return row?.res_id ? Number(row.res_id) : false;
}

export default defineModel({
  name: 'res.users',
  // Servers cache these rows per database (identities, access, menus): a change drops their copies.
  invalidatesCache: true,
  description: 'User',
  order: 'login',
  fields: {
    partner_id: many2one('res.partner', { string: 'Related Partner', required: true, ondelete: 'restrict' }),
    name: char({ string: 'Name', related: 'partner_id.name' }),
    email: char({ string: 'Email', related: 'partner_id.email' }),
    lang: selection(LANGUAGES, { string: 'Language', related: 'partner_id.lang' }),
    tz: char({ string: 'Timezone', related: 'partner_id.tz' }),
    login: char({ string: 'Login', size: 64, required: true, help: 'Used to log into the system' }),
    password: password({ string: 'Password', help: 'Keep empty if you don\'t want the user to be able to connect on the system.' }),
    active: boolean({ string: 'Active', default: true }),
    company_id: many2one('res.company', {
      string: 'Company', help: 'The company this user is currently working for.',
      default: async (env: Env) => {
        const mine = await userCompany(env);
        if (mine) return mine;
        const [first] = await env.sudo().model('res.company').search([], { order: 'id', limit: 1 });
        return first ?? false;
      },
    }),
    groups_id: many2many('res.groups', {
      string: 'Groups', relation: 'res_groups_users_rel', column1: 'uid', column2: 'gid',
      default: async (env: Env) => {
        const group = await xmlidRes(env, 'group_user');
        return group ? [[6, 0, [group]]] : [];
      },
    }),
    signature: text({ string: 'Signature' }),
    login_date: datetime({ string: 'Latest connection', readonly: true }),
    action_id: many2one('ir.actions.actions', { string: 'Home Action',
      help: 'If specified, this action will be opened at log on for this user, in addition to the standard menu.' }),
    menu_id: many2one('ir.actions.actions', { string: 'Menu Action',
      help: 'If specified, the action will replace the standard menu for this user.',
      // The GTK client refuses a login whose user has no menu action.
      default: (env: Env) => xmlidRes(env, 'action_menu_admin') }),
  },
  sqlConstraints: [
    { name: 'login_key', unique: ['login'], message: 'You can not have two users with the same login !' },
  ],
  methods: usersMethods,
  hooks: {
    beforeCreate: beforeCreateUser,
    beforeWrite: beforeWriteUser,
    beforeUnlink: beforeUnlinkUser,
  },
});
