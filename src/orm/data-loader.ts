// Installing modules into a database, right after its migrations (and again on start, to
// upgrade): the registry is reflected into ir_model/ir_model_fields, modules are recorded as
// installed, and each module's data (and demo data when asked) is loaded in dependency order by
// external id. On a new database the administrator (uid 1, login admin) gets its password here.
import { UserError } from '../errors';
import type { Knex } from 'knex';
import type { Env } from './env-types';
import { createEnv } from './env';
import type { Registry } from './registry';
import { dataDigest, installedDigests, recordModules, reflectModels } from './data-loader-reflect';
import { loadRecords, type LoadMode } from './data-loader-records';
import { XmlidIndex } from './data-loader-refs';

export interface InstallOptions {
  /** The administrator's password; set only when the administrator is created. */
  adminPassword?: string;
  /** The administrator's language (kept at en_US when the server does not offer it). */
  lang?: string;
  /** Load the modules' demo records too. */
  demo?: boolean;
  /** The administrator's login (Odoo 17's create_database takes one); `admin` by default. */
  adminLogin?: string;
  /**
   * Which installed modules load their data again: those whose data changed since it was last
   * loaded (the default, run on every start), or all of them (restoring edited module data).
   */
  update?: 'changed' | 'all';
}

export const SUPERUSER_XMLID = 'base.user_root';

async function setUpAdministrator(env: Env, registry: Registry, opts: InstallOptions): Promise<void> {
  const users = env.model('res.users');
  const vals: Record<string, unknown> = {};
  if (opts.adminPassword) vals.password = opts.adminPassword;
  if (opts.adminLogin) vals.login = opts.adminLogin;
  const langs = (registry.model('res.partner').fields.lang?.selection ?? []).map(([code]) => code);
  if (opts.lang && langs.includes(opts.lang)) vals.lang = opts.lang;
  if (Object.keys(vals).length) await users.writeInternal([1], vals);
}

/**
 * Installs (or upgrades) every module of the registry, as superuser. On an env in a transaction
 * the caller commits; otherwise the whole installation runs in a transaction of its own.
 */
export async function installModules(env: Env, registry: Registry, opts: InstallOptions = {}): Promise<void> {
  if ((env.cr as { isTransaction?: boolean }).isTransaction) return install(env.sudo(), registry, opts);
  return (env.cr as Knex).transaction((trx) => install(createEnv({
    cr: trx, uid: env.uid, su: true, registry, dbName: env.dbName, compat: env.compat, context: env.context,
  }), registry, opts));
}

async function install(su: Env, registry: Registry, opts: InstallOptions): Promise<void> {
  const before = await installedDigests(su.cr);
  await reflectModels(su.cr, registry);
  const index = await XmlidIndex.load(su.cr);
  const rootBefore = index.get(SUPERUSER_XMLID);
  const defs = new Map(registry.modules.map((m) => [m.name, m]));
  for (const { module, records, demo } of registry.data) {
    const mode: LoadMode = before.has(module) ? 'update' : 'init';
    const unchanged = before.get(module) === dataDigest(defs.get(module)!);
    if (mode === 'update' && unchanged && opts.update !== 'all') continue;
    const load = { env: su, registry, index, module, mode, pending: new Map() };
    await loadRecords(load, records);
    // Demo records are loaded with the module, once: like noupdate data.
    if (opts.demo && mode === 'init') await loadRecords(load, demo, true);
  }
  await recordModules(su.cr, registry);
  const root = index.get(SUPERUSER_XMLID);
  if (root && !rootBefore) {
    // Everything in 7.0 assumes the administrator is the superuser, uid 1.
    if (root.resId !== 1) throw new UserError(`The administrator was created as user ${root.resId}, not 1.`);
    await setUpAdministrator(su, registry, opts);
  }
}
