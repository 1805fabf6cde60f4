// What /web/session/authenticate and get_session_info answer: who the user is, their context
// (lang, tz, uid), the database and the advertised version. odoorpc reads only uid and
// user_context; the web client reads the rest. The CSRF token goes to the page, not a cookie.
import type { WebSession } from '../../auth/sessions';
import type { OrmEnv } from '../../orm/env';
import { userIdentity } from '../../orm/identity';
import { newStruct, type RpcStruct, type RpcValue } from '../../values';

const SYSTEM_GROUP = 'base.group_system';
const ADMIN_GROUP = 'base.group_erp_manager';

/** `{lang, tz, uid}` of the env's user, as Odoo puts in every session's user_context. */
export async function userContext(env: OrmEnv): Promise<RpcStruct> {
  const user = await userIdentity(env);
  const ctx = newStruct();
  ctx.lang = user.lang ?? 'en_US';
  ctx.tz = user.tz ?? false;
  ctx.uid = env.uid;
  return ctx;
}

const m2oId = (v: unknown): number | false => (Array.isArray(v) && typeof v[0] === 'number' ? v[0] : typeof v === 'number' ? v : false);

export async function sessionInfo(env: OrmEnv, session: WebSession, version: RpcStruct): Promise<RpcStruct> {
  const [user] = await env.sudo().model('res.users').read([env.uid], ['name', 'login', 'partner_id', 'company_id']);
  const groups = await env.userGroups();
  const info = newStruct();
  info.uid = env.uid;
  info.is_system = groups.has(SYSTEM_GROUP);
  info.is_admin = groups.has(ADMIN_GROUP) || groups.has(SYSTEM_GROUP);
  info.user_context = await userContext(env);
  info.db = session.db;
  info.server_version = version.server_version;
  info.server_version_info = version.server_version_info;
  info.name = (user?.name ?? '') as RpcValue;
  info.username = (user?.login ?? '') as RpcValue;
  info.partner_id = m2oId(user?.partner_id);
  info.company_id = m2oId(user?.company_id);
  info.csrf_token = session.csrfToken;
  return info;
}
