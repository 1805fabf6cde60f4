// Claiming outbox rows. A sender claims a batch by taking a lease on the rows (src/jobs/lease.ts);
// a lease that runs out (a process that died) makes the rows claimable again. Every later write
// checks the claim, so a sender that lost its lease never overwrites another's outcome.
import type { Knex } from 'knex';
import { nowMsSql, nowPlusMs, utcStamp } from '../db/clock';
import { leaseFreeSql, leaseTo, NO_LEASE } from '../jobs/lease';
import type { BackendKind } from '../db/types';

export interface MailDb {
  name: string;
  knex: Knex;
  backend: BackendKind;
}

export interface ClaimedMail {
  id: number;
  message_id: string;
  subject: string | null;
  body_html: string | null;
  email_from: string | null;
  reply_to: string | null;
  email_to: string;
  in_reply_to: string | null;
  references: string | null;
  attempts: number;
  model: string | null;
  res_id: number | null;
  record_name: string | null;
  mail_message_id: number | null;
}

const COLUMNS = 'id, message_id, subject, body_html, email_from, reply_to, email_to, in_reply_to, '
  + '"references", attempts, model, res_id, record_name, mail_message_id';

/**
 * Claims up to `limit` due rows for `worker`. On PostgreSQL, `FOR UPDATE SKIP LOCKED` lets
 * concurrent senders take disjoint batches without waiting; SQLite has a single writer, so the
 * one UPDATE statement is already exclusive.
 */
export async function claimBatch(db: MailDb, worker: string, limit: number, leaseMs: number): Promise<ClaimedMail[]> {
  const now = nowMsSql(db.backend);
  const lock = db.backend === 'pg' ? 'FOR UPDATE SKIP LOCKED' : '';
  const sql = `UPDATE mail_mail SET claimed_by = ?, claimed_until_ms = ${now} + ?
    WHERE id IN (SELECT id FROM mail_mail
      WHERE state = 'outgoing' AND next_attempt_ms <= ${now}
        AND ${leaseFreeSql(db.backend)}
      ORDER BY next_attempt_ms, id LIMIT ? ${lock})
    RETURNING ${COLUMNS}`;
  const res: unknown = await db.knex.raw(sql, [worker, Math.round(leaseMs), limit]);
  const rows = (Array.isArray(res) ? res : (res as { rows: unknown[] }).rows) as ClaimedMail[];
  return rows
    .map((r) => ({
      ...r, id: Number(r.id), attempts: Number(r.attempts),
      res_id: r.res_id === null ? null : Number(r.res_id),
      mail_message_id: r.mail_message_id === null ? null : Number(r.mail_message_id),
    }))
    .sort((a, b) => a.id - b.id);
}

function mine(db: MailDb, worker: string, id: number): Knex.QueryBuilder {
  return db.knex('mail_mail').where({ id, claimed_by: worker, state: 'outgoing' });
}

/** Extends the lease just before sending; false when the claim was lost (lease ran out). */
export async function renewClaim(db: MailDb, worker: string, id: number, leaseMs: number): Promise<boolean> {
  const n = await mine(db, worker, id).update(leaseTo(db, worker, leaseMs));
  return Number(n) === 1;
}

/** Extends the leases `worker` still holds among `ids` (the heartbeat of a round in progress). */
export async function renewClaims(db: MailDb, worker: string, ids: number[], leaseMs: number): Promise<void> {
  if (!ids.length) return;
  await db.knex('mail_mail').whereIn('id', ids).andWhere({ claimed_by: worker, state: 'outgoing' }).update(leaseTo(db, worker, leaseMs));
}

const bump = (db: MailDb) => db.knex.raw('attempts + 1');

export async function markSent(db: MailDb, worker: string, id: number): Promise<boolean> {
  const now = utcStamp();
  const n = await mine(db, worker, id).update({
    ...NO_LEASE, state: 'sent', failure_reason: null, date_sent: now, write_date: now, attempts: bump(db),
  });
  return Number(n) === 1;
}

/** A transient failure: try again after `delayMs`, or give up (state exception) when `giveUp`. */
export async function markRetry(
  db: MailDb, worker: string, id: number, reason: string, delayMs: number, giveUp: boolean,
): Promise<boolean> {
  const n = await mine(db, worker, id).update({
    ...NO_LEASE,
    state: giveUp ? 'exception' : 'outgoing',
    failure_reason: reason,
    next_attempt_ms: nowPlusMs(db.knex, db.backend, delayMs),
    write_date: utcStamp(),
    attempts: bump(db),
  });
  return Number(n) === 1;
}

export async function markFailed(db: MailDb, worker: string, id: number, reason: string): Promise<boolean> {
  const n = await mine(db, worker, id).update({
    ...NO_LEASE, state: 'exception', failure_reason: reason, write_date: utcStamp(), attempts: bump(db),
  });
  return Number(n) === 1;
}

/**
 * Makes mail waiting out a retry delay due now: all of it (`limit` null) once the SMTP server is
 * back, or the one due soonest, as the probe of a round while it is down. Claimed rows are left.
 */
export async function bringForward(db: MailDb, limit: number | null): Promise<void> {
  const now = nowMsSql(db.backend);
  const waiting = `state = 'outgoing' AND next_attempt_ms > ${now} AND ${leaseFreeSql(db.backend)}`;
  const pick = limit === null ? waiting : `id IN (SELECT id FROM mail_mail WHERE ${waiting} ORDER BY next_attempt_ms, id LIMIT ${Math.floor(limit)})`;
  await db.knex.raw(`UPDATE mail_mail SET next_attempt_ms = ${now} WHERE ${pick}`);
}

/** Gives rows back untouched (not attempted), e.g. when the SMTP server turned out to be down. */
export async function releaseClaims(db: MailDb, worker: string, ids: number[]): Promise<void> {
  if (!ids.length) return;
  await db.knex('mail_mail').whereIn('id', ids).andWhere({ claimed_by: worker }).update(NO_LEASE);
}
