// The built-in SMTP listener for sites without the gateway script: it sits behind the site's
// MTA, accepts recipients of the configured domains only, and hands each message to the same
// message_process path, as the superuser of one database. Refusals are SMTP replies the MTA
// turns into bounces: 550 for a message that cannot be routed, 552 for one that is too big,
// 451 (try again later) when the database fails.
import type { SMTPServerDataStream, SMTPServerSession } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import type { Database, Logger } from '../db/types';
import { withTransaction } from '../db/transaction';
import { createEnv } from '../orm/env';
import type { Registry } from '../orm/registry';
import { SUPERUSER_ID } from '../orm/access-policy';
import { CallError, UserError, ValidationError } from '../errors';
import type { InboundConfig } from './inbound-config';
import { processMessage } from './inbound-process';

export interface InboundListenerOptions {
  config: InboundConfig;
  registry: Registry;
  /** The database a message goes to, asked for each message. */
  database: () => Promise<Database>;
  logger: Logger;
}

export interface InboundListener {
  readonly port: number;
  stop(): Promise<void>;
}

function smtpError(code: number, message: string): Error {
  return Object.assign(new Error(message), { responseCode: code });
}

function readMessage(stream: SMTPServerDataStream, max: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      // Past the limit the rest is read and thrown away: the answer is 552 either way.
      if (size <= max) chunks.push(chunk);
    });
    stream.on('end', () => resolve(stream.sizeExceeded || size > max ? null : Buffer.concat(chunks)));
    stream.on('error', reject);
  });
}

export async function startInboundListener(opts: InboundListenerOptions): Promise<InboundListener> {
  const { config, logger } = opts;
  const domains = new Set(config.domains);
  // Loaded here: a server without the listener never loads the SMTP library.
  const { SMTPServer } = await import('smtp-server');

  async function deliver(db: Database, raw: Buffer, session: SMTPServerSession): Promise<void> {
    const sender = session.envelope.mailFrom === false ? null : session.envelope.mailFrom.address;
    await withTransaction(db, async (trx, hooks) => {
      const env = createEnv({ cr: trx, uid: SUPERUSER_ID, su: true, registry: opts.registry, dbName: db.name });
      await processMessage(env, raw, { envelopeSender: sender });
      for (const cb of env.takeAfterCommit()) hooks.afterCommit(cb);
    }, { logger });
  }

  const server = new SMTPServer({
    name: 'openerp-gateway',
    banner: 'mail gateway',
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    size: config.maxMessageBytes,
    logger: false,
    onRcptTo(address, _session, callback) {
      const domain = address.address.split('@').pop()?.toLowerCase() ?? '';
      if (!domains.has(domain)) return callback(smtpError(550, `5.1.1 <${address.address}>: recipient domain not served here`));
      return callback();
    },
    onData(stream, session, callback) {
      readMessage(stream, config.maxMessageBytes).then(async (raw) => {
        if (!raw) return callback(smtpError(552, `5.3.4 Message refused: more than the ${config.maxMessageBytes} bytes allowed`));
        let db: Database;
        try {
          db = await opts.database();
        } catch (err) {
          // A missing or unreachable database is the site's to fix: the MTA keeps the mail meanwhile.
          logger.error(`Incoming mail not delivered: ${String((err as Error)?.message ?? err)}`, { name: 'mail.gateway' });
          return callback(smtpError(451, '4.3.0 Temporary failure, try again later'));
        }
        try {
          await deliver(db, raw, session);
          return callback();
        } catch (err) {
          if (err instanceof UserError || err instanceof ValidationError || err instanceof CallError) {
            logger.warn(`Incoming mail refused: ${err.message}`, { name: 'mail.gateway' });
            return callback(smtpError(550, `5.7.1 ${err.message}`));
          }
          logger.error(`Incoming mail failed: ${String((err as Error)?.message ?? err)}`, { name: 'mail.gateway' });
          return callback(smtpError(451, '4.3.0 Temporary failure, try again later'));
        }
      }, (err: unknown) => callback(smtpError(451, `4.3.0 ${String((err as Error)?.message ?? err)}`)));
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.smtpPort ?? 0, config.smtpHost, () => resolve());
  });
  server.on('error', (err) => logger.error(`SMTP listener: ${err.message}`, { name: 'mail.gateway' }));
  const port = (server.server.address() as AddressInfo).port;
  logger.info(`Incoming mail (SMTP) listening on ${config.smtpHost}:${port}`, { name: 'mail.gateway', port });
  return {
    port,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
