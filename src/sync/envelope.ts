// The wire shape of sync between centers: a call carries a list of envelopes, the answer one
// result per envelope, in the same order. Both sides of the exchange use these definitions.
import { CallError } from '../errors';
import { isStruct, newStruct, type RpcStruct, type RpcValue } from '../values';

export interface Envelope {
  /** Unique per message: the receiver applies a key once and answers repeats from its record. */
  key: string;
  /** The sender's center code. */
  from: string;
  stream: string;
  kind: string;
  data: RpcStruct;
}

export type ResultStatus = 'applied' | 'duplicate' | 'refused' | 'skipped';

export interface EnvelopeResult {
  key: string;
  status: ResultStatus;
  /** The answer of the message (the same for a repeat); on refusal, why. */
  result: RpcValue;
  error: string | false;
}

const KEY = /^[A-Za-z0-9-]{8,64}$/;

export function toWire(e: Envelope): RpcStruct {
  return Object.assign(newStruct(), { key: e.key, from: e.from, stream: e.stream, kind: e.kind, data: e.data });
}

export function parseEnvelopes(raw: unknown): Envelope[] {
  if (!Array.isArray(raw)) throw new CallError('sync messages must be a list of structs', 'TypeError');
  return raw.map((m, i) => {
    if (!isStruct(m)) throw new CallError(`sync message ${i} is not a struct`, 'TypeError');
    const { key, from, stream, kind, data } = m;
    if (typeof key !== 'string' || !KEY.test(key)) throw new CallError(`sync message ${i} has no valid key`);
    for (const [name, v] of [['from', from], ['stream', stream], ['kind', kind]] as const) {
      if (typeof v !== 'string' || !v || v.length > 128) throw new CallError(`sync message ${i} has no valid ${name}`);
    }
    if (!isStruct(data)) throw new CallError(`sync message ${i} has no data struct`, 'TypeError');
    return { key, from: from as string, stream: stream as string, kind: kind as string, data };
  });
}

export function resultToWire(r: EnvelopeResult): RpcStruct {
  return Object.assign(newStruct(), { key: r.key, status: r.status, result: r.result, error: r.error });
}

/** The peer's answer, keyed by message key; entries that make no sense are left out. */
export function parseResults(raw: RpcValue): Map<string, EnvelopeResult> {
  const out = new Map<string, EnvelopeResult>();
  if (!Array.isArray(raw)) return out;
  for (const r of raw) {
    if (!isStruct(r) || typeof r.key !== 'string') continue;
    const status = r.status;
    if (status !== 'applied' && status !== 'duplicate' && status !== 'refused' && status !== 'skipped') continue;
    out.set(r.key, {
      key: r.key, status, result: r.result ?? false, error: typeof r.error === 'string' ? r.error : false,
    });
  }
  return out;
}
