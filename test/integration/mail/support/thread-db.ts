// A database with base and mail and a small threaded model (test.ticket), people to follow it,
// and the mail module's subtypes: enough to watch followers, messages and the outbox at work.
import {
  boolean, char, defineModel, defineModule, many2one, selection,
} from '../../../../src/orm/define';
import { mailThread } from '../../../../src/mail/define';
import { buildRegistry, type Registry } from '../../../../src/orm/registry';
import { createEnv, type OrmEnv } from '../../../../src/orm/env';
import { COMPAT_70 } from '../../../../src/orm/env-types';
import { createScratchDb, type Backend, type ScratchDb } from '../../../support/backends';
import { MIGRATIONS } from '../../../../migrations';
import { logColumns } from '../../../../migrations/helpers';
import base from '../../../../models/base/module';
import mail from '../../../../models/mail/module';

const l = (en_US: string, es_ES: string) => ({ en_US, es_ES });

export const ticket = defineModel({
  name: 'test.ticket',
  description: l('Ticket', 'Incidencia'),
  fields: {
    name: char({ string: l('Reference', 'Referencia'), required: true }),
    state: selection([['draft', l('Draft', 'Borrador')], ['open', l('Open', 'Abierta')], ['done', l('Done', 'Hecha')]], {
      string: l('State', 'Estado'), default: 'draft', readonly: true,
    }),
    partner_id: many2one('res.partner', { string: l('Requester', 'Solicitante') }),
    user_id: many2one('res.users', { string: l('Responsible', 'Responsable') }),
    associate_id: many2one('res.partner', { string: l('Associate', 'Asociado') }),
    notify_partner: boolean({ string: l('Notify associate', 'Notificar al asociado'), default: false }),
  },
});

export const TEST_MODULE = defineModule({
  name: 'test_mail',
  depends: ['mail'],
  models: [ticket],
  extensions: [mailThread('test.ticket', {
    track: ['state'],
    followers: ['partner_id', 'user_id', { field: 'associate_id', when: 'notify_partner' }],
  })],
});

export interface People {
  admin: { uid: number; partner: number };
  ana: { uid: number; partner: number };
  bob: { uid: number; partner: number };
  /** Partners without users. */
  carla: number;
  dario: number;
  noEmail: number;
}

export interface ThreadDb {
  db: ScratchDb;
  registry: Registry;
  people: People;
  env(uid?: number, context?: Record<string, unknown>): OrmEnv;
}

async function insertId(db: ScratchDb, table: string, row: Record<string, unknown>): Promise<number> {
  const now = '2026-01-01 00:00:00';
  const [r] = await db.knex(table).insert({ create_date: now, write_date: now, ...row }).returning('id');
  return Number(typeof r === 'object' ? (r as { id: unknown }).id : r);
}

async function seed(db: ScratchDb): Promise<People> {
  const partner = (name: string, email: string | null, lang = 'es_ES') =>
    insertId(db, 'res_partner', { name, email, lang, active: true, notification_email_send: 'comment' });
  const user = async (login: string, partnerId: number) =>
    insertId(db, 'res_users', { login, partner_id: partnerId, active: true });
  const adminP = await partner('Administrator', 'admin@example.com', 'en_US');
  const anaP = await partner('Ana Pérez', 'ana@example.com');
  const bobP = await partner('Bob Smith', 'bob@example.com', 'en_US');
  const people: People = {
    admin: { uid: await user('admin', adminP), partner: adminP },
    ana: { uid: await user('ana', anaP), partner: anaP },
    bob: { uid: await user('bob', bobP), partner: bobP },
    carla: await partner('Carla Ruiz', 'carla@example.com'),
    dario: await partner('Darío Gil', 'dario@example.com'),
    noEmail: await partner('Sin Correo', null),
  };
  // The mail module's subtypes, as loading its data would make them.
  for (const [name, label] of [['mt_comment', 'Discussions'], ['mt_status', 'Status Changed']]) {
    const id = await insertId(db, 'mail_message_subtype', { name: label, default: true });
    await db.knex('ir_model_data').insert({ module: 'mail', name, model: 'mail.message.subtype', res_id: id, noupdate: false });
  }
  return people;
}

export async function openThreadDb(backend: Backend): Promise<ThreadDb> {
  const db = await createScratchDb(backend);
  for (const m of MIGRATIONS) await m.up(db.knex);
  await db.knex.schema.createTable('test_ticket', (t) => {
    t.increments('id');
    t.string('name').notNullable();
    t.string('state');
    t.integer('partner_id');
    t.integer('user_id');
    t.integer('associate_id');
    t.boolean('notify_partner');
    logColumns(t);
  });
  const registry = buildRegistry([base, mail, TEST_MODULE]);
  const people = await seed(db);
  return {
    db, registry, people,
    env: (uid = people.ana.uid, context = {}) => createEnv({
      cr: db.knex, uid, registry, compat: COMPAT_70, dbName: db.name, context,
    }),
  };
}
