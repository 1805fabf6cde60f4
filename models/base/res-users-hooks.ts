// What res.users does around create and write: its name, email, lang and tz live on its partner
// (created with the user), its password is stored hashed, and a user who is not an access-rights
// manager may only change their own preferences.
import { AccessError, UserError } from '../../src/errors';
import { hashPasswordFor, type Env } from '../../src/orm/define';
type Vals = Record<string, unknown>;

export const PARTNER_FIELDS = ['name', 'email', 'lang', 'tz'] as const;

/** What a user may write on their own record without being an access-rights manager (7.0). */
export const SELF_WRITEABLE_FIELDS = new Set([
  'password', 'signature', 'action_id', 'company_id', 'email', 'name', 'lang', 'tz',
]);

export const USERS_MANAGER_GROUP = 'base.group_erp_manager';

function takePartnerVals(vals: Vals): Vals {
  const out: Vals = {};
  for (const key of PARTNER_FIELDS) {
    if (key in vals) {
      out[key] = vals[key];
      delete vals[key];
    }
  }
  return out;
}

async function hashInVals(env: Env, vals: Vals): Promise<void> {
  if (!('password' in vals)) return;
  const plain = vals.password;
  if (plain === false || plain === null || plain === undefined || plain === '') {
    throw new UserError('Setting empty passwords is not allowed for security reasons!', 'Warning!');
  }
  if (typeof plain !== 'string') throw new UserError('The password must be a string.', 'Warning!');
  vals.password = await hashPasswordFor(env, plain);
}

export async function beforeCreateUser(env: Env, vals: Vals): Promise<void> {
  const partnerVals = takePartnerVals(vals);
  if (vals.partner_id) {
    if (Object.keys(partnerVals).length) {
      await env.sudo().model('res.partner').write([Number(vals.partner_id)], partnerVals);
    }
  } else {
    vals.partner_id = await env.sudo().model('res.partner').create({
      ...partnerVals, company_id: vals.company_id ?? false,
    });
  }
  await hashInVals(env, vals);
}

async function isManager(env: Env): Promise<boolean> {
  return env.su || env.uid === 1 || (await env.userGroups()).has(USERS_MANAGER_GROUP);
}

export async function beforeWriteUser(env: Env, ids: number[], vals: Vals): Promise<void> {
  if (ids.includes(1) && 'active' in vals && !vals.active) {
    throw new UserError('You cannot deactivate the admin user.', 'Warning!');
  }
  if (!(await isManager(env))) {
    const own = ids.every((id) => id === env.uid);
    const allowed = Object.keys(vals).every((k) => SELF_WRITEABLE_FIELDS.has(k));
    if (!own || !allowed) {
      throw new AccessError("You are not allowed to modify 'User' (res.users) records.\n\n"
        + 'This operation is allowed for the following groups:\n\t- Administration/Access Rights\n\n'
        + 'Contact your administrator to request access if necessary.');
    }
  }
  const partnerVals = takePartnerVals(vals);
  if (Object.keys(partnerVals).length) {
    const rows = await env.sudo().model('res.users').read(ids, ['partner_id']);
    const partners = rows.map((r) => (Array.isArray(r.partner_id) ? Number(r.partner_id[0]) : 0)).filter(Boolean);
    if (partners.length) await env.sudo().model('res.partner').write(partners, partnerVals);
  }
  await hashInVals(env, vals);
}

export async function beforeUnlinkUser(_env: Env, ids: number[]): Promise<void> {
  if (ids.includes(1)) {
    throw new UserError('You can not remove the admin user as it is used internally for resources created '
      + 'by OpenERP (updates, module installation, ...)', 'Can not remove root user!');
  }
}
