// The XML-RPC transport over HTTP: POST only (405 otherwise), bounded bodies (413 before
// buffering more, chunked accepted), a deadline for slow bodies (408), every answer 200 text/xml.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Dispatcher } from '../dispatch';
import { resolveRoute } from '../routes';
import { clientAddress } from './client-address';
import { bodyReader, plain, type ToExpress } from './http-body';

const XML_TYPE = 'text/xml; charset=utf-8';

export interface XmlRpcTransportOptions {
  dispatcher: Dispatcher;
  maxBodyBytes: number;
  /** A body not fully received after this long is refused with 408 and the connection closed. */
  bodyTimeoutMs: number;
  /** True once the server is stopping: answers then close their connection. */
  stopping?: () => boolean;
  /** Behind a reverse proxy: the caller's address is the last one of X-Forwarded-For. */
  proxyMode?: boolean;
  /** Gives the request and response Express's methods, for the answers other than 200. */
  toExpress: ToExpress;
}

/** Takes a request Express has not seen; `next` hands it on when it is no XML-RPC call. */
export type XmlRpcHandler = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

/**
 * The path of a request target, as Express's req.path reads it, when the target is a plain
 * `/path?query`; null for anything else (Express's parser then reads it).
 */
function plainPath(url: string | undefined): string | null {
  if (url === undefined || url[0] !== '/' || /[\t\n\f\r #\u00a0\ufeff]/.test(url)) return null;
  const query = url.indexOf('?');
  return query < 0 ? url : url.slice(0, query);
}

/**
 * One plain handler rather than a Router: an XML-RPC call goes through no routing layer of its
 * own, and its answer is written with one writeHead and one end (no res.send bookkeeping). A call
 * answered 200 keeps Node's own request and response: Express's methods are given only to the
 * other answers.
 */
export function xmlRpcTransport(opts: XmlRpcTransportOptions): XmlRpcHandler {
  const { toExpress } = opts;
  const readBody = bodyReader(opts, toExpress);
  return (req, res, next) => {
    const route = resolveRoute(plainPath(req.url) ?? toExpress(req, res).req.path);
    if (!route) return next();
    if (req.method !== 'POST') {
      const answer = toExpress(req, res).res;
      answer.set('Allow', 'POST');
      return plain(answer, 405, 'Method Not Allowed');
    }
    // Any content type: Python and 7.0 clients send text/xml, others nothing useful; XML is checked by the codec.
    readBody(req, res, (body) => {
      opts.dispatcher.handle(route, body, clientAddress(req, opts.proxyMode ?? false)).then((xml) => {
        if (res.headersSent || res.destroyed) return;
        // The text goes out as it is: Node writes the head and a string body in one write, and
        // encodes the string straight into the socket (no Buffer of the answer in between).
        const length = Buffer.byteLength(xml, 'utf8');
        res.writeHead(200, opts.stopping?.()
          ? { 'Content-Type': XML_TYPE, 'X-Content-Type-Options': 'nosniff', Connection: 'close', 'Content-Length': length }
          : { 'Content-Type': XML_TYPE, 'X-Content-Type-Options': 'nosniff', 'Content-Length': length });
        res.end(xml, 'utf8');
      }, () => plain(toExpress(req, res).res, 500, 'Internal Server Error'));
    });
  };
}
