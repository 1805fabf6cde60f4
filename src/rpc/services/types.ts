// What a service is: named methods taking the call's frame and its positional params.
// Transports pick the profile from the path; services never see HTTP.
import type { RpcValue } from '../../values';

/** legacy: /xmlrpc (7.0 string faults); v7int: /openerp/xmlrpc/1 (7.0 int faults); odoo: /xmlrpc/2. */
export type Profile = 'legacy' | 'v7int' | 'odoo';

export interface CallLog {
  /** Fields added to the call's single log line (db, uid, model...). Never a password. */
  set(fields: Record<string, unknown>): void;
}

export interface ServiceCall {
  profile: Profile;
  ip: string;
  requestId: string;
  log: CallLog;
}

export type ServiceMethod = (call: ServiceCall, params: RpcValue[]) => Promise<RpcValue>;
export type Service = Record<string, ServiceMethod>;
