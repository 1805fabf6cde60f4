// The mail sender: a loop beside the HTTP server that drains the outbox of every database, never
// inside a request. It wakes on committed mail and polls otherwise; when the SMTP server is
// unreachable it backs off exponentially (with jitter) and tries again by itself.
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { MailConfig } from './mail-config';
import type { MailDb } from './claim';
import { createMailTransport, type MailTransport } from './transport';
import { deliverRound, emptyReport, type MailLogger, type RoundReport } from './deliver';
import { retryDelayMs } from './backoff';
import { onMailQueued } from './wakeup';

/** What the sender needs of the DatabaseManager. */
export interface MailDatabases {
  list(): Promise<string[]>;
  get(name: string): Promise<MailDb>;
}

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
  const worker = opts.worker ?? `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  const transport = opts.transport !== undefined ? opts.transport : createMailTransport(config);
  const withMail = new Set<string>();
  let stopped = false;
  let running: Promise<RoundReport> | null = null;
  let interrupt: (() => void) | null = null;
  let wakeUp: (() => void) | null = null;

  async function drainAll(): Promise<RoundReport> {
    const total = emptyReport();
    if (!transport) return total;
    for (const name of await opts.dbm.list()) {
      if (stopped) break;
      try {
        const db = await opts.dbm.get(name);
        if (!withMail.has(name)) {
          if (!(await db.knex.schema.hasTable('mail_mail'))) continue;
          withMail.add(name);
        }
        for (;;) {
          const r = await deliverRound(db, { worker, transport, config, logger });
          add(total, r);
          if (r.transportDown || r.claimed < config.batchSize || stopped) break;
        }
      } catch (err) {
        logger.error(`Mail delivery round failed: ${String((err as Error)?.message ?? err)}`, { db: name, name: 'mail.sender' });
      }
      if (total.transportDown) break;
    }
    return total;
  }

  function drainOnce(): Promise<RoundReport> {
    // One round at a time per process: the loop and a caller share the same round.
    running ??= drainAll().finally(() => {
      running = null;
    });
    return running;
  }

  /** Sleeps `ms`; a queued mail ends a `wakeable` sleep early, stop() ends any sleep. */
  function sleep(ms: number, wakeable: boolean): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        interrupt = null;
        wakeUp = null;
        resolve();
      };
      const timer = setTimeout(done, ms);
      interrupt = done;
      wakeUp = wakeable ? done : null;
      if (stopped) done();
    });
  }

  const unsubscribe = onMailQueued(() => wakeUp?.());
  let loop: Promise<void> = Promise.resolve();
  if (!transport) {
    logger.info('Outgoing mail is off: mail stays in the outbox', { name: 'mail.sender' });
  } else if (opts.loop !== false) {
    loop = (async () => {
      let downStreak = 0;
      while (!stopped) {
        let r: RoundReport;
        try {
          r = await drainOnce();
        } catch (err) {
          // Listing the databases failed (the database server is down?): try again later.
          logger.error(`Mail delivery failed: ${String((err as Error)?.message ?? err)}`, { name: 'mail.sender' });
          r = { ...emptyReport(), transportDown: true };
        }
        if (stopped) break;
        if (r.transportDown) {
          downStreak++;
          await sleep(retryDelayMs(downStreak, { baseMs: config.retryBaseMs, maxMs: config.retryMaxMs }), false);
        } else {
          downStreak = 0;
          if (r.claimed === 0) await sleep(config.pollMs, true);
        }
      }
    })();
  }

  return {
    worker,
    drainOnce,
    async stop() {
      stopped = true;
      unsubscribe();
      (interrupt as (() => void) | null)?.();
      await loop;
      if (running) await running;
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
