// The mail sender: a loop beside the HTTP server that drains the outbox of every database, never
// inside a request. It wakes on committed mail and polls otherwise; when the SMTP server is
// unreachable it backs off exponentially (with jitter) and tries again by itself. New mail ends a
// backoff at once, and the first round the SMTP server answers makes all deferred mail due.
import type { MailConfig } from './mail-config';
import type { MailDb } from './claim';
import { createMailTransport, type MailTransport } from './transport';
import { deliverRound, emptyReport, type MailLogger, type RoundReport } from './deliver';
import { mailQueued } from './wakeup';
import { bringForward } from './claim';
import { databaseVisitor, type Databases } from '../jobs/databases';
import { defaultWorkerName, startPollingLoop } from '../jobs/polling-loop';

/** What the sender needs of the DatabaseManager. */
export type MailDatabases = Databases<MailDb>;

export interface MailSenderOptions {
  dbm: MailDatabases;
  config: { mail: MailConfig };
  logger: MailLogger;
  /** Start the background loop (default true); tests may drive `drainOnce` by hand instead. */
  loop?: boolean;
  /** A fixed transport (tests); by default it is built from the configuration. */
  transport?: MailTransport | null;
  /** Names this process in claims; defaults to host, pid and a random suffix. */
  worker?: string;
}

export interface MailSender {
  readonly worker: string;
  /** Drains every database once (until nothing is due or the transport is down). */
  drainOnce(): Promise<RoundReport>;
  stop(): Promise<void>;
}

export function startMailSender(opts: MailSenderOptions): MailSender {
  const config = opts.config.mail;
  const logger = opts.logger;
  const worker = opts.worker ?? defaultWorkerName();
  const transport = opts.transport !== undefined ? opts.transport : createMailTransport(config);
  const visit = databaseVisitor(opts.dbm, 'mail_mail');
  // While the SMTP server is down, each round first makes the mail due soonest due, so that its
  // one attempt is a probe; once a round gets answers, every deferred mail is made due, instead
  // of each waiting out a retry delay that grew during the outage.
  let smtpDown = false;
  let smtpBack = false;

  async function drainAll(stopped: () => boolean): Promise<RoundReport> {
    const total = emptyReport();
    if (!transport) return total;
    const [probe, flush] = [smtpDown, smtpBack];
    smtpBack = false;
    await visit(async (db) => {
      if (flush || probe) await bringForward(db, flush ? null : 1);
      for (;;) {
        const r = await deliverRound(db, { worker, transport, config, logger });
        add(total, r);
        if (r.transportDown || r.claimed < config.batchSize || stopped()) break;
      }
    }, {
      until: () => stopped() || total.transportDown,
      onError: (name, err) => {
        logger.error(`Mail delivery round failed: ${String((err as Error)?.message ?? err)}`, { db: name, name: 'mail.sender' });
      },
    });
    if (total.transportDown) smtpDown = true;
    else if (smtpDown && total.claimed > 0) {
      smtpDown = false;
      smtpBack = true;
      logger.info('The SMTP server answers again: deferred mail is due now', { name: 'mail.sender' });
    }
    return total;
  }

  if (!transport) logger.info('Outgoing mail is off: mail stays in the outbox', { name: 'mail.sender' });
  const loop = startPollingLoop({
    round: drainAll,
    outcome: (r) => (r.transportDown ? 'failing' : r.claimed === 0 && !smtpBack ? 'idle' : 'busy'),
    onRoundError: (err) => {
      // Listing the databases failed (the database server is down?): try again later.
      logger.error(`Mail delivery failed: ${String((err as Error)?.message ?? err)}`, { name: 'mail.sender' });
      return { ...emptyReport(), transportDown: true };
    },
    pollMs: config.pollMs,
    backoff: { baseMs: config.retryBaseMs, maxMs: config.retryMaxMs },
    wakeDuringBackoff: true,
    wakeup: mailQueued,
    loop: opts.loop !== false && transport !== null,
  });

  return {
    worker,
    drainOnce: loop.drainOnce,
    async stop() {
      await loop.stop();
      transport?.close();
    },
  };
}

function add(total: RoundReport, r: RoundReport): void {
  total.claimed += r.claimed;
  total.sent += r.sent;
  total.failed += r.failed;
  total.retried += r.retried;
  total.transportDown ||= r.transportDown;
}
