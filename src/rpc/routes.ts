// URL routing of the XML-RPC endpoints (PROTOCOL §1.2): which profile a path speaks and how the
// path turns (method, params) into a service call. Pure: no HTTP objects here.
import type { RpcValue } from '../values';
import type { Profile } from './services/types';

export interface BoundCall {
  service: string;
  method: string;
  params: RpcValue[];
}

export interface Route {
  profile: Profile;
  /** The call this path makes of (method, params), or null for a path 7.0 answers with fault 1. */
  bind(method: string, params: RpcValue[]): BoundCall | null;
}

const LEGACY = '/xmlrpc/';
const ODOO = '/xmlrpc/2/';
const V7 = '/openerp/xmlrpc';
const V7_1 = '/openerp/xmlrpc/1';

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** Strips one leading and one trailing slash and splits, as 7.0's wsgi_xmlrpc_1 does. */
function segments(rest: string): string[] {
  let p = rest.startsWith('/') ? rest.slice(1) : rest;
  if (p.endsWith('/')) p = p.slice(0, -1);
  return p.split('/').map(decode);
}

function v7Route(rest: string): Route {
  const path = segments(rest);
  return {
    profile: 'v7int',
    bind(method, params) {
      if (path.length === 1) {
        // 7.0 serves server_version from the db service even when asked on common.
        const service = path[0] === 'common' && method === 'server_version' ? 'db' : path[0];
        return { service, method, params };
      }
      if (path.length === 2) return { service: path[0], method, params: [path[1], ...params] };
      if (path.length === 3 && path[0] === 'model') {
        // (uid, pwd, method, args...) from the client become (db, uid, pwd, model, method, args...).
        return { service: 'object', method, params: [path[1], ...params.slice(0, 2), path[2], ...params.slice(2)] };
      }
      return null;
    },
  };
}

/** The route of an XML-RPC path, or null when the path is not an XML-RPC endpoint at all. */
export function resolveRoute(path: string): Route | null {
  if (path.startsWith(ODOO)) {
    const service = decode(path.slice(ODOO.length));
    return { profile: 'odoo', bind: (method, params) => ({ service, method, params }) };
  }
  if (path.startsWith(LEGACY)) {
    // 7.0 takes the whole rest of the path as the service name ("2/object" is just unknown there).
    const service = decode(path.slice(LEGACY.length));
    return { profile: 'legacy', bind: (method, params) => ({ service, method, params }) };
  }
  if (path === V7_1 || path.startsWith(`${V7_1}/`)) return v7Route(path.slice(V7_1.length));
  if (path === V7 || path.startsWith(`${V7}/`)) {
    const rest = segments(path.slice(V7.length));
    return {
      profile: 'v7int',
      bind: (method) => (rest.length === 1 && rest[0] === '' && method === 'version'
        ? { service: 'common', method, params: [] }
        : null),
    };
  }
  return null;
}
