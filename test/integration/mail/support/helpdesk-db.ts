// A database with every module installed (base, mail, the helpdesk) and the people of the
// manual's flow: a help center agent, a support analyst, a requester and an associate.
import { createScratchDb, type Backend, type ScratchDb } from '../../../support/backends';
import { MIGRATIONS } from '../../../../migrations';
import { MODULES } from '../../../../models';
import { buildRegistry, type Registry } from '../../../../src/orm/registry';
import { buildWorkflows } from '../../../../src/workflow/module';
import { createAccessPolicy } from '../../../../src/orm/access';
import { installModules } from '../../../../src/orm/data-loader';
import { createEnv, type OrmEnv } from '../../../../src/orm/env';
import { callModelMethod } from '../../../../src/orm/call-method';

export interface FlowPeople {
  hana: { uid: number; partner: number };
  sam: { uid: number; partner: number };
  carla: number;
  dario: number;
}

export interface HelpdeskDb {
  db: ScratchDb;
  registry: Registry;
  people: FlowPeople;
  env(uid: number): OrmEnv;
  /** A model method called as over RPC (7.0 positional arguments). */
  call(uid: number, model: string, method: string, args: unknown[], kwargs?: Record<string, unknown>): Promise<unknown>;
}

let registry: Registry | null = null;

export function helpdeskRegistry(): Registry {
  if (!registry) {
    const workflows = buildWorkflows(MODULES);
    registry = buildRegistry([...MODULES, workflows.module], { access: createAccessPolicy() });
  }
  return registry;
}

export async function openHelpdeskDb(backend: Backend): Promise<HelpdeskDb> {
  const db = await createScratchDb(backend);
  for (const m of MIGRATIONS) await m.up(db.knex);
  const reg = helpdeskRegistry();
  const env = (uid: number) => createEnv({ cr: db.knex, uid, registry: reg, dbName: db.name, context: { lang: 'es_ES' } });
  const su = createEnv({ cr: db.knex, uid: 1, su: true, registry: reg, dbName: db.name, context: { lang: 'es_ES' } });
  await installModules(su, reg, { lang: 'es_ES' });
  const group = async (xmlid: string) => {
    const [module, name] = xmlid.split('.');
    const row = await db.knex('ir_model_data').where({ module, name }).first('res_id');
    return Number(row.res_id);
  };
  const employee = await group('base.group_user');
  const user = async (login: string, name: string, xmlid: string) => {
    const uid = await su.model('res.users').create({
      login, name, email: `${login}@example.com`, lang: 'es_ES',
      groups_id: [[6, 0, [employee, await group(xmlid)]]],
    });
    const [row] = await su.model('res.users').read([uid], ['partner_id']);
    return { uid, partner: (row.partner_id as [number, string])[0] };
  };
  const people: FlowPeople = {
    hana: await user('hana', 'Hana Centro', 'helpdesk_master.group_help_center'),
    sam: await user('sam', 'Sam Soporte', 'helpdesk_master.group_support_center'),
    carla: await su.model('res.partner').create({ name: 'Carla Ruiz', email: 'carla@example.com', lang: 'es_ES' }),
    dario: await su.model('res.partner').create({ name: 'Darío Gil', email: 'dario@example.com', lang: 'es_ES' }),
  };
  return {
    db, registry: reg, people, env,
    call: (uid, model, method, args, kwargs = {}) => callModelMethod(env(uid), model, method, args, kwargs),
  };
}
