// Who reads which messages and outgoing mails (7.0's mail.message rules): a message follows the
// document it is about, or is open to its author and recipients; the outbox is for Settings and
// for the authors of the messages mailed. Checked per document model, never per message.
import { BACKENDS } from '../../support/backends';
import { openHelpdeskDb, type HelpdeskDb, type Role, type Tx } from '../helpdesk/support';

const REQ = 'helpdesk.request';

describe.each(BACKENDS)('message access on %s', (backend) => {
  let h: HelpdeskDb;
  beforeAll(async () => { h = await openHelpdeskDb(backend); });
  afterAll(async () => { await h?.db.destroy(); });

  const partnerOf = async (t: Tx, who: Role): Promise<number> => {
    const [row] = await t.su().model('res.users').read([h.uids[who]], ['partner_id']);
    return (row.partner_id as [number, string])[0];
  };
  const messagesOf = (t: Tx, model: string, id: number) =>
    t.su().model('mail.message').search([['model', '=', model], ['res_id', '=', id]]);

  it('shows the messages of the documents a user may read, and of no other', async () => {
    await h.inTransaction(async (t) => {
      const mine = await t.env('help').model(REQ).create({ subject: 'Mía', category: 'technical' });
      const theirs = await t.env('otherHelp').model(REQ).create({ subject: 'Suya', category: 'technical' });
      const onMine = await messagesOf(t, REQ, mine);
      const onTheirs = await messagesOf(t, REQ, theirs);
      expect(onMine.length).toBeGreaterThan(0);
      expect(onTheirs.length).toBeGreaterThan(0);
      const messages = t.env('help').model('mail.message');
      const seen = await messages.search([['model', '=', REQ]]);
      expect(seen).toEqual(expect.arrayContaining(onMine));
      expect(seen.filter((id) => onTheirs.includes(id))).toEqual([]);
      expect(await messages.read(onTheirs, ['body'])).toEqual([]);
      expect(await messages.searchCount([['res_id', '=', theirs], ['model', '=', REQ]])).toBe(0);
      // The support center reads every request, so every message; an employee outside the
      // helpdesk reads no request, so none of their messages.
      expect(await t.env('support').model('mail.message').search([['model', '=', REQ]])).toEqual(expect.arrayContaining([...onMine, ...onTheirs]));
      expect(await t.env('nobody').model('mail.message').search([['model', '=', REQ]])).toEqual([]);
    });
  });

  it('opens a message to its author and recipients, whatever its document', async () => {
    await h.inTransaction(async (t) => {
      const theirs = await t.env('otherHelp').model(REQ).create({ subject: 'Suya', category: 'technical' });
      const help = await partnerOf(t, 'help');
      const addressed = await t.su().model('mail.message').create({
        model: REQ, res_id: theirs, body: '<p>Para ti</p>', type: 'comment', partner_ids: [[6, 0, [help]]],
      });
      const privateNote = await t.su().model('mail.message').create({ body: '<p>Nota</p>', type: 'comment', author_id: help });
      const nobodys = await t.su().model('mail.message').create({ body: '<p>De nadie</p>', type: 'comment' });
      const read = async (who: Role) => (await t.env(who).model('mail.message').read([addressed, privateNote, nobodys], ['body']))
        .map((r) => r.id).sort((a, b) => Number(a) - Number(b));
      expect(await read('help')).toEqual([addressed, privateNote]);
      // The support center reads the request, not the private note; nobody reads the unaddressed one.
      expect(await read('support')).toEqual([addressed]);
      expect(await read('nobody')).toEqual([]);
      await t.env('help').model('mail.message').write([privateNote], { subject: 'Mía' });
    });
  });

  it('shows outgoing mail to Settings and to the author of the message mailed', async () => {
    await h.inTransaction(async (t) => {
      const req = await t.env('help').model(REQ).create({ subject: 'Correo', category: 'technical' });
      const byHelp = await t.su().model('mail.message').create({
        model: REQ, res_id: req, body: '<p>Hola</p>', type: 'comment', author_id: await partnerOf(t, 'help'),
      });
      const bySupport = await t.su().model('mail.message').create({
        model: REQ, res_id: req, body: '<p>Adiós</p>', type: 'comment', author_id: await partnerOf(t, 'support'),
      });
      const outbox = t.su().model('mail.mail');
      const helpMail = await outbox.create({ mail_message_id: byHelp, email_to: 'a@example.com', subject: 'Hola' });
      const supportMail = await outbox.create({ mail_message_id: bySupport, email_to: 'b@example.com', subject: 'Adiós' });
      const loose = await outbox.create({ email_to: 'c@example.com', subject: 'Suelto' });
      const settings = await t.su().model('res.users').create({
        login: 'settings', name: 'Settings', groups_id: [[6, 0, [await t.xmlid('base.group_user'), await t.xmlid('base.group_system')]]],
      });
      const visible = async (uid: number) => (await t.env('admin').withUser(uid).model('mail.mail').search([['id', 'in', [helpMail, supportMail, loose]]])).sort();
      expect(await visible(h.uids.help)).toEqual([helpMail]);
      expect(await visible(h.uids.support)).toEqual([supportMail]);
      expect(await visible(h.uids.manager)).toEqual([]);
      expect(await visible(settings)).toEqual([helpMail, supportMail, loose].sort());
    });
  });

  it('checks the documents once per model, not once per message', async () => {
    await h.inTransaction(async (t) => {
      const queries = async (n: number): Promise<number> => {
        const req = await t.env('help').model(REQ).create({ subject: `Muchos ${n}`, category: 'technical' });
        for (let i = 0; i < n; i++) await t.su().model('mail.message').create({ model: REQ, res_id: req, body: `<p>${i}</p>` });
        const ids = await messagesOf(t, REQ, req);
        let count = 0;
        const listener = () => { count += 1; };
        h.db.knex.on('query', listener);
        try {
          expect(await t.env('help').model('mail.message').read(ids, ['body'])).toHaveLength(ids.length);
        } finally {
          h.db.knex.removeListener('query', listener);
        }
        return count;
      };
      await queries(1); // access control reads groups, ACLs and rules once per transaction
      const few = await queries(2);
      expect(few).toBeGreaterThan(0);
      expect(await queries(30)).toBe(few);
    });
  });
});
