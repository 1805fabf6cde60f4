// One round of delivery for one database: claim a batch, send each mail (a few at a time), record
// each outcome under the claim. When the transport is down the rest of the batch is handed back
// untouched, so a dead SMTP server costs one attempt per round, not one per mail.
import type { Logger } from '../db/types';
import type { MailConfig } from './mail-config';
import type { MailTransport } from './transport';
import {
  claimBatch, markFailed, markRetry, markSent, releaseClaims, renewClaim, renewClaims, type ClaimedMail, type MailDb,
} from './claim';
import { whileRenewing } from '../jobs/lease';
import { classifyFailure, unusableAddress } from './failure';
import { retryDelayMs } from '../jobs/backoff';
import { composeMessage } from './compose';
import { attachmentsOf, type MailAttachment } from './attachments';

export type MailLogger = Logger;

export interface DeliveryDeps {
  worker: string;
  transport: MailTransport;
  config: MailConfig;
  logger: MailLogger;
  random?: () => number;
}

export interface RoundReport {
  claimed: number;
  sent: number;
  failed: number;
  retried: number;
  /** The transport could not be reached: the caller should back off before the next round. */
  transportDown: boolean;
}

export function emptyReport(): RoundReport {
  return { claimed: 0, sent: 0, failed: 0, retried: 0, transportDown: false };
}

export async function deliverRound(db: MailDb, deps: DeliveryDeps): Promise<RoundReport> {
  const { config } = deps;
  const batch = await claimBatch(db, deps.worker, config.batchSize, config.leaseMs);
  const claimedAt = Date.now();
  const report = { ...emptyReport(), claimed: batch.length };
  const files = await attachmentsOf(db, batch.flatMap((m) => (m.mail_message_id ? [m.mail_message_id] : [])));
  const queue = [...batch];
  const worker = async () => {
    for (let mail = queue.shift(); mail; mail = queue.shift()) {
      if (report.transportDown) {
        queue.unshift(mail);
        return;
      }
      await deliverOne(db, deps, mail, report, claimedAt, files.get(mail.mail_message_id ?? 0) ?? []);
    }
  };
  // The batch's leases are renewed while it is sent: only a dead process's claims run out.
  const ids = batch.map((m) => m.id);
  await whileRenewing(config.leaseMs, () => renewClaims(db, deps.worker, ids, config.leaseMs),
    () => Promise.all(Array.from({ length: Math.max(1, config.concurrency) }, worker)),
    (err) => deps.logger.warn(`Could not renew mail claims: ${String((err as Error)?.message ?? err)}`, { db: db.name, name: 'mail.sender' }));
  await releaseClaims(db, deps.worker, queue.map((m) => m.id));
  return report;
}

async function deliverOne(
  db: MailDb, deps: DeliveryDeps, mail: ClaimedMail, report: RoundReport, claimedAt: number, files: MailAttachment[],
): Promise<void> {
  const { config, logger, worker } = deps;
  const meta = { db: db.name, name: 'mail.sender', mail_id: mail.id, message_id: mail.message_id };
  const bad = unusableAddress(mail.email_to);
  if (bad) {
    await markFailed(db, worker, mail.id, bad);
    report.failed++;
    logger.warn(`Mail not sent: ${bad}`, meta);
    return;
  }
  // A mail that waited long in its batch gets a fresh lease first (or is skipped if another
  // sender took it meanwhile), so that sending always happens well inside the lease.
  if (Date.now() - claimedAt > config.leaseMs / 3 && !(await renewClaim(db, worker, mail.id, config.leaseMs))) return;
  try {
    await deps.transport.send({ ...composeMessage(mail, config.from, config.inbound?.catchall ?? null), ...(files.length ? { attachments: files } : {}) });
  } catch (err) {
    const f = classifyFailure(err);
    const attempts = mail.attempts + 1;
    if (f.permanent) {
      await markFailed(db, worker, mail.id, f.reason);
      report.failed++;
      logger.warn(`Mail refused for good: ${f.reason}`, meta);
      return;
    }
    if (f.transportDown) report.transportDown = true;
    const giveUp = attempts >= config.maxAttempts;
    const reason = giveUp ? `Gave up after ${attempts} attempts: ${f.reason}` : f.reason;
    const delay = retryDelayMs(attempts, { baseMs: config.retryBaseMs, maxMs: config.retryMaxMs }, deps.random);
    await markRetry(db, worker, mail.id, reason, delay, giveUp);
    if (giveUp) {
      report.failed++;
      logger.error(`Mail failed: ${reason}`, meta);
    } else {
      report.retried++;
      logger.info(`Mail will be retried: ${f.reason}`, { ...meta, attempts, retry_in_ms: delay });
    }
    return;
  }
  if (await markSent(db, worker, mail.id)) {
    report.sent++;
  } else {
    // Only when sending outlived the lease: another sender may repeat it, with the same Message-ID.
    logger.warn('Mail sent after its claim ran out', meta);
    report.sent++;
  }
}
