// The RPC side of the outbox (mail.mail): retrying failed mail, cancelling, and waking the
// sender when mail is created over RPC. Nothing here sends: the sender does, outside requests.
import type { Env } from '../orm/env-types';
import { checkDocumentAccess } from './access';
import { mailQueued } from './wakeup';
import { utcStamp } from '../db/clock';

export function mailQueuedHook(env: Env): Promise<void> {
  env.afterCommit(() => mailQueued.notify(env.dbName));
  return Promise.resolve();
}

/** Failed, cancelled or waiting mail goes (back) to the outbox, to be tried at once. */
export async function markOutgoing(env: Env, ids: number[]): Promise<true> {
  await checkDocumentAccess(env, 'mail.mail', ids, 'write');
  await env.cr('mail_mail').whereIn('id', ids).whereIn('state', ['outgoing', 'exception', 'cancel']).update({
    state: 'outgoing', attempts: 0, failure_reason: null, next_attempt_ms: 0,
    claimed_by: null, claimed_until_ms: null, write_uid: env.uid, write_date: utcStamp(),
  });
  await mailQueuedHook(env);
  return true;
}

export async function cancelMails(env: Env, ids: number[]): Promise<true> {
  await checkDocumentAccess(env, 'mail.mail', ids, 'write');
  await env.cr('mail_mail').whereIn('id', ids).whereIn('state', ['outgoing', 'exception'])
    .update({ state: 'cancel', write_uid: env.uid, write_date: utcStamp() });
  return true;
}
