// Outgoing mail settings from the environment: defaults keep mail in the outbox, SMTP is set
// up by variables, and every bad value is reported.
import { loadMailConfig, MAIL_DEFAULTS } from '../../../src/mail/mail-config';
import { loadConfig } from '../../../config/load';

describe('mail configuration', () => {
  it('keeps mail in the outbox unless a transport is chosen', () => {
    const problems: string[] = [];
    expect(loadMailConfig({}, MAIL_DEFAULTS, problems)).toEqual(MAIL_DEFAULTS);
    expect(MAIL_DEFAULTS.transport).toBe('off');
    expect(problems).toEqual([]);
  });

  it('reads the SMTP server, its credentials and the sender pacing', () => {
    const problems: string[] = [];
    const c = loadMailConfig({
      MAIL_TRANSPORT: 'SMTP', SMTP_HOST: 'smtp.example.com', SMTP_PORT: '465', SMTP_SECURE: 'true',
      SMTP_USER: 'helpdesk', SMTP_PASSWORD: ' s3cret ', MAIL_FROM: 'soporte@example.com', MAIL_MAX_ATTEMPTS: '5',
    }, MAIL_DEFAULTS, problems);
    expect(problems).toEqual([]);
    expect(c.transport).toBe('smtp');
    expect(c.smtp).toEqual({ host: 'smtp.example.com', port: 465, secure: true, requireTls: false, user: 'helpdesk', password: ' s3cret ' });
    expect(c.from).toBe('soporte@example.com');
    expect(c.maxAttempts).toBe(5);
  });

  it('reports each bad value', () => {
    const problems: string[] = [];
    loadMailConfig({ MAIL_TRANSPORT: 'pigeon', SMTP_PORT: '99999', SMTP_SECURE: 'maybe', MAIL_FROM: 'nobody' }, MAIL_DEFAULTS, problems);
    expect(problems).toHaveLength(4);
    expect(problems.join('\n')).toMatch(/MAIL_TRANSPORT/);
    expect(problems.join('\n')).toMatch(/SMTP_PORT/);
    expect(problems.join('\n')).toMatch(/SMTP_SECURE/);
    expect(problems.join('\n')).toMatch(/MAIL_FROM/);
  });

  it('takes a lease shorter than a send (the sender renews it) but not under a second', () => {
    const problems: string[] = [];
    expect(loadMailConfig({ MAIL_LEASE_MS: '5000', SMTP_TIMEOUT_MS: '30000' }, MAIL_DEFAULTS, problems).leaseMs).toBe(5000);
    expect(problems).toEqual([]);
    loadMailConfig({ MAIL_LEASE_MS: '10' }, MAIL_DEFAULTS, problems);
    expect(problems.join('\n')).toMatch(/MAIL_LEASE_MS/);
  });

  it('is part of the server configuration', () => {
    expect(loadConfig({ MAIL_TRANSPORT: 'folder', MAIL_FOLDER: '/tmp/mails' }).mail).toMatchObject({ transport: 'folder', folder: '/tmp/mails' });
    expect(() => loadConfig({ SMTP_PORT: 'x' })).toThrow(/SMTP_PORT/);
  });
});

describe('lease settings of the senders', () => {
  it('are short by default, so a dead sender\'s work is taken over within seconds', () => {
    const config = loadConfig({});
    expect(config.mail.leaseMs).toBeLessThanOrEqual(30_000);
    expect(config.sync.leaseMs).toBeLessThanOrEqual(30_000);
  });

  it('are read from MAIL_LEASE_MS and SYNC_LEASE_MS', () => {
    const config = loadConfig({ MAIL_LEASE_MS: '4000', SYNC_LEASE_MS: '6000' });
    expect([config.mail.leaseMs, config.sync.leaseMs]).toEqual([4000, 6000]);
    expect(() => loadConfig({ SYNC_LEASE_MS: '5' })).toThrow(/SYNC_LEASE_MS/);
  });
});
