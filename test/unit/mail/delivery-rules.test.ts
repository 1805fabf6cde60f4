// The pure rules of delivery: which failures are retried, how long retries wait, and how an
// outbox row becomes the message a mail client shows.
import { classifyFailure, unusableAddress } from '../../../src/mail/failure';
import { retryDelayMs } from '../../../src/jobs/backoff';
import { composeMessage, parseAddress } from '../../../src/mail/compose';
import { htmlToText } from '../../../src/mail/html-text';
import { threadHeaders } from '../../../src/mail/message-id';
import type { ClaimedMail } from '../../../src/mail/claim';

describe('failure classification', () => {
  it.each([
    [{ code: 'ESOCKET', message: 'connect ECONNREFUSED 127.0.0.1:25' }, false, true],
    [{ code: 'ETIMEDOUT', message: 'Greeting never received' }, false, true],
    [{ code: 'ECONNECTION', message: 'Connection closed unexpectedly' }, false, true],
    [{ code: 'EMESSAGE', responseCode: 451, response: '451 Try again later' }, false, false],
    [{ code: 'EENVELOPE', responseCode: 421, response: '421 closing' }, false, true],
    [{ code: 'EENVELOPE', responseCode: 550, response: '550 No such user' }, true, false],
    [{ code: 'EMESSAGE', responseCode: 554, response: '554 Refused' }, true, false],
    [{ code: 'EPROTOCOL', responseCode: 503, response: '503 Bad sequence' }, false, false],
    [{ code: 'EENVELOPE', message: 'No recipients defined' }, true, false],
    [{ code: 'EAUTH', responseCode: undefined, message: 'Invalid login' }, false, true],
  ])('%j: permanent=%s, transport down=%s', (err, permanent, down) => {
    const f = classifyFailure(err);
    expect(f.permanent).toBe(permanent);
    expect(f.transportDown).toBe(down);
    expect(f.reason.length).toBeGreaterThan(0);
  });

  it('keeps the server reply as the reason, on one line', () => {
    expect(classifyFailure({ responseCode: 550, response: '550 5.1.1 <x@y.org>:\r\n user unknown' }).reason)
      .toBe('550 5.1.1 <x@y.org>: user unknown');
  });

  it('refuses addresses no server could accept, and accepts ordinary ones', () => {
    expect(unusableAddress('not an address')).toMatch(/Invalid email address/);
    expect(unusableAddress('a@b@c')).toMatch(/Invalid email address/);
    expect(unusableAddress('')).toMatch(/Invalid email address/);
    expect(unusableAddress('ana.perez@example.com')).toBeNull();
    expect(unusableAddress('Ana Pérez <ana@example.com>')).toBeNull();
  });
});

describe('retry backoff', () => {
  const policy = { baseMs: 1000, maxMs: 60_000 };
  it('doubles with each attempt, between half and the whole of the step', () => {
    expect(retryDelayMs(1, policy, () => 0)).toBe(500);
    expect(retryDelayMs(1, policy, () => 1)).toBe(1000);
    expect(retryDelayMs(4, policy, () => 1)).toBe(8000);
    expect(retryDelayMs(4, policy, () => 0)).toBe(4000);
  });
  it('never waits longer than the cap, even after many attempts', () => {
    expect(retryDelayMs(500, policy, () => 1)).toBe(60_000);
  });
  it('spreads retries of mails that failed together', () => {
    const delays = new Set(Array.from({ length: 20 }, () => retryDelayMs(3, policy)));
    expect(delays.size).toBeGreaterThan(1);
  });
});

describe('composing a message', () => {
  const row: ClaimedMail = {
    id: 1, message_id: '<abc@host>', subject: '[REQ/1] Estado', body_html: '<p>Estado: <b>Revisada</b> &rarr; x &amp; y</p>',
    email_from: '"Ana Pérez" <ana@example.com>', reply_to: null, email_to: 'bob@example.com',
    in_reply_to: '<root@host>', references: '<root@host>', attempts: 0,
    model: 'helpdesk.request', res_id: 7, record_name: 'REQ/1', mail_message_id: 3,
  };

  it('sends from the configured address in the author\'s name, replies going to the author', () => {
    const m = composeMessage(row, 'helpdesk@example.com');
    expect(m.from).toEqual({ name: 'Ana Pérez', address: 'helpdesk@example.com' });
    expect(m.replyTo).toBe('ana@example.com');
    expect(m.messageId).toBe('<abc@host>');
    expect(m.inReplyTo).toBe('<root@host>');
    expect(m.references).toBe('<root@host>');
    expect(m.headers).toEqual({ 'X-OpenERP-Model': 'helpdesk.request', 'X-OpenERP-Res-Id': '7' });
    expect(m.text).toBe('Estado: Revisada &rarr; x & y');
  });

  it('parses display names and bare addresses', () => {
    expect(parseAddress('Bob <bob@x.org>')).toEqual({ name: 'Bob', address: 'bob@x.org' });
    expect(parseAddress('bob@x.org')).toEqual({ name: '', address: 'bob@x.org' });
    expect(parseAddress(null)).toBeNull();
  });

  it('turns our HTML into readable text', () => {
    expect(htmlToText('<p>One<br/>two</p><ul><li>a</li><li>b</li></ul><a href="http://x">link</a>'))
      .toBe('One\ntwo\n\n- a\n- b\n\nlink (http://x)');
  });
});

describe('threading headers', () => {
  it('answer the record\'s first message, and the parent when there is one', () => {
    expect(threadHeaders('<root@h>', null)).toEqual({ inReplyTo: '<root@h>', references: '<root@h>' });
    expect(threadHeaders('<root@h>', '<p@h>')).toEqual({ inReplyTo: '<p@h>', references: '<root@h> <p@h>' });
    expect(threadHeaders('<root@h>', '<root@h>')).toEqual({ inReplyTo: '<root@h>', references: '<root@h>' });
    expect(threadHeaders(null, null)).toEqual({ inReplyTo: null, references: null });
  });
});
