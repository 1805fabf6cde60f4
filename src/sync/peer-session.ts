// Talking to one peer as any OpenERP client would: `common.login` with the configured login,
// then `object.execute_kw` with (db, uid, password). Outcomes are sorted into the reasons a
// person can act on: unreachable, wrong database, bad login, missing rights, refused.
import type { RpcValue } from '../values';
import { endpoint, xmlRpcCall, type CallOptions, type CallOutcome } from './client';

export interface PeerAccess {
  url: string;
  database: string;
  login: string;
  password: string;
}

export type PeerFailureKind = 'unreachable' | 'database' | 'login' | 'rights' | 'refused';

export type PeerResult =
  | { ok: true; value: RpcValue }
  | { ok: false; kind: PeerFailureKind; message: string };

/** Failures about the configuration rather than about one message: retried only slowly. */
export const BLOCKING_FAILURES: ReadonlySet<PeerFailureKind> = new Set(['database', 'login', 'rights']);

const fail = (kind: PeerFailureKind, message: string): PeerResult => ({ ok: false, kind, message });

export class PeerSession {
  private uid: number | null = null;

  constructor(private readonly access: PeerAccess, private readonly opts: CallOptions) {}

  private async call(service: string, method: string, params: RpcValue[]): Promise<CallOutcome> {
    const url = endpoint(this.access.url, service);
    if (!url) return { kind: 'network', message: `"${this.access.url}" is not an http:// or https:// address` };
    return xmlRpcCall(url, method, params, this.opts);
  }

  /** Our uid on the peer (logged in once per session). */
  async login(): Promise<PeerResult> {
    if (this.uid !== null) return { ok: true, value: this.uid };
    const { database, login, password } = this.access;
    const out = await this.call('common', 'login', [database, login, password]);
    if (out.kind === 'network') return fail('unreachable', out.message);
    if (out.kind === 'fault') {
      // OpenERP answers a login on a missing database with a fault, not False.
      return (await this.databaseMissing()) ? missingDatabase(database) : fail('refused', faultText(out));
    }
    if (typeof out.value !== 'number' || out.value <= 0) {
      if (await this.databaseMissing()) return missingDatabase(database);
      return fail('login', `the peer refused the login "${login}" (wrong login or password)`);
    }
    this.uid = out.value;
    return { ok: true, value: this.uid };
  }

  /** True only when the peer says so; a peer that does not answer db_exist is given the benefit. */
  private async databaseMissing(): Promise<boolean> {
    const out = await this.call('db', 'db_exist', [this.access.database]);
    return out.kind === 'ok' && out.value === false;
  }

  async execute(model: string, method: string, args: RpcValue[], kwargs?: Record<string, RpcValue>): Promise<PeerResult> {
    for (let attempt = 0; attempt < 2; attempt++) {
      const uid = await this.login();
      if (!uid.ok) return uid;
      const { database, password } = this.access;
      const params: RpcValue[] = [database, uid.value, password, model, method, args];
      if (kwargs) params.push(Object.assign(Object.create(null), kwargs) as Record<string, RpcValue>);
      const out = await this.call('object', 'execute_kw', params);
      if (out.kind === 'network') return fail('unreachable', out.message);
      if (out.kind === 'ok') return { ok: true, value: out.value };
      if (isAccessDenied(out)) {
        // The password may have changed on the peer since we logged in: log in again, once.
        this.uid = null;
        if (attempt === 0) continue;
        return fail('login', 'the peer refused our credentials');
      }
      if (out.code === 4) return fail('rights', faultText(out));
      return fail('refused', faultText(out));
    }
    return fail('login', 'the peer refused our credentials');
  }
}

function missingDatabase(database: string): PeerResult {
  return fail('database', `the peer has no database "${database}"`);
}

function isAccessDenied(out: Extract<CallOutcome, { kind: 'fault' }>): boolean {
  return out.code === 3 || out.code === 'AccessDenied';
}

/** The useful line of a fault: its message, without a pseudo-traceback's header. */
export function faultText(out: Extract<CallOutcome, { kind: 'fault' }>): string {
  const text = out.message || String(out.code);
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
  const last = text.startsWith('Traceback') ? lines[lines.length - 1] : text.trim();
  return (last || `fault ${String(out.code)}`).slice(0, 2000);
}
