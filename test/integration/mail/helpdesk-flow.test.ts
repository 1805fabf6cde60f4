// The manual's flow, step by step, with a real SMTP server: every status change of a request,
// its problem and its solution (cascades included) mails exactly the people who follow the
// record, never the person who made the change, with the record's reference in the subject.
import { BACKENDS } from '../../support/backends';
import { startMailSender, type MailSender } from '../../../src/mail/sender';
import { SmtpSink } from './support/smtp-sink';
import { recordingLogger, singleDb, testMailConfig } from './support/outbox-db';
import { openHelpdeskDb, type HelpdeskDb } from './support/helpdesk-db';

describe.each(BACKENDS)('notifications of the support center flow on %s', (backend) => {
  let h: HelpdeskDb;
  let sink: SmtpSink;
  let sender: MailSender;
  let seen = 0;

  beforeAll(async () => {
    h = await openHelpdeskDb(backend);
    sink = await new SmtpSink().start();
    sender = startMailSender({ dbm: singleDb(h.db), config: testMailConfig(sink.port), logger: recordingLogger(), loop: false });
  });
  afterAll(async () => {
    await sender.stop();
    await sink.stop();
    await h.db.destroy();
  });

  /** The emails that left since the previous step, as `address: subject`, sorted. */
  async function newMail(): Promise<string[]> {
    await sender.drainOnce();
    const got = sink.received.slice(seen);
    seen = sink.received.length;
    return got.flatMap((m) => m.to.map((to) => `${to}: ${m.subject}`)).sort();
  }

  const signal = (uid: number, model: string, id: number, name: string) =>
    h.call(uid, model, 'signal_workflow', [[id], name]);

  it('follows a request from filing to closing', async () => {
    const { hana, sam, carla, dario } = h.people;
    const req = await h.call(hana.uid, 'helpdesk.request', 'create', [{
      subject: 'La impresora no imprime', category: 'technical', partner_id: carla, user_id: sam.uid,
    }]) as number;
    const [{ name: ref }] = await h.env(hana.uid).model('helpdesk.request').read([req], ['name']);
    expect(ref).toMatch(/^REQ\//);
    const [{ message_follower_ids: followers }] = await h.env(hana.uid).model('helpdesk.request').read([req], ['message_follower_ids']);
    expect([...(followers as number[])].sort()).toEqual([hana.partner, sam.partner, carla].sort());
    // Filing a request is logged, not mailed.
    expect(await newMail()).toEqual([]);

    await signal(hana.uid, 'helpdesk.request', req, 'notify');
    expect(await newMail()).toEqual([
      `carla@example.com: [${ref}] Estado: Borrador → Notificada`,
      `sam@example.com: [${ref}] Estado: Borrador → Notificada`,
    ]);

    await signal(sam.uid, 'helpdesk.request', req, 'review');
    expect(await newMail()).toEqual([
      `carla@example.com: [${ref}] Estado: Notificada → Revisada`,
      `hana@example.com: [${ref}] Estado: Notificada → Revisada`,
    ]);

    // The analyst identifies the problem and assigns a resource: nothing is mailed for that.
    const resource = await h.call(sam.uid, 'helpdesk.resource', 'create', [{ name: 'Controlador nuevo', category: 'material', cost: 50 }]) as number;
    const problem = await h.call(sam.uid, 'helpdesk.problem', 'create', [{
      name: 'Controlador desactualizado', request_category: 'technical', category: 'configuration', resource_ids: [[6, 0, [resource]]],
    }]) as number;
    await h.call(sam.uid, 'helpdesk.request', 'write', [[req], { problem_ids: [[4, problem]] }]);
    expect(await newMail()).toEqual([]);

    await signal(sam.uid, 'helpdesk.request', req, 'develop');
    expect(await newMail()).toEqual([
      `carla@example.com: [${ref}] Estado: Revisada → Desarrollo`,
      `hana@example.com: [${ref}] Estado: Revisada → Desarrollo`,
    ]);

    await signal(sam.uid, 'helpdesk.request', req, 'test');
    expect(await newMail()).toEqual([
      `carla@example.com: [${ref}] Estado: Desarrollo → Prueba`,
      `hana@example.com: [${ref}] Estado: Desarrollo → Prueba`,
    ]);

    // A solution whose associate is kept informed: the associate follows it.
    const solution = await h.call(hana.uid, 'helpdesk.solution', 'create', [{
      name: 'Actualizar el controlador', date_deadline: '2030-01-31', partner_id: dario, notify_partner: true,
      request_ids: [[4, req]],
    }]) as number;
    expect(await newMail()).toEqual([]);

    // Closing the request closes its problem and its solution: each change is mailed to the
    // followers of that record (the analyst follows the problem he filed).
    await signal(hana.uid, 'helpdesk.request', req, 'close');
    expect(await newMail()).toEqual([
      `carla@example.com: [${ref}] Estado: Prueba → Cerrada`,
      'dario@example.com: [Actualizar el controlador] Estado: Borrador → Cerrada',
      'sam@example.com: [Controlador desactualizado] Estado: Borrador → Cerrada',
      `sam@example.com: [${ref}] Estado: Prueba → Cerrada`,
    ]);
    const states = await h.env(hana.uid).model('helpdesk.problem').read([problem], ['state']);
    expect(states[0].state).toBe('closed');
    const sol = await h.env(hana.uid).model('helpdesk.solution').read([solution], ['state', 'message_ids']);
    expect(sol[0].state).toBe('closed');
    // One tracking message per change, after the creation log.
    expect(sol[0].message_ids).toHaveLength(2);

    // All the emails about the request name the same thread root.
    const requestMail = sink.received.filter((m) => m.subject.startsWith(`[${ref}]`));
    const roots = new Set(requestMail.map((m) => m.headers.get('references')?.split(' ')[0]));
    expect(roots.size).toBe(1);
    expect([...roots][0]).toMatch(/^<.+@.+>$/);
    expect(new Set(requestMail.map((m) => m.messageId)).size).toBe(requestMail.length);
  });

  it('mails a comment to the followers but not a note, and never its author', async () => {
    const { hana, sam, carla } = h.people;
    const req = await h.call(hana.uid, 'helpdesk.request', 'create', [{
      subject: 'Consulta', category: 'functional', partner_id: carla, user_id: sam.uid,
    }]) as number;
    const [{ name: ref }] = await h.env(hana.uid).model('helpdesk.request').read([req], ['name']);
    await newMail();
    await h.call(sam.uid, 'helpdesk.request', 'message_post', [req, '<p>Revisado internamente</p>']);
    expect(await newMail()).toEqual([]);
    await h.call(sam.uid, 'helpdesk.request', 'message_post', [req], {
      body: '<p>¿Puede enviar una captura?</p>', type: 'comment', subtype: 'mail.mt_comment',
    });
    expect(await newMail()).toEqual([
      `carla@example.com: [${ref}] ¿Puede enviar una captura?`,
      `hana@example.com: [${ref}] ¿Puede enviar una captura?`,
    ]);
  });

  it('mails cancelling, resetting and a failed test like any other change', async () => {
    const { hana, sam, carla } = h.people;
    const req = await h.call(hana.uid, 'helpdesk.request', 'create', [{
      subject: 'Acceso lento', category: 'technical', partner_id: carla, user_id: sam.uid,
    }]) as number;
    const [{ name: ref }] = await h.env(hana.uid).model('helpdesk.request').read([req], ['name']);
    await signal(hana.uid, 'helpdesk.request', req, 'notify');
    await signal(hana.uid, 'helpdesk.request', req, 'cancel');
    await newMail();
    await signal(hana.uid, 'helpdesk.request', req, 'reset');
    expect(await newMail()).toEqual([
      `carla@example.com: [${ref}] Estado: Cancelada → Borrador`,
      `sam@example.com: [${ref}] Estado: Cancelada → Borrador`,
    ]);
    // A signal that does not apply changes nothing and mails nobody.
    await signal(sam.uid, 'helpdesk.request', req, 'review');
    expect(await newMail()).toEqual([]);

    await signal(hana.uid, 'helpdesk.request', req, 'notify');
    await signal(sam.uid, 'helpdesk.request', req, 'review');
    const resource = await h.call(sam.uid, 'helpdesk.resource', 'create', [{ name: 'Disco', category: 'material', cost: 80 }]) as number;
    const problem = await h.call(sam.uid, 'helpdesk.problem', 'create', [{
      name: 'Disco lleno', request_category: 'technical', category: 'performance', resource_ids: [[6, 0, [resource]]],
    }]) as number;
    await h.call(sam.uid, 'helpdesk.request', 'write', [[req], { problem_ids: [[4, problem]] }]);
    await signal(sam.uid, 'helpdesk.request', req, 'develop');
    await signal(sam.uid, 'helpdesk.request', req, 'test');
    await newMail();
    await signal(sam.uid, 'helpdesk.request', req, 'develop');
    expect(await newMail()).toEqual([
      `carla@example.com: [${ref}] Estado: Prueba → Desarrollo`,
      `hana@example.com: [${ref}] Estado: Prueba → Desarrollo`,
    ]);
  });
});
