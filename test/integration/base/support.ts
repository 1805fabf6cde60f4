// A freshly created database with the base module installed, on either backend, and envs on it
// as any user. Passwords are hashed with few rounds to keep the tests quick.
import type { Knex } from 'knex';
import base from '../../../models/base/module';
import type { ModuleDef } from '../../../src/orm/define';
import { createAccessPolicy } from '../../../src/orm/access';
import { installModules } from '../../../src/orm/data-loader';
import { createEnv, type OrmEnv } from '../../../src/orm/env';
import { COMPAT_70, type Compat } from '../../../src/orm/env-types';
import { buildRegistry, type Registry } from '../../../src/orm/registry';
import { migrate } from '../../../src/db/migrate';
import { createScratchDb, type Backend, type ScratchDb } from '../../support/backends';
import { suiteFixture } from '../../support/suite-fixture';

export const ADMIN_PASSWORD = 'admin-secret';

export interface BaseDb {
  db: ScratchDb;
  registry: Registry;
  /** An env as `uid` (superuser mode only when asked). */
  env(uid?: number, opts?: { su?: boolean; compat?: Compat; context?: Record<string, unknown>; cr?: Knex }): OrmEnv;
  destroy(): Promise<void>;
}

/** The base module and `extra` test modules (the helpdesk modules have tests of their own). */
export function baseRegistry(extra: ModuleDef[] = []): Registry {
  return buildRegistry([base, ...extra], { access: createAccessPolicy(), passwordRounds: 1000 });
}

export interface OpenOptions {
  demo?: boolean;
  lang?: string;
  adminLogin?: string;
  /** Test-only modules installed with base; `schema` creates their tables. */
  modules?: ModuleDef[];
  schema?: (knex: Knex) => Promise<void>;
}

export async function openBaseDb(backend: Backend, opts: OpenOptions = {}): Promise<BaseDb> {
  const db = await createScratchDb(backend);
  try {
    await migrate(db.knex, backend);
    if (opts.schema) await opts.schema(db.knex);
    const registry = baseRegistry(opts.modules);
    const env = (uid = 1, o: { su?: boolean; compat?: Compat; context?: Record<string, unknown>; cr?: Knex } = {}) => createEnv({
      cr: o.cr ?? db.knex, uid, su: o.su ?? false, registry, dbName: db.name, compat: o.compat ?? COMPAT_70, context: o.context,
    });
    await installModules(env(1, { su: true }), registry, {
      adminPassword: ADMIN_PASSWORD, lang: opts.lang ?? 'en_US', demo: opts.demo, adminLogin: opts.adminLogin,
    });
    return { db, registry, env, destroy: () => db.destroy() };
  } catch (e) {
    await db.destroy();
    throw e;
  }
}

/** Creates a user (as the superuser) with the given groups' external ids; returns its uid. */
export async function makeUser(base: BaseDb, login: string, groups: string[], extra: Record<string, unknown> = {}): Promise<number> {
  const su = base.env(1, { su: true });
  const ids: number[] = [];
  for (const xmlid of groups) {
    const id = await su.model('ir.model.data').call('xmlid_to_res_id', { xmlid, raise_if_not_found: true });
    ids.push(Number(id));
  }
  return su.model('res.users').create({ name: login, login, password: `${login}-pw`, groups_id: [[6, 0, ids]], ...extra });
}

/**
 * For a describe block: the base database with a user `employee` in base.group_user (its uid in
 * `employee`), opened before the block's tests and removed after them.
 */
export function baseDbWithEmployee(backend: Backend): BaseDb & { readonly employee: number } {
  return suiteFixture(async () => {
    const base = await openBaseDb(backend);
    try {
      return { ...base, employee: await makeUser(base, 'employee', ['base.group_user']) };
    } catch (e) {
      await base.destroy();
      throw e;
    }
  }, (base) => base.destroy());
}
