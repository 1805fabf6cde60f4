// A mail sender in its own process, for the tests that kill it: it drains one database until
// it is killed, printing what it does as JSON lines.
import { startMailSender } from '../../../../src/mail/sender';
import { MAIL_DEFAULTS } from '../../../../src/mail/mail-config';
import { jsonLineLogger, openChildDb, say, type ChildDbOptions } from '../../../support/child-db';

interface ChildOptions extends ChildDbOptions {
  smtpPort: number;
  leaseMs: number;
  worker: string;
}

const opts = JSON.parse(process.argv[2]) as ChildOptions;
const db = openChildDb(opts);

startMailSender({
  dbm: { list: async () => [db.name], get: async () => db },
  config: {
    mail: {
      ...MAIL_DEFAULTS,
      transport: 'smtp',
      smtp: { ...MAIL_DEFAULTS.smtp, host: '127.0.0.1', port: opts.smtpPort },
      from: 'helpdesk@example.com',
      batchSize: 10,
      concurrency: 2,
      pollMs: 50,
      leaseMs: opts.leaseMs,
      retryBaseMs: 20,
      retryMaxMs: 200,
      timeoutMs: 20_000,
    },
  },
  logger: jsonLineLogger,
  worker: opts.worker,
});
say('started');
