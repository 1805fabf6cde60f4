// The outbound queue. A message is written in the caller's transaction, beside the change it
// reports, so it exists exactly when the change does; the sender delivers it later. Each one
// carries a random key the peer records once applied (exactly once in effect).
import { randomUUID } from 'node:crypto';
import type { Env } from '../orm/env-types';
import type { Registry } from '../orm/registry';
import { UserError } from '../errors';
import type { RpcStruct } from '../values';
import { utcStamp } from '../db/clock';
import { syncQueued } from './wakeup';

export interface RecordRef {
  model: string;
  id: number;
}

export interface OutboundMessage {
  /** The configuration record of the peer (url, database, login, password, active). */
  peer: RecordRef;
  /** Messages of one stream reach the peer one after the other, in the order they were queued. */
  stream: string;
  /** The peer's public method that receives it: `model.method([envelopes])`. */
  model: string;
  method: string;
  kind: string;
  data: RpcStruct;
  /** Where the `ref` of the peer's answer is written once delivered (e.g. the peer's id). */
  reply?: RecordRef & { field: string };
}

export interface OutboxRow {
  id: number;
  peer_table: string;
  peer_id: number;
  stream: string;
  msg_key: string;
  model: string;
  method: string;
  kind: string;
  payload: string;
  reply_table: string | null;
  reply_id: number | null;
  reply_field: string | null;
  state: 'pending' | 'done' | 'failed';
  attempts: number;
  next_attempt_ms: number;
}

export function tableOf(env: Env, model: string): string {
  const registry = env.registry as Registry;
  if (!registry.has(model)) throw new UserError(`Object ${model} doesn't exist`, 'Object Error');
  return registry.model(model).table;
}

/** Queues `msg` in env's transaction; returns its key. The sender wakes once it commits. */
export async function enqueue(env: Env, msg: OutboundMessage): Promise<string> {
  const key = randomUUID();
  const reply = msg.reply;
  await env.cr('sync_outbox').insert({
    peer_table: tableOf(env, msg.peer.model),
    peer_id: msg.peer.id,
    stream: msg.stream,
    msg_key: key,
    model: msg.model,
    method: msg.method,
    kind: msg.kind,
    payload: JSON.stringify(msg.data),
    reply_table: reply ? tableOf(env, reply.model) : null,
    reply_id: reply ? reply.id : null,
    reply_field: reply ? reply.field : null,
    state: 'pending',
    attempts: 0,
    next_attempt_ms: 0,
    create_date: utcStamp(),
  });
  const dbName = env.dbName;
  env.afterCommit(() => syncQueued.notify(dbName));
  return key;
}

export function normalizeRow(r: OutboxRow): OutboxRow {
  return {
    ...r,
    id: Number(r.id),
    peer_id: Number(r.peer_id),
    reply_id: r.reply_id === null ? null : Number(r.reply_id),
    attempts: Number(r.attempts),
    next_attempt_ms: Number(r.next_attempt_ms),
  };
}
