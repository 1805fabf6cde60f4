// JSON-RPC to the server, as Odoo's web client speaks it: one envelope, faults turned into
// RpcError with the server's message, and a lost connection retried until it comes back.

export interface FaultData { name: string; message: string; arguments?: unknown[] }

export class RpcError extends Error {
  constructor(readonly code: number, readonly data: FaultData) { super(data.message); }
  get sessionExpired(): boolean { return this.code === 100; }
}

type ConnectionListener = (lost: boolean) => void;
const listeners = new Set<ConnectionListener>();
export function onConnectionChange(fn: ConnectionListener): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

let nextId = 1;
const RETRY_MS = [500, 1000, 2000, 4000, 5000];

async function post(url: string, body: string): Promise<Response> {
  for (let attempt = 0; ; attempt++) {
    try {
      const res = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body, credentials: 'same-origin' });
      if (attempt > 0) listeners.forEach((l) => l(false));
      return res;
    } catch {
      // fetch rejects only when no answer came at all: say so, and try again.
      listeners.forEach((l) => l(true));
      await new Promise((r) => setTimeout(r, RETRY_MS[Math.min(attempt, RETRY_MS.length - 1)]));
    }
  }
}

export async function rpc<T = unknown>(url: string, params: Record<string, unknown> = {}): Promise<T> {
  const res = await post(url, JSON.stringify({ jsonrpc: '2.0', method: 'call', params, id: nextId++ }));
  let payload: { result?: T; error?: { code: number; message: string; data?: FaultData } };
  try {
    payload = await res.json();
  } catch {
    throw new RpcError(res.status, { name: 'HTTPError', message: `${res.status} ${res.statusText}` });
  }
  if (payload.error) {
    throw new RpcError(payload.error.code, payload.error.data ?? { name: 'Error', message: payload.error.message });
  }
  return payload.result as T;
}

export interface UserContext { lang?: string; tz?: string | false; uid?: number; [k: string]: unknown }
export interface SessionInfo { uid: number | false | null; db: string; username: string; name?: string; user_context: UserContext; partner_id?: number }

/** The context added to every model call: the user's, with the language the person chose. */
let callContext: UserContext = {};
export function setCallContext(ctx: UserContext): void { callContext = ctx; }
export function getCallContext(): UserContext { return callContext; }

export function callKw<T = unknown>(model: string, method: string, args: unknown[], kwargs: Record<string, unknown> = {}): Promise<T> {
  const context = { ...callContext, ...(kwargs.context as object | undefined) };
  return rpc<T>(`/web/dataset/call_kw/${model}/${method}`, { model, method, args, kwargs: { ...kwargs, context } });
}
