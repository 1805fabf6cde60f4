// Receiving a peer's messages: each key is applied once. The key is recorded with the answer in
// the same savepoint as the change, so a repeat (the sender never saw our answer) changes nothing
// and gets the same answer. A refused message is rolled back alone, and the later messages of
// its stream in the same call are skipped, so a stream is never applied out of order.
import { AppError } from '../errors';
import type { Env } from '../orm/env-types';
import type { OrmEnv } from '../orm/env';
import { atomic } from '../orm/records/common';
import type { RpcStruct, RpcValue } from '../values';
import { utcStamp } from '../db/clock';
import { parseEnvelopes, resultToWire, type Envelope, type EnvelopeResult } from './envelope';

/** Applies one message in env's savepoint; its return value is the answer the sender gets. */
export type InboundHandler = (env: Env, message: Envelope) => Promise<RpcValue>;

async function recorded(env: Env, key: string): Promise<{ result: RpcValue } | null> {
  const row = await env.cr('sync_applied').where({ msg_key: key }).first('result');
  if (!row) return null;
  return { result: row.result === null || row.result === undefined ? false : JSON.parse(String(row.result)) as RpcValue };
}

export async function receiveMessages(env: Env, raw: unknown, handle: InboundHandler): Promise<RpcStruct[]> {
  const messages = parseEnvelopes(raw);
  const stopped = new Set<string>();
  const out: EnvelopeResult[] = [];
  for (const message of messages) {
    const base = { key: message.key, result: false as RpcValue, error: false as string | false };
    const seen = await recorded(env, message.key);
    if (seen) {
      out.push({ ...base, status: 'duplicate', result: seen.result });
      continue;
    }
    const streamId = `${message.from}\u0000${message.stream}`;
    if (stopped.has(streamId)) {
      out.push({ ...base, status: 'skipped' });
      continue;
    }
    try {
      const result = await atomic(env as OrmEnv, async (sp) => {
        // Written first: a second delivery of the same key running at the same time waits on
        // this row (PostgreSQL) and then fails on the key, instead of applying it twice.
        await sp.cr('sync_applied').insert({
          msg_key: message.key, peer_code: message.from, kind: message.kind, result: null, create_date: utcStamp(),
        });
        const value = (await handle(sp, message)) ?? false;
        await sp.cr('sync_applied').where({ msg_key: message.key }).update({ result: JSON.stringify(value) });
        return value;
      });
      out.push({ ...base, status: 'applied', result });
    } catch (err) {
      stopped.add(streamId);
      out.push({ ...base, status: 'refused', error: refusalText(err) });
    }
  }
  return out.map(resultToWire);
}

function refusalText(err: unknown): string {
  if (err instanceof AppError) return `${err.title}: ${err.message}`.slice(0, 4000);
  // Not one of ours: a bug, or a database error (a concurrent delivery of the same key).
  return 'the message could not be applied (internal error)';
}
