// The XML-RPC transport over HTTP: POST only (405 otherwise), bounded bodies (413 before
// buffering more, chunked accepted), a deadline for slow bodies (408), every answer 200 text/xml.
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import type { Dispatcher } from '../dispatch';
import { resolveRoute } from '../routes';
import { clientAddress } from './client-address';

export interface XmlRpcTransportOptions {
  dispatcher: Dispatcher;
  maxBodyBytes: number;
  /** A body not fully received after this long is refused with 408 and the connection closed. */
  bodyTimeoutMs: number;
  /** True once the server is stopping: answers then close their connection. */
  stopping?: () => boolean;
  /** Behind a reverse proxy: the caller's address is the last one of X-Forwarded-For. */
  proxyMode?: boolean;
}

function plain(res: Response, status: number, text: string): void {
  if (res.headersSent) return;
  res.status(status).set('Content-Type', 'text/plain; charset=utf-8').send(`${text}\n`);
}

/**
 * Answers and drops the connection: the rest of the body will never be read. The socket is cut a
 * moment after the answer is out, so the client can read it before the connection resets.
 */
function refuse(req: Request, res: Response, status: number, text: string): void {
  if (res.headersSent) return;
  res.set('Connection', 'close');
  res.once('finish', () => setTimeout(() => req.socket.destroy(), CUT_DELAY_MS).unref());
  plain(res, status, text);
}

const CUT_DELAY_MS = 500;

/** Maps a body-reading failure (body-parser's error types) to its HTTP answer. */
function bodyError(err: unknown, req: Request, res: Response): void {
  const e = err as { type?: string; status?: number };
  if (e.type === 'request.aborted') return; // the client left: nobody to answer
  if (e.type === 'entity.too.large') return refuse(req, res, 413, 'Payload Too Large');
  if (e.type === 'encoding.unsupported') return refuse(req, res, 415, 'Unsupported Content-Encoding');
  const status = typeof e.status === 'number' && e.status >= 400 && e.status < 500 ? e.status : 400;
  refuse(req, res, status, 'Bad Request');
}

export function xmlRpcTransport(opts: XmlRpcTransportOptions): Router {
  const router = express.Router();
  // Any content type: Python and 7.0 clients send text/xml, others nothing useful; XML is checked by the codec.
  const readBody = express.raw({ type: () => true, limit: opts.maxBodyBytes });

  router.use((req: Request, res: Response, next: NextFunction) => {
    const route = resolveRoute(req.path);
    if (!route) return next();
    if (req.method !== 'POST') {
      res.set('Allow', 'POST');
      return plain(res, 405, 'Method Not Allowed');
    }
    const declared = Number(req.headers['content-length']);
    if (declared > opts.maxBodyBytes) return refuse(req, res, 413, 'Payload Too Large');
    const deadline = setTimeout(() => refuse(req, res, 408, 'Request Timeout'), opts.bodyTimeoutMs);
    deadline.unref();

    readBody(req, res, (err?: unknown) => {
      clearTimeout(deadline);
      req.off('data', count);
      if (res.headersSent) return;
      if (err) return bodyError(err, req, res);
      const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      opts.dispatcher.handle(route, body, clientAddress(req, opts.proxyMode ?? false)).then((xml) => {
        if (res.headersSent || res.destroyed) return;
        res.status(200).set({ 'Content-Type': 'text/xml; charset=utf-8', 'X-Content-Type-Options': 'nosniff' });
        if (opts.stopping?.()) res.set('Connection', 'close');
        res.send(Buffer.from(xml, 'utf8'));
      }, () => plain(res, 500, 'Internal Server Error'));
    });
    // body-parser reads an oversized chunked body to its end before failing; count the bytes as
    // they come (listening after readBody started, so no chunk is missed) and refuse at once.
    let received = 0;
    function count(chunk: Buffer): void {
      received += chunk.length;
      if (received > opts.maxBodyBytes) {
        req.off('data', count);
        refuse(req, res, 413, 'Payload Too Large');
      }
    }
    req.on('data', count);
  });
  return router;
}
