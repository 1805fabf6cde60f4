// Our outbound XML-RPC client: one POST per call on Node's http(s), the request written and the
// answer read by our own codec. It never throws: every outcome (answer, fault, network failure)
// is a value, and no outcome carries the call's parameters (they hold the peer password).
import http from 'node:http';
import https from 'node:https';
import { parseMethodResponse, serializeMethodCall } from '../rpc/codec';
import type { RpcValue } from '../values';

export type CallOutcome =
  | { kind: 'ok'; value: RpcValue }
  | { kind: 'fault'; code: number | string; message: string }
  /** Nothing usable came back: refused, reset, timed out, not HTTP 200, not XML-RPC. */
  | { kind: 'network'; message: string };

export interface CallOptions {
  timeoutMs: number;
  maxResponseBytes: number;
}

/** `http://host:port[/prefix]` + `/xmlrpc/2/<service>`; null when the address is not http(s). */
export function endpoint(serverUrl: string, service: string): URL | null {
  let url: URL;
  try {
    url = new URL(serverUrl.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  url.pathname = `${url.pathname.replace(/\/+$/, '')}/xmlrpc/2/${service}`;
  url.search = '';
  url.hash = '';
  return url;
}

export function xmlRpcCall(url: URL, method: string, params: RpcValue[], opts: CallOptions): Promise<CallOutcome> {
  const body = Buffer.from(serializeMethodCall(method, params), 'utf8');
  const transport = url.protocol === 'https:' ? https : http;
  return new Promise((resolve) => {
    let settled = false;
    const done = (outcome: CallOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(outcome);
    };
    const req = transport.request(url, {
      method: 'POST',
      agent: false,
      headers: { 'Content-Type': 'text/xml', 'Content-Length': body.length, Connection: 'close' },
    }, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > opts.maxResponseBytes) {
          done({ kind: 'network', message: `the answer is larger than ${opts.maxResponseBytes} bytes` });
          req.destroy();
          return;
        }
        chunks.push(chunk);
      });
      res.on('error', (err) => done({ kind: 'network', message: networkText(err) }));
      res.on('end', () => {
        if (res.statusCode === 413) {
          // Deterministic: sending the same call again would be refused again.
          done({ kind: 'fault', code: 413, message: `the peer refuses a call this large (HTTP 413, ${body.length} bytes)` });
          return;
        }
        if (res.statusCode !== 200) {
          done({ kind: 'network', message: `HTTP ${res.statusCode ?? '?'} from ${url.host}` });
          return;
        }
        done(readAnswer(Buffer.concat(chunks), opts.maxResponseBytes));
      });
      res.on('aborted', () => done({ kind: 'network', message: 'the connection closed before the answer ended' }));
    });
    // A timer over the whole call (a socket timeout alone would let a trickling answer run on).
    const timer = setTimeout(() => {
      done({ kind: 'network', message: `no answer within ${opts.timeoutMs} ms` });
      req.destroy();
    }, opts.timeoutMs);
    req.on('error', (err) => done({ kind: 'network', message: networkText(err) }));
    req.end(body);
  });
}

function readAnswer(body: Buffer, maxBytes: number): CallOutcome {
  try {
    const parsed = parseMethodResponse(body, { maxBodyBytes: maxBytes, maxStringLength: maxBytes });
    return parsed.ok
      ? { kind: 'ok', value: parsed.value }
      : { kind: 'fault', code: parsed.faultCode, message: parsed.faultString };
  } catch (err) {
    return { kind: 'network', message: `not an XML-RPC answer (${(err as Error).message})` };
  }
}

function networkText(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  const known: Record<string, string> = {
    ECONNREFUSED: 'connection refused',
    ECONNRESET: 'connection reset',
    ENOTFOUND: 'host not found',
    EAI_AGAIN: 'host name lookup failed',
    EHOSTUNREACH: 'host unreachable',
    ETIMEDOUT: 'connection timed out',
    EPIPE: 'connection closed',
  };
  return (e?.code && known[e.code]) || e?.message || 'network error';
}
