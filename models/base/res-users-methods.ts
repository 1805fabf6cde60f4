// The public methods of res.users that clients call: context_get right after login, password
// changes from the preferences, has_group, and the 6.x status bar's get_current_company.
import { AccessDenied, UserError } from '../../src/errors';
import { verifyPassword, type Env, type MethodDef } from '../../src/orm/define';

function m2oId(v: unknown): number | false {
  return Array.isArray(v) ? Number(v[0]) : false;
}

/** 7.0: `{lang, tz}` of the user (False when unset); the session context of every client. */
async function contextGet(env: Env): Promise<Record<string, unknown>> {
  const [user] = await env.sudo().model('res.users').read([env.uid], ['lang', 'tz']);
  return { lang: user?.lang ?? false, tz: user?.tz ?? false };
}

async function changePassword(env: Env, oldPassword: unknown, newPassword: unknown): Promise<true> {
  // Raw: the stored hash, which no read through the ORM ever returns.
  const row = await env.cr('res_users').where('id', env.uid).first('password');
  const stored = typeof row?.password === 'string' ? row.password : '';
  if (typeof oldPassword !== 'string' || !(await verifyPassword(oldPassword, stored))) throw new AccessDenied();
  if (typeof newPassword !== 'string' || newPassword === '') {
    throw new UserError('Setting empty passwords is not allowed for security reasons!', 'Warning!');
  }
  await env.sudo().model('res.users').write([env.uid], { password: newPassword });
  return true;
}

export const usersMethods: Record<string, MethodDef> = {
  context_get: {
    params: ['context'],
    fn: (env) => contextGet(env),
  },
  change_password: {
    params: ['old_passwd', 'new_passwd', 'context'],
    fn: (env, a) => changePassword(env, a.old_passwd, a.new_passwd),
  },
  preference_change_password: {
    params: ['old_passwd', 'new_passwd', 'context'],
    fn: (env, a) => changePassword(env, a.old_passwd, a.new_passwd),
  },
  has_group: {
    params: ['group_ext_id'],
    fn: async (env, a) => {
      if (typeof a.group_ext_id !== 'string' || !a.group_ext_id.includes('.')) {
        throw new UserError('External ID must be fully qualified (module.name)');
      }
      return (await env.userGroups()).has(a.group_ext_id);
    },
  },
  get_current_company: {
    params: ['context'],
    fn: async (env) => {
      const [user] = await env.sudo().model('res.users').read([env.uid], ['company_id']);
      const id = m2oId(user?.company_id);
      return id === false ? [] : [user.company_id];
    },
  },
};
