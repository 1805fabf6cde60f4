// A mail sender in its own process, for the tests that kill it: it drains one database until
// it is killed, printing a line whenever a round sent something.
import knexFactory from 'knex';
import { startMailSender } from '../../../../src/mail/sender';
import { MAIL_DEFAULTS } from '../../../../src/mail/mail-config';

interface ChildOptions {
  backend: 'sqlite' | 'pg';
  connection: string;
  name: string;
  smtpPort: number;
  leaseMs: number;
  worker: string;
}

const opts = JSON.parse(process.argv[2]) as ChildOptions;
const knex = opts.backend === 'sqlite'
  ? knexFactory({ client: 'better-sqlite3', connection: { filename: opts.connection }, useNullAsDefault: true })
  : knexFactory({ client: 'pg', connection: opts.connection, pool: { min: 0, max: 3 } });
const db = { name: opts.name, knex, backend: opts.backend };
const say = (message: string, meta?: Record<string, unknown>) => {
  process.stdout.write(`${JSON.stringify({ message, ...meta })}\n`);
};

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
  logger: { info: say, warn: say, error: say, debug: () => undefined },
  worker: opts.worker,
});
say('started');
