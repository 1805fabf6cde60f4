// The `common` service (PROTOCOL §1.3): no authentication, cheap answers. A failed login or
// authenticate is False, never a fault (Decisions 3 and 8).
import { CallError } from '../../errors';
import { Double, newStruct, RpcStruct, RpcValue } from '../../values';
import { expectArity, expectString, truthy } from '../params';
import type { Service, ServiceCall } from './types';

export interface CommonServiceDeps {
  auth: { login(db: string, login: string, password: string, ip: string): Promise<number | false> };
  /** The version string advertised (config.serverVersion, e.g. "7.0"). */
  serverVersion: string;
  /** Throws AccessDenied unless `password` is the current master password (throttled per address). */
  checkMasterPassword(password: string, ip: string): Promise<void>;
  /** Text the 7.0 GTK client shows on its login dialog; null answers False. */
  loginMessage?: string | null;
  /** Calls running now, for get_stats. */
  inFlight?: () => number;
}

const ABOUT = 'OpenERP-compatible support center server. See http://openerp.com';

/** `version()`'s struct: 7.0 has 5 items in server_version_info, 9+ add the edition (""). */
export function versionInfo(serverVersion: string): RpcStruct {
  const m = /^(\d+)\.(\d+)(?:\.(\d+))?/.exec(serverVersion);
  const major = m ? Number(m[1]) : 7;
  const minor = m ? Number(m[2]) : 0;
  const info: RpcValue[] = [major, minor, m?.[3] ? Number(m[3]) : 0, 'final', 0];
  if (major >= 9) info.push('');
  const out = newStruct();
  out.server_version = serverVersion;
  out.server_version_info = info;
  out.server_serie = `${major}.${minor}`;
  out.protocol_version = 1;
  return out;
}

export function createCommonService(deps: CommonServiceDeps): Service {
  const master = async (call: ServiceCall, method: string, pwd: RpcValue | undefined) =>
    deps.checkMasterPassword(expectString(method, 'master_pwd', pwd), call.ip);

  async function login(call: ServiceCall, db: RpcValue, user: RpcValue, pwd: RpcValue): Promise<number | false> {
    if (typeof db !== 'string' || typeof user !== 'string' || typeof pwd !== 'string') return false;
    call.log.set({ db, login: user });
    const uid = await deps.auth.login(db, user, pwd, call.ip);
    if (uid !== false) call.log.set({ uid });
    return uid;
  }

  return {
    async version(_call, params) {
      expectArity('version', params, 0);
      return versionInfo(deps.serverVersion);
    },
    async about(_call, params) {
      expectArity('about', params, 0, 1);
      return truthy(params[0]) ? [ABOUT, deps.serverVersion] : ABOUT;
    },
    async login(call, params) {
      expectArity('login', params, 3);
      return login(call, params[0], params[1], params[2]);
    },
    async authenticate(call, params) {
      expectArity('authenticate', params, 4);
      return login(call, params[0], params[1], params[2]);
    },
    async timezone_get(_call, params) {
      expectArity('timezone_get', params, 3);
      return 'UTC';
    },
    async login_message(_call, params) {
      expectArity('login_message', params, 0);
      return deps.loginMessage ?? false;
    },
    async get_server_environment(_call, params) {
      expectArity('get_server_environment', params, 0);
      // Deliberately free of host names, paths and OS details.
      return `Server: OpenERP-compatible support center\nVersion: ${deps.serverVersion}\nProtocol: XML-RPC`;
    },
    async get_stats(_call, params) {
      expectArity('get_stats', params, 0);
      return `Calls in progress: ${deps.inFlight ? deps.inFlight() : 0}\n`;
    },
    async check_connectivity(_call, params) {
      expectArity('check_connectivity', params, 0);
      return true;
    },
    async list_http_services(_call, params) {
      expectArity('list_http_services', params, 0);
      return [];
    },
    async set_loglevel(call, params) {
      // 7.0 wants the master password first; Odoo 17 dropped it. Either way it changes nothing.
      if (call.profile === 'odoo') {
        expectArity('set_loglevel', params, 1, 2);
      } else {
        expectArity('set_loglevel', params, 2, 3);
        await master(call, 'set_loglevel', params[0]);
      }
      return true;
    },
    async get_os_time(call, params) {
      expectArity('get_os_time', params, 1);
      await master(call, 'get_os_time', params[0]);
      const cpu = process.cpuUsage();
      return [cpu.user / 1e6, cpu.system / 1e6, 0, 0, process.uptime()].map((n) => new Double(n));
    },
    async get_sqlcount(call, params) {
      expectArity('get_sqlcount', params, 1);
      await master(call, 'get_sqlcount', params[0]);
      return 0;
    },
    async get_available_updates(call, params) {
      expectArity('get_available_updates', params, 3);
      await master(call, 'get_available_updates', params[0]);
      throw new CallError('get_available_updates is obsolete and not available', 'Exception');
    },
    async get_migration_scripts(call, params) {
      expectArity('get_migration_scripts', params, 3);
      await master(call, 'get_migration_scripts', params[0]);
      throw new CallError('get_migration_scripts is obsolete and not available', 'Exception');
    },
  };
}
