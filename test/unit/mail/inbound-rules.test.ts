// The pure rules of incoming mail: reading alias defaults without eval, which messages are
// dropped, the listener's settings, the thread-carrying Reply-To, and the HTML sanitiser.
import { readAliasDefaults } from '../../../src/mail/alias-defaults';
import { dropReason } from '../../../src/mail/inbound-filter';
import { parseMail, rawMessage } from '../../../src/mail/inbound-parse';
import { INBOUND_DEFAULTS, loadInboundConfig } from '../../../src/mail/inbound-config';
import { composeMessage, threadReplyAddress } from '../../../src/mail/compose';
import { sanitizeHtml } from '../../../src/orm/fields/html-sanitize';
import { htmlType } from '../../../src/orm/fields/char';
import type { ClaimedMail } from '../../../src/mail/claim';
import { ValidationError } from '../../../src/errors';

describe('alias defaults', () => {
  it('reads Python dict literals and JSON without evaluating them', () => {
    expect(readAliasDefaults("{'category': 'technical', 'priority': u'2', 'user_id': 3, 'active': True, 'x': None}"))
      .toEqual({ category: 'technical', priority: '2', user_id: 3, active: true, x: false });
    expect(readAliasDefaults('{"category": "functional",}')).toEqual({ category: 'functional' });
    expect(readAliasDefaults('')).toEqual({});
  });

  it.each(["{'a': __import__('os')}", "{'a': 1", '[1]', "{'a': 1} extra", '{a: 1}'])('refuses %s', (text) => {
    expect(() => readAliasDefaults(text)).toThrow(ValidationError);
  });
});

const raw = (headers: string) => Buffer.from(`${headers}\r\nTo: soporte@example.com\r\nSubject: x\r\n\r\nbody\r\n`);

describe('drop rules', () => {
  it.each([
    ['From: a@x.org\r\nAuto-Submitted: auto-replied', /Auto-Submitted/],
    ['From: a@x.org\r\nX-Auto-Response-Suppress: All', /X-Auto-Response-Suppress/],
    ['From: a@x.org\r\nReturn-Path: <>', /empty return path/],
    ['From: MAILER-DAEMON@mx.x.org', /bounce/],
    ['From: a@x.org\r\nPrecedence: bulk', /Precedence/],
    ['From: "Soporte" <Notifications@Support.example.com>', /loop/],
  ])('drops %j', async (headers, why) => {
    expect(dropReason(await parseMail(raw(headers)), 'notifications@support.example.com')).toMatch(why);
  });

  it('keeps ordinary mail, and Auto-Submitted: no', async () => {
    expect(dropReason(await parseMail(raw('From: a@x.org\r\nAuto-Submitted: no')), 'notifications@support.example.com')).toBeNull();
  });

  it('drops what came with an empty envelope sender', async () => {
    expect(dropReason(await parseMail(raw('From: a@x.org')), 'n@x.org', '')).toMatch(/bounce/);
  });

  it('reads a sender whose whole address was encoded as one word, and Spanish accents in headers', async () => {
    const word = `=?utf-8?b?${Buffer.from('José Martín <Jose@x.org>').toString('base64')}?=`;
    const mail = await parseMail(Buffer.from(`From: ${word}\r\nTo: a@b.org\r\nSubject: =?ISO-8859-1?Q?Conexi=F3n_ca=EDda?=\r\n\r\nx`));
    expect(mail.from).toEqual({ name: 'José Martín', address: 'jose@x.org' });
    expect(mail.subject).toBe('Conexión caída');
  });

  it('takes the message as text or as the base64 of an XML-RPC binary', () => {
    const text = 'From: a@x.org\r\n\r\nhola';
    expect(rawMessage(text).toString()).toBe(text);
    expect(rawMessage(Buffer.from(text).toString('base64')).toString()).toBe(text);
  });
});

describe('listener settings', () => {
  it('is off by default and reads the port, host and domains', () => {
    expect(INBOUND_DEFAULTS.smtpPort).toBeNull();
    const problems: string[] = [];
    const c = loadInboundConfig({ INBOUND_SMTP_PORT: '2525', INBOUND_SMTP_DOMAINS: 'Support.example.com, help.example.org' }, INBOUND_DEFAULTS, problems);
    expect(problems).toEqual([]);
    expect(c).toMatchObject({ smtpPort: 2525, smtpHost: '127.0.0.1', domains: ['support.example.com', 'help.example.org'] });
  });

  it('names each bad value', () => {
    const problems: string[] = [];
    loadInboundConfig({ INBOUND_SMTP_PORT: '2525', MAIL_CATCHALL: 'x+y@z' }, INBOUND_DEFAULTS, problems);
    expect(problems.join('\n')).toMatch(/INBOUND_SMTP_DOMAINS/);
    expect(problems.join('\n')).toMatch(/MAIL_CATCHALL/);
  });
});

describe('reply address', () => {
  const mail: ClaimedMail = {
    id: 1, message_id: '<m@x>', subject: 's', body_html: '<p>b</p>', email_from: 'Ana <ana@x.org>', reply_to: null,
    email_to: 'b@y.org', in_reply_to: null, references: null, attempts: 0, model: 'project.task', res_id: 12,
    record_name: null, mail_message_id: null,
  };

  it('carries the record when a catch-all address is configured, else is the author', () => {
    expect(threadReplyAddress('catchall@support.example.com', 'project.task', 12)).toBe('catchall+project.task-12@support.example.com');
    expect(composeMessage(mail, 'n@support.example.com', 'catchall@support.example.com').replyTo).toBe('catchall+project.task-12@support.example.com');
    expect(composeMessage(mail, 'n@support.example.com').replyTo).toBe('ana@x.org');
  });
});

describe('HTML sanitiser', () => {
  it('keeps formatting and removes scripts, handlers, frames and javascript: links', () => {
    const out = sanitizeHtml('<p>a <b>b</b> <a href="https://x.org">l</a></p><script>x()</script><img src=x onerror=y()><a href="javascript:z()">j</a><iframe></iframe>');
    expect(out).toBe('<p>a <b>b</b> <a href="https://x.org">l</a></p><img src="x" /><a>j</a>');
  });

  it('is what the html field type stores', () => {
    expect(htmlType.toColumn('<p onclick="x()">hi</p><script>1</script>', { type: 'html', name: 'body' }, 'mail.message')).toBe('<p>hi</p>');
    expect(htmlType.toColumn(false, { type: 'html', name: 'body' }, 'mail.message')).toBeNull();
  });
});
