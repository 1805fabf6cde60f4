// The /web/* JSON routes (jsonrpc-observations §2), without HTTP: each route names its params
// schema, whether it needs a session, and what it answers. Model calls run as the session's
// user through the same runner as the object service, so both transports share every check.
import type { SessionStore, WebSession } from '../../auth/sessions';
import { AccessDenied, CallError } from '../../errors';
import { callModelMethod } from '../../orm/call-method';
import type { OrmEnv } from '../../orm/env';
import { isStruct, newStruct, type RpcStruct, type RpcValue } from '../../values';
import type { ModelRunner, RunOptions } from '../services/object';
import type { Service, ServiceCall } from '../services/types';
import { checkParams, type ParamsKind } from './schemas';
import { sessionInfo, userContext } from './session-info';
import { actionLoad, translations } from './web-extras';

export interface WebCall {
  call: ServiceCall;
  /** The live session of the request's cookie, if any. */
  session: WebSession | null;
  /** Sets (a session) or clears (null) the session cookie of the answer. */
  setSession(session: WebSession | null): void;
}

export interface WebRoute {
  params: ParamsKind;
  /** Without a live session such a route answers code 100 (session expired). */
  needsSession: boolean;
  handle(web: WebCall, params: RpcStruct): Promise<RpcValue | undefined>;
}

export interface WebApiDeps {
  services: Record<string, Service>;
  auth: { login(db: string, login: string, password: string, ip: string): Promise<number | false> };
  sessions: SessionStore;
  runner: ModelRunner;
}

const listOr = (v: RpcValue | undefined): RpcValue[] => (Array.isArray(v) ? v : []);
const structOr = (v: RpcValue | undefined): RpcStruct => (isStruct(v) ? v : newStruct());

function live(web: WebCall): WebSession {
  // needsSession routes are only reached with a session: this is the type system's reassurance.
  if (!web.session) throw new AccessDenied();
  return web.session;
}

