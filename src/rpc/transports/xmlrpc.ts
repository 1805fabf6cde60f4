// The XML-RPC transport over HTTP: POST only (405 otherwise), bounded bodies (413 before
// buffering more, chunked accepted), a deadline for slow bodies (408), every answer 200 text/xml.
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import type { Dispatcher } from '../dispatch';
import { resolveRoute } from '../routes';
import { plain, readBoundedBody } from './http-body';

export interface XmlRpcTransportOptions {
  dispatcher: Dispatcher;
  maxBodyBytes: number;
  /** A body not fully received after this long is refused with 408 and the connection closed. */
  bodyTimeoutMs: number;
  /** True once the server is stopping: answers then close their connection. */
  stopping?: () => boolean;
}

export function xmlRpcTransport(opts: XmlRpcTransportOptions): Router {
  const router = express.Router();

  router.use((req: Request, res: Response, next: NextFunction) => {
    const route = resolveRoute(req.path);
    if (!route) return next();
    if (req.method !== 'POST') {
      res.set('Allow', 'POST');
      return plain(res, 405, 'Method Not Allowed');
    }
    // Any content type: Python and 7.0 clients send text/xml, others nothing useful; XML is checked by the codec.
    readBoundedBody(req, res, opts, (body) => {
      opts.dispatcher.handle(route, body, req.socket.remoteAddress ?? '?').then((xml) => {
        if (res.headersSent || res.destroyed) return;
        res.status(200).set({ 'Content-Type': 'text/xml; charset=utf-8', 'X-Content-Type-Options': 'nosniff' });
        if (opts.stopping?.()) res.set('Connection', 'close');
        res.send(Buffer.from(xml, 'utf8'));
      }, () => plain(res, 500, 'Internal Server Error'));
    });
  });
  return router;
}
