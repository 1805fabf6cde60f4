// The address a call comes from, for login throttling and the logs: the socket's peer, or in
// proxy mode (behind a reverse proxy) the last address of X-Forwarded-For, the hop our proxy saw.
import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';

/**
 * Only the right-most X-Forwarded-For entry is trusted, as werkzeug's ProxyFix does for one proxy:
 * the entries before it are whatever the client chose to send. Without proxy mode the header is
 * ignored, or anyone could pick the address they are throttled under.
 */
export function clientAddress(req: IncomingMessage, proxyMode: boolean): string {
  const peer = req.socket.remoteAddress ?? '?';
  if (!proxyMode) return peer;
  const header = req.headers['x-forwarded-for'];
  const joined = Array.isArray(header) ? header.join(',') : header;
  if (joined === undefined) return peer;
  const hops = joined.split(',').map((hop) => hop.trim()).filter((hop) => hop !== '');
  const last = hops[hops.length - 1];
  // A proxy that writes something else than an address is misconfigured: fall back to the peer.
  return last !== undefined && isIP(last) !== 0 ? last : peer;
}