export function createWebApi(deps: WebApiDeps): Record<string, WebRoute> {
  const { services, runner } = deps;
  const version = (call: ServiceCall) => services.common.version(call, []) as Promise<RpcStruct>;

  /** Runs `fn` as the session's user, as one unit of work. */
  const asUser = (web: WebCall, fn: (env: OrmEnv) => Promise<unknown>, opts?: RunOptions): Promise<RpcValue> => {
    const s = live(web);
    web.call.log.set({ db: s.db, uid: s.uid });
    return runner.run(web.call, s.db, s.uid, fn, opts);
  };

  /** call_kw: the user's context under the one the client sent (lang, tz, uid), as Odoo's web client. */
  const callKw = (web: WebCall, p: RpcStruct): Promise<RpcValue> => {
    const model = p.model as string;
    const method = p.method as string;
    runner.target(web.call, model, method);
    const kwargs: Record<string, unknown> = { ...structOr(p.kwargs) };
    return asUser(web, async (env) => {
      const context = { ...(await userContext(env)), ...structOr(kwargs.context as RpcValue) };
      return callModelMethod(env, model, method, listOr(p.args), { ...kwargs, context });
    }, { readOnly: runner.isReadOnly(model, method) });
  };

  const infoOf = (web: WebCall, s: WebSession) =>
    runner.run(web.call, s.db, s.uid, async (env) => sessionInfo(env, s, await version(web.call)));

  const databases = (web: WebCall) => services.db.list(web.call, []);

  return {
    '/web/webclient/version_info': { params: 'none', needsSession: false, handle: (web) => version(web.call) },

    '/web/session/authenticate': {
      params: 'authenticate',
      needsSession: false,
      async handle(web, p) {
        const [db, login, password] = [p.db as string, p.login as string, p.password as string];
        web.call.log.set({ db, login });
        const uid = await deps.auth.login(db, login, password, web.call.ip);
        // Odoo 17/18 answer a wrong login with AccessDenied; odoorpc turns it into RPCError.
        if (uid === false) throw new AccessDenied();
        if (web.session) await deps.sessions.destroy(web.session.sid);
        const session = await deps.sessions.open(db, uid);
        web.setSession(session);
        return infoOf(web, session);
      },
    },

    '/web/session/get_session_info': { params: 'none', needsSession: true, handle: (web) => infoOf(web, live(web)) },

    '/web/session/check': { params: 'none', needsSession: true, handle: async () => undefined },

    '/web/session/destroy': {
      params: 'none',
      needsSession: true,
      async handle(web) {
        await deps.sessions.destroy(live(web).sid);
        web.setSession(null);
        return undefined;
      },
    },

    '/web/session/modules': {
      params: 'none',
      needsSession: true,
      handle: (web) => asUser(web, async (env) => {
        const rows = await env.sudo().model('ir.module.module').searchRead([['state', '=', 'installed']], ['name']);
        return rows.map((r) => r.name);
      }),
    },

    '/web/dataset/call_kw': { params: 'callKw', needsSession: true, handle: callKw },

    '/web/dataset/call_button': {
      params: 'callKw',
      needsSession: true,
      async handle(web, p) {
        const result = await callKw(web, p);
        // An action (a dict with a type) is returned for the client to run; anything else is False.
        return isStruct(result) && typeof result.type === 'string' ? result : false;
      },
    },

    '/web/dataset/search_read': {
      params: 'searchRead',
      needsSession: true,
      handle: (web, p) => {
        const model = p.model as string;
        runner.target(web.call, model, 'search_read');
        return asUser(web, async (env) => {
          const context = { ...(await userContext(env)), ...structOr(p.context) };
          const domain = listOr(p.domain);
          const offset = typeof p.offset === 'number' ? p.offset : 0;
          const limit = typeof p.limit === 'number' && p.limit > 0 ? p.limit : false;
          const records = await callModelMethod(env, model, 'search_read', [], {
            domain, fields: listOr(p.fields), offset, limit, order: typeof p.sort === 'string' && p.sort ? p.sort : false, context,
          }) as RpcValue[];
          // 7.0 counts only when the page is full: otherwise the length is known already.
          const length = limit !== false && records.length === limit
            ? await callModelMethod(env, model, 'search_count', [domain], { context }) as number
            : offset + records.length;
          const out = newStruct();
          out.length = length;
          out.records = records;
          return out;
        });
      },
    },

    '/web/dataset/exec_workflow': {
      params: 'execWorkflow',
      needsSession: true,
      handle: (web, p) => {
        const s = live(web);
        const [model, signal] = [p.model as string, p.signal as string];
        runner.target(web.call, model, signal, true);
        web.call.log.set({ db: s.db, uid: s.uid });
        return runner.signal(web.call, s.db, s.uid, model, signal, p.id as number);
      },
    },

    '/web/database/list': { params: 'none', needsSession: false, handle: databases },
    '/web/database/get_list': { params: 'none', needsSession: false, handle: databases },

    '/web/webclient/translations': {
      params: 'translations',
      needsSession: false,
      handle: async (web, p) => {
        if (!web.session) return translations(null, p);
        return asUser(web, (env) => translations(env, p));
      },
    },

    '/web/action/load': {
      params: 'actionLoad',
      needsSession: true,
      handle: (web, p) => asUser(web, (env) => actionLoad(env, p.action_id as number | string)),
    },
  };
}

/** `/jsonrpc`'s params as a service call, checked like every route. */
export function jsonrpcCall(params: RpcStruct): { service: string; method: string; args: RpcValue[] } {
  checkParams('jsonrpc', params);
  if (params.args !== undefined && params.args !== null && !Array.isArray(params.args)) {
    throw new CallError('params.args must be a list', 'TypeError');
  }
  return { service: params.service as string, method: params.method as string, args: listOr(params.args) };
}
