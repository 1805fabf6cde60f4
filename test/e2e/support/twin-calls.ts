// The table of service calls that the transport twin runs over XML-RPC (/xmlrpc/2/<service>) and
// over JSON-RPC (/jsonrpc): every method of every service and every kind of error, plus every
// Object.prototype name used as a service, a method and a model.
import { SERVICE_METHODS } from './hostile-http-cases';

export interface TwinTarget {
  db: string;
  uid: number;
  password: string;
  login: string;
  master: string;
}

export interface TwinCall {
  name: string;
  service: string;
  method: string;
  args: (t: TwinTarget) => unknown[];
  /** The answer changes from one call to the next (timings): compare only its JSON type. */
  volatile?: boolean;
}

const WRONG_MASTER = 'not-the-master-password';
const obj = (model: string, method: string, args: unknown[], kwargs?: Record<string, unknown>) =>
  (t: TwinTarget) => [t.db, t.uid, t.password, model, method, args, ...(kwargs ? [kwargs] : [])];

export const TWIN_CALLS: TwinCall[] = [
  // common
  { name: 'version', service: 'common', method: 'version', args: () => [] },
  { name: 'about', service: 'common', method: 'about', args: () => [] },
  { name: 'about extended', service: 'common', method: 'about', args: () => [true] },
  { name: 'login', service: 'common', method: 'login', args: (t) => [t.db, t.login, t.password] },
  { name: 'login with a wrong password', service: 'common', method: 'login', args: (t) => [t.db, t.login, 'wrong'] },
  { name: 'login on no database', service: 'common', method: 'login', args: (t) => ['no_such_db', t.login, t.password] },
  { name: 'authenticate', service: 'common', method: 'authenticate', args: (t) => [t.db, t.login, t.password, {}] },
  { name: 'timezone_get', service: 'common', method: 'timezone_get', args: (t) => [t.db, t.login, t.password] },
  { name: 'login_message', service: 'common', method: 'login_message', args: () => [] },
  { name: 'get_server_environment', service: 'common', method: 'get_server_environment', args: () => [] },
  { name: 'get_stats', service: 'common', method: 'get_stats', args: () => [] },
  { name: 'check_connectivity', service: 'common', method: 'check_connectivity', args: () => [] },
  { name: 'list_http_services', service: 'common', method: 'list_http_services', args: () => [] },
  { name: 'set_loglevel', service: 'common', method: 'set_loglevel', args: () => ['info'] },
  { name: 'get_os_time', service: 'common', method: 'get_os_time', args: (t) => [t.master], volatile: true },
  { name: 'get_os_time with a wrong master password', service: 'common', method: 'get_os_time', args: () => [WRONG_MASTER] },
  { name: 'get_sqlcount', service: 'common', method: 'get_sqlcount', args: (t) => [t.master] },
  { name: 'get_available_updates', service: 'common', method: 'get_available_updates', args: (t) => [t.master, 'c', 'k'] },
  { name: 'get_migration_scripts', service: 'common', method: 'get_migration_scripts', args: (t) => [t.master, 'c', 'k'] },
  { name: 'login with too few args', service: 'common', method: 'login', args: (t) => [t.db] },
  // db: reads, and every changing method refused for a wrong master password
  { name: 'db list', service: 'db', method: 'list', args: () => [] },
  { name: 'server_version', service: 'db', method: 'server_version', args: () => [] },
  { name: 'db_exist', service: 'db', method: 'db_exist', args: (t) => [t.db] },
  { name: 'db_exist of none', service: 'db', method: 'db_exist', args: () => ['no_such_db'] },
  { name: 'list_lang', service: 'db', method: 'list_lang', args: () => [] },
  { name: 'create_database', service: 'db', method: 'create_database', args: () => [WRONG_MASTER, 'twin_x', false, 'en_US', 'pw'] },
  { name: 'create', service: 'db', method: 'create', args: () => [WRONG_MASTER, 'twin_x', false, 'en_US', 'pw'] },
  { name: 'get_progress', service: 'db', method: 'get_progress', args: () => [WRONG_MASTER, 1] },
  { name: 'drop', service: 'db', method: 'drop', args: () => [WRONG_MASTER, 'twin_x'] },
  { name: 'duplicate_database', service: 'db', method: 'duplicate_database', args: (t) => [WRONG_MASTER, t.db, 'twin_x'] },
  { name: 'dump', service: 'db', method: 'dump', args: (t) => [WRONG_MASTER, t.db] },
  { name: 'restore', service: 'db', method: 'restore', args: () => [WRONG_MASTER, 'twin_x', 'AAAA'] },
  { name: 'rename', service: 'db', method: 'rename', args: (t) => [WRONG_MASTER, t.db, 'twin_x'] },
  { name: 'change_admin_password', service: 'db', method: 'change_admin_password', args: () => [WRONG_MASTER, 'new'] },
  { name: 'migrate_databases', service: 'db', method: 'migrate_databases', args: (t) => [WRONG_MASTER, [t.db]] },
  { name: 'drop of a bad name', service: 'db', method: 'drop', args: (t) => [t.master, '../etc'] },
  // object: answers, then one call per kind of error
  { name: 'execute search', service: 'object', method: 'execute', args: (t) => [t.db, t.uid, t.password, 'res.users', 'search', [['login', '=', t.login]]] },
  { name: 'execute_kw read', service: 'object', method: 'execute_kw', args: obj('res.users', 'read', [[1]], { fields: ['login', 'partner_id', 'groups_id'] }) },
  { name: 'execute_kw read _classic_write', service: 'object', method: 'execute_kw', args: obj('res.users', 'read', [[1], ['partner_id']], { load: '_classic_write' }) },
  { name: 'execute_kw fields_get with attributes', service: 'object', method: 'execute_kw', args: obj('res.partner', 'fields_get', [[], ['type', 'string']]) },
  { name: 'execute_kw name_search', service: 'object', method: 'execute_kw', args: obj('res.users', 'name_search', ['Admin']) },
  { name: 'execute_kw read_group', service: 'object', method: 'execute_kw', args: obj('res.users', 'read_group', [[], ['active'], ['active']]) },
  { name: 'execute_kw default_get of any names', service: 'object', method: 'execute_kw', args: obj('res.partner', 'default_get', [['active', 'parent_id', 'child_ids', 'no_such_field']]) },
  { name: 'exec_workflow on a model without one', service: 'object', method: 'exec_workflow', args: (t) => [t.db, t.uid, t.password, 'res.partner', 'go', 1] },
  { name: 'obj_list', service: 'object', method: 'obj_list', args: () => [] },
  { name: 'AccessDenied', service: 'object', method: 'execute_kw', args: (t) => [t.db, t.uid, 'wrong', 'res.partner', 'search', [[]]] },
  { name: 'AccessError (private method)', service: 'object', method: 'execute_kw', args: obj('res.partner', '_read', [[]]) },
  { name: 'UserError (unknown model)', service: 'object', method: 'execute_kw', args: obj('no.such.model', 'search', [[]]) },
  { name: 'MissingError', service: 'object', method: 'execute_kw', args: obj('res.partner', 'write', [[999999999], { name: 'x' }]) },
  { name: 'ValidationError (read-only field)', service: 'object', method: 'execute_kw', args: obj('res.partner', 'write', [[1], { create_date: '2020-01-01 00:00:00' }]) },
  { name: 'CallError (unknown method)', service: 'object', method: 'execute_kw', args: obj('res.partner', 'no_such_method', [[]]) },
  { name: 'CallError (bad domain field)', service: 'object', method: 'execute_kw', args: obj('res.partner', 'search', [[['nofield', '=', 1]]]) },
  { name: 'CallError (bad kwargs)', service: 'object', method: 'execute_kw', args: obj('res.partner', 'search', [[]], { no_such_kwarg: 1 }) },
  // report
  { name: 'report', service: 'report', method: 'report', args: (t) => [t.db, t.uid, t.password, 'no.report', [1]] },
  { name: 'report_get', service: 'report', method: 'report_get', args: (t) => [t.db, t.uid, t.password, 1] },
  { name: 'render_report', service: 'report', method: 'render_report', args: (t) => [t.db, t.uid, t.password, 'no.report', [1]] },
];

/** Names every plain JS object inherits: a service, method or model by any of them is unknown. */
export const PROTOTYPE_NAMES = Object.getOwnPropertyNames(Object.prototype);

for (const name of PROTOTYPE_NAMES) {
  TWIN_CALLS.push(
    { name: `service ${name}`, service: name, method: 'version', args: () => [] },
    { name: `common.${name}`, service: 'common', method: name, args: () => [] },
    { name: `db.${name}`, service: 'db', method: name, args: () => [] },
    { name: `object.${name}`, service: 'object', method: name, args: () => [] },
    { name: `model ${name}`, service: 'object', method: 'execute_kw', args: obj(name, 'search', [[]]) },
    { name: `res.partner.${name}`, service: 'object', method: 'execute_kw', args: obj('res.partner', name, [[]]) },
  );
}

/** Every method of every service has at least one row (the hostile sweep lists them). */
export function methodsWithoutRow(): string[] {
  const covered = new Set(TWIN_CALLS.map((c) => `${c.service}.${c.method}`));
  return Object.entries(SERVICE_METHODS).flatMap(([s, ms]) => ms.map((m) => `${s}.${m}`)).filter((k) => !covered.has(k));
}
