// mail.thread on a model: who follows a record, what is posted when it is created and when its
// status changes, and which emails are queued for whom, on SQLite and PostgreSQL.
import { BACKENDS } from '../../support/backends';
import { callModelMethod } from '../../../src/orm/call-method';
import { openThreadDb, type ThreadDb } from './support/thread-db';

interface MailRow {
  email_to: string;
  recipient_id: number;
  subject: string;
  body_html: string;
  mail_message_id: number;
  message_id: string;
  in_reply_to: string | null;
  references: string | null;
  state: string;
}

describe.each(BACKENDS)('mail thread on %s', (backend) => {
  let t: ThreadDb;
  beforeEach(async () => { t = await openThreadDb(backend); });
  afterEach(async () => { await t.db.destroy(); });

  const outbox = async (): Promise<MailRow[]> =>
    (await t.db.knex('mail_mail').orderBy('id')).map((r: MailRow) => ({ ...r, recipient_id: Number(r.recipient_id) }));
  const messages = async (resId: number) => t.db.knex('mail_message')
    .where({ model: 'test.ticket', res_id: resId }).orderBy('id').select('id', 'body', 'type', 'subtype_id', 'author_id', 'message_id');
  const followers = async (resId: number, uid = t.people.admin.uid) => {
    const [row] = await t.env(uid).model('test.ticket').read([resId], ['message_follower_ids']);
    return [...(row.message_follower_ids as number[])].sort((a, b) => a - b);
  };
  const sorted = (ids: number[]) => [...ids].sort((a, b) => a - b);
  const call = (method: string, args: unknown[], kwargs: Record<string, unknown> = {}, uid = t.people.ana.uid) =>
    callModelMethod(t.env(uid), 'test.ticket', method, args, kwargs);

  it('makes the creator, the requester and the responsible follow a new record, and logs its creation', async () => {
    const { ana, bob } = t.people;
    const id = await t.env(ana.uid).model('test.ticket').create({ name: 'T/1', partner_id: t.people.carla, user_id: bob.uid });
    expect(await followers(id)).toEqual(sorted([ana.partner, bob.partner, t.people.carla]));
    const msgs = await messages(id);
    expect(msgs).toHaveLength(1);
    expect(msgs[0].body).toBe('<p>Alta: Incidencia</p>');
    expect(msgs[0].subtype_id).toBeNull();
    // A log entry notifies nobody.
    expect(await outbox()).toEqual([]);
    expect(Number((await t.db.knex('mail_notification').count({ n: '*' }).first())?.n)).toBe(0);
  });

  it('makes the associate follow only when the record says to notify them', async () => {
    const env = t.env();
    const quiet = await env.model('test.ticket').create({ name: 'T/2', associate_id: t.people.dario });
    expect(await followers(quiet)).toEqual([t.people.ana.partner]);
    await env.model('test.ticket').write([quiet], { notify_partner: true });
    expect(await followers(quiet)).toEqual(sorted([t.people.ana.partner, t.people.dario]));
    const loud = await env.model('test.ticket').create({ name: 'T/3', associate_id: t.people.dario, notify_partner: true });
    expect(await followers(loud)).toEqual(sorted([t.people.ana.partner, t.people.dario]));
  });

  it('posts one tracking message per status change and mails each follower but the author', async () => {
    const { ana, bob, carla } = t.people;
    const id = await t.env(ana.uid).model('test.ticket').create({ name: 'T/4', partner_id: carla, user_id: bob.uid });
    await t.env(bob.uid).model('test.ticket').writeInternal([id], { state: 'open' });
    const msgs = await messages(id);
    expect(msgs).toHaveLength(2);
    // In the record's language: its requester speaks Spanish.
    expect(msgs[1].body).toBe('<p>Estado: Borrador → Abierta</p>');
    expect(Number(msgs[1].author_id)).toBe(bob.partner);
    const mails = await outbox();
    expect(mails.map((m) => m.recipient_id).sort()).toEqual(sorted([ana.partner, carla]));
    expect(mails.map((m) => m.email_to).sort()).toEqual(['Ana Pérez <ana@example.com>', 'Carla Ruiz <carla@example.com>']);
    for (const m of mails) {
      expect(m.subject).toBe('[T/4] Estado: Borrador → Abierta');
      expect(m.body_html).toContain('Estado: Borrador → Abierta');
      expect(m.state).toBe('outgoing');
      expect(Number(m.mail_message_id)).toBe(Number(msgs[1].id));
      // Threaded under the record's first message.
      expect(m.in_reply_to).toBe(msgs[0].message_id);
      expect(m.references).toBe(msgs[0].message_id);
    }
    expect(new Set(mails.map((m) => m.message_id)).size).toBe(2);
  });

  it('posts nothing when a tracked field is written with the value it already has', async () => {
    const id = await t.env().model('test.ticket').create({ name: 'T/5', partner_id: t.people.carla });
    await t.env().model('test.ticket').writeInternal([id], { state: 'draft', name: 'T/5b' });
    expect(await messages(id)).toHaveLength(1);
    expect(await outbox()).toEqual([]);
  });

  it('queues nothing for a change that is rolled back', async () => {
    const id = await t.env().model('test.ticket').create({ name: 'T/6', partner_id: t.people.carla });
    await expect(t.db.knex.transaction(async (trx) => {
      const env = t.env(t.people.bob.uid);
      const inTrx = (env as unknown as { withCr(cr: unknown): typeof env }).withCr(trx);
      await inTrx.model('test.ticket').writeInternal([id], { state: 'open' });
      expect(Number((await trx('mail_mail').count({ n: '*' }).first())?.n)).toBe(2);
      throw new Error('rolled back');
    })).rejects.toThrow('rolled back');
    expect(await outbox()).toEqual([]);
    expect(await messages(id)).toHaveLength(1);
  });

  it('notifies followers of a comment, but not of a plain log entry', async () => {
    const { ana, bob, carla } = t.people;
    const id = await t.env(ana.uid).model('test.ticket').create({ name: 'T/7', partner_id: carla, user_id: bob.uid });
    const logId = await call('message_post', [id, '<p>Nota interna</p>'], {}, bob.uid);
    expect(typeof logId).toBe('number');
    expect(await outbox()).toEqual([]);
    // 7.0 positional: thread_id, body, subject, type, subtype.
    const commentId = await call('message_post', [[id], '<p>¿Puede probar de nuevo?</p>', 'Pregunta', 'comment', 'mail.mt_comment'], {}, bob.uid);
    const mails = await outbox();
    expect(mails.map((m) => m.recipient_id).sort()).toEqual(sorted([ana.partner, carla]));
    expect(mails.every((m) => Number(m.mail_message_id) === commentId)).toBe(true);
    expect(mails[0].subject).toBe('[T/7] Pregunta');
  });

  it('accepts execute_kw keywords, Odoo names included, and always notifies explicit recipients', async () => {
    const { ana, bob } = t.people;
    const id = await t.env(ana.uid).model('test.ticket').create({ name: 'T/8' });
    await call('message_post', [id], { body: 'Hola', message_type: 'comment', subtype_xmlid: 'mail.mt_comment', partner_ids: [[4, t.people.dario]] }, bob.uid);
    const mails = await outbox();
    expect(mails.map((m) => m.recipient_id).sort()).toEqual(sorted([ana.partner, t.people.dario]));
    // Bob commented, so he now follows the record.
    expect(await followers(id)).toEqual(sorted([ana.partner, bob.partner]));
    await expect(call('message_post', [id], { body: 'x', subtype: 'mail.mt_nope' })).rejects.toThrow(/mail\.mt_nope/);
    await expect(call('message_post', [id], { body: 'x', bogus: 1 })).rejects.toThrow(/unexpected keyword argument 'bogus'/);
  });

  it('subscribes and unsubscribes partners and users', async () => {
    const { ana, bob } = t.people;
    const id = await t.env(ana.uid).model('test.ticket').create({ name: 'T/9' });
    expect(await call('message_subscribe', [[id], [t.people.carla, t.people.dario]])).toBe(true);
    expect(await followers(id)).toEqual(sorted([ana.partner, t.people.carla, t.people.dario]));
    expect(await call('message_unsubscribe', [[id], [t.people.carla]])).toBe(true);
    expect(await call('message_subscribe_users', [[id]], {}, bob.uid)).toBe(true);
    expect(await followers(id)).toEqual(sorted([ana.partner, bob.partner, t.people.dario]));
    const [asBob] = await t.env(bob.uid).model('test.ticket').read([id], ['message_is_follower']);
    expect(asBob.message_is_follower).toBe(true);
    await call('message_unsubscribe_users', [[id], [bob.uid]]);
    const [again] = await t.env(bob.uid).model('test.ticket').read([id], ['message_is_follower', 'message_ids']);
    expect(again.message_is_follower).toBe(false);
    expect(again.message_ids).toHaveLength(1);
  });

  it('respects what each partner wants by email, but still records their notification', async () => {
    const { ana, bob, carla } = t.people;
    await t.db.knex('res_partner').where('id', carla).update({ notification_email_send: 'none' });
    const id = await t.env(ana.uid).model('test.ticket').create({ name: 'T/10', partner_id: carla, user_id: bob.uid });
    await call('message_subscribe', [[id], [t.people.noEmail]]);
    await t.env(ana.uid).model('test.ticket').writeInternal([id], { state: 'open' });
    expect((await outbox()).map((m) => m.recipient_id)).toEqual([bob.partner]);
    const msgs = await messages(id);
    const notified = await t.db.knex('mail_notification').where('message_id', msgs[1].id).select('partner_id');
    expect(notified.map((n: { partner_id: unknown }) => Number(n.partner_id)).sort()).toEqual(sorted([bob.partner, carla, t.people.noEmail]));
  });

  it('reads messages and followers over the RPC method binding', async () => {
    const id = await t.env().model('test.ticket').create({ name: 'T/11', partner_id: t.people.carla });
    await t.env().model('test.ticket').writeInternal([id], { state: 'open' });
    const rows = await callModelMethod(t.env(), 'test.ticket', 'read', [[id], ['message_ids', 'message_follower_ids', 'message_unread']]) as Record<string, unknown>[];
    expect((rows[0].message_ids as number[])).toHaveLength(2);
    expect(rows[0].message_follower_ids).toEqual(sorted([t.people.ana.partner, t.people.carla]));
    const carlaMsgs = await callModelMethod(t.env(), 'mail.message', 'search_read',
      [[['model', '=', 'test.ticket'], ['res_id', '=', id]], ['body', 'subtype_id', 'notified_partner_ids']]) as Record<string, unknown>[];
    expect(carlaMsgs[0].body).toBe('<p>Estado: Borrador → Abierta</p>');
    expect(carlaMsgs[0].subtype_id).toEqual([expect.any(Number), 'Status Changed']);
    expect(carlaMsgs[0].notified_partner_ids).toEqual([t.people.carla]);
  });

  it('notifies for a message created directly, like a posted one', async () => {
    const { ana, bob, carla } = t.people;
    const id = await t.env(ana.uid).model('test.ticket').create({ name: 'T/12', partner_id: carla });
    const subtype = await t.db.knex('ir_model_data').where({ module: 'mail', name: 'mt_comment' }).first('res_id');
    const msgId = await callModelMethod(t.env(bob.uid), 'mail.message', 'create', [{
      model: 'test.ticket', res_id: id, body: '<p>Hola</p>', type: 'comment', subtype_id: Number(subtype.res_id),
    }]) as number;
    const mails = await outbox();
    expect(mails.map((m) => m.recipient_id).sort()).toEqual(sorted([ana.partner, carla]));
    expect(mails.every((m) => Number(m.mail_message_id) === msgId)).toBe(true);
    // Subscribing the same partner twice keeps one follower.
    await call('message_subscribe', [[id], [carla, carla]]);
    await call('message_subscribe', [[id], [carla]]);
    expect(await followers(id)).toEqual(sorted([ana.partner, carla]));
  });
});
