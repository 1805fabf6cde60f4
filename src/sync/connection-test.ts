// Checking a peer configuration by hand: reach the server, find the database, log in, and ask
// the peer who it is through a method only the peer group may call. The first step that fails
// names the reason.
import { isStruct, newStruct, type RpcStruct } from '../values';
import { endpoint, xmlRpcCall, type CallOptions } from './client';
import { PeerSession, type PeerAccess } from './peer-session';

export type ConnectionReason = 'ok' | 'unreachable' | 'database' | 'login' | 'rights' | 'refused' | 'code';

export interface ConnectionReport {
  ok: boolean;
  reason: ConnectionReason;
  message: string;
  /** The center code the peer answered with, when it got that far. */
  remoteCode: string | null;
}

export interface ConnectionProbe {
  /** A public method of the peer that answers `{ code }` and refuses anyone outside the peer group. */
  model: string;
  method: string;
  /** The code our configuration expects the peer to have. */
  expectedCode: string;
}

export async function testConnection(access: PeerAccess, probe: ConnectionProbe, opts: CallOptions): Promise<ConnectionReport> {
  const report = (reason: ConnectionReason, message: string, remoteCode: string | null = null): ConnectionReport =>
    ({ ok: reason === 'ok', reason, message, remoteCode });
  const url = endpoint(access.url, 'common');
  if (!url) return report('unreachable', `"${access.url}" is not an http:// or https:// address`);
  const version = await xmlRpcCall(url, 'version', [], opts);
  if (version.kind !== 'ok' || !isStruct(version.value)) {
    const why = version.kind === 'network' ? version.message : 'it does not answer as an OpenERP server';
    return report('unreachable', `The server at ${access.url} cannot be reached: ${why}`);
  }
  const session = new PeerSession(access, opts);
  const res = await session.execute(probe.model, probe.method, []);
  if (!res.ok) return report(res.kind, res.message);
  const code = isStruct(res.value) && typeof res.value.code === 'string' ? res.value.code : null;
  if (code !== probe.expectedCode) {
    return report('code', `The peer calls itself "${code ?? '?'}" but this configuration's code is "${probe.expectedCode}"`, code);
  }
  return report('ok', `Connected to center ${code} as "${access.login}"`, code);
}

export function reportToWire(r: ConnectionReport): RpcStruct {
  return Object.assign(newStruct(), { ok: r.ok, reason: r.reason, message: r.message, remote_code: r.remoteCode ?? false });
}
