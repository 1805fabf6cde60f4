// A database with every module installed and the support center's cast: a help center user in
// the main company and one in another company, a support analyst, a manager, a peer login and
// an employee in no helpdesk group. Each test runs in a transaction it rolls back.
import type { Knex } from 'knex';
import { createScratchDb, type Backend, type ScratchDb } from '../../support/backends';
import { suiteFixture } from '../../support/suite-fixture';
import { MIGRATIONS } from '../../../migrations';
import { MODULES } from '../../../models';
import { buildRegistry, type Registry } from '../../../src/orm/registry';
import { buildWorkflows } from '../../../src/workflow/module';
import { createAccessPolicy } from '../../../src/orm/access';
import { installModules } from '../../../src/orm/data-loader';
import { CacheView } from '../../../src/db/cache-signal';
import { createEnv, type OrmEnv } from '../../../src/orm/env';
import { callModelMethod } from '../../../src/orm/call-method';

export type Role = 'help' | 'otherHelp' | 'support' | 'manager' | 'peer' | 'nobody';

export interface HelpdeskDb {
  db: ScratchDb;
  registry: Registry;
  uids: Record<Role, number>;
  mainCompany: number;
  otherCompany: number;
  /** Runs `fn` in a transaction that is rolled back afterwards, whatever happens. */
  inTransaction<T>(fn: (t: Tx) => Promise<T>): Promise<T>;
}

export interface Tx {
  env(who: Role | 'admin', context?: Record<string, unknown>): OrmEnv;
  su(): OrmEnv;
  /** A model method called as over RPC (7.0 positional arguments, kwargs as execute_kw). */
  call(who: Role | 'admin', model: string, method: string, args: unknown[], kwargs?: Record<string, unknown>): Promise<unknown>;
  xmlid(xmlid: string): Promise<number>;
}

let shared: Registry | null = null;
export function helpdeskRegistry(): Registry {
  if (!shared) shared = buildRegistry([...MODULES, buildWorkflows(MODULES).module], { access: createAccessPolicy() });
  return shared;
}

const GROUPS: Record<Role, string[]> = {
  help: ['helpdesk_master.group_help_center'],
  otherHelp: ['helpdesk_master.group_help_center'],
  support: ['helpdesk_master.group_support_center'],
  manager: ['helpdesk_master.group_manager'],
  peer: ['helpdesk_master.group_peer'],
  nobody: ['base.group_user'],
};

async function xmlidOf(cr: Knex | Knex.Transaction, xmlid: string): Promise<number> {
  const [module, name] = xmlid.split('.');
  const row = await cr('ir_model_data').where({ module, name }).first('res_id');
  if (!row) throw new Error(`no external id ${xmlid}`);
  return Number(row.res_id);
}

export async function openHelpdeskDb(backend: Backend, opts: { demo?: boolean } = {}): Promise<HelpdeskDb> {
  const db = await createScratchDb(backend);
  for (const m of MIGRATIONS) await m.up(db.knex);
  const registry = helpdeskRegistry();
  const make = (cr: Knex | Knex.Transaction, uid: number, su = false, context: Record<string, unknown> = {}, cache?: CacheView) =>
    createEnv({ cr, uid, su, registry, dbName: db.name, context, cache });
  await installModules(make(db.knex, 1, true), registry, { demo: opts.demo });
  const su = make(db.knex, 1, true);
  const [admin] = await su.model('res.users').read([1], ['company_id']);
  const mainCompany = (admin.company_id as [number, string])[0];
  const otherCompany = await su.model('res.company').create({ name: 'Centro de ayuda del este' });
  const uids = {} as Record<Role, number>;
  for (const role of Object.keys(GROUPS) as Role[]) {
    const groups = await Promise.all(GROUPS[role].map((g) => xmlidOf(db.knex, g)));
    uids[role] = await su.model('res.users').create({
      login: role, name: `User ${role}`, groups_id: [[6, 0, groups]],
      company_id: role === 'otherHelp' ? otherCompany : mainCompany,
    });
  }
  return {
    db, registry, uids, mainCompany, otherCompany,
    async inTransaction(fn) {
      const trx = await db.knex.transaction();
      // One transaction is one call: its environments share what access control has read.
      const cache = CacheView.private();
      try {
        const uidOf = (who: Role | 'admin') => (who === 'admin' ? 1 : uids[who]);
        return await fn({
          env: (who, context = {}) => make(trx, uidOf(who), false, context, cache),
          su: () => make(trx, 1, true, {}, cache),
          call: (who, model, method, args, kwargs = {}) =>
            callModelMethod(make(trx, uidOf(who), false, {}, cache), model, method, args, kwargs),
          xmlid: (x) => xmlidOf(trx, x),
        });
      } finally {
        await trx.rollback();
      }
    },
  };
}

/** For a describe block: the database of `openHelpdeskDb`, opened before its tests and dropped after. */
export function helpdeskDbForSuite(backend: Backend, opts: { demo?: boolean } = {}): HelpdeskDb {
  return suiteFixture(() => openHelpdeskDb(backend, opts), (h) => h.db.destroy());
}
