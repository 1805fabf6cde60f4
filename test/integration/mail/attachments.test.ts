// Files posted with a message are kept as attachments of the record and travel with the
// notification emails.
import { BACKENDS } from '../../support/backends';
import { callModelMethod } from '../../../src/orm/call-method';
import { startMailSender } from '../../../src/mail/sender';
import { SmtpSink } from './support/smtp-sink';
import { recordingLogger, singleDb, testMailConfig } from './support/outbox-db';
import { openThreadDb, type ThreadDb } from './support/thread-db';

describe.each(BACKENDS)('message attachments on %s', (backend) => {
  let t: ThreadDb;
  let sink: SmtpSink;
  beforeEach(async () => {
    t = await openThreadDb(backend);
    sink = await new SmtpSink().start();
  });
  afterEach(async () => {
    await sink.stop();
    await t.db.destroy();
  });

  it('attaches the files to the record and to every email of the message', async () => {
    const { ana, bob, carla } = t.people;
    const id = await t.env(ana.uid).model('test.ticket').create({ name: 'T/20', partner_id: carla });
    const msgId = await callModelMethod(t.env(bob.uid), 'test.ticket', 'message_post', [id], {
      body: '<p>Adjunto el registro</p>', type: 'comment', subtype: 'mt_comment',
      attachments: [['registro.txt', 'línea 1\nlínea 2\n']],
    }) as number;
    const [msg] = await t.env(bob.uid).model('mail.message').read([msgId], ['attachment_ids']);
    const attachments = await t.env(bob.uid).model('ir.attachment').read(msg.attachment_ids as number[], ['name', 'res_model', 'res_id', 'datas']);
    expect(attachments).toEqual([{
      id: expect.any(Number), name: 'registro.txt', res_model: 'test.ticket', res_id: id,
      datas: Buffer.from('línea 1\nlínea 2\n').toString('base64'),
    }]);

    const sender = startMailSender({ dbm: singleDb(t.db), config: testMailConfig(sink.port), logger: recordingLogger(), loop: false });
    await sender.drainOnce();
    await sender.stop();
    expect(sink.received.map((m) => m.to[0]).sort()).toEqual(['ana@example.com', 'carla@example.com']);
    for (const m of sink.received) {
      expect(m.raw).toMatch(/Content-Disposition: attachment; filename=registro\.txt/);
      expect(m.raw).toContain(Buffer.from('línea 1\nlínea 2\n').toString('base64'));
    }
  });
});
