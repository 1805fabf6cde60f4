// Reading a request body under a size limit and a deadline, shared by the XML-RPC and JSON-RPC
// transports: 413 before buffering more than the limit (chunked bodies included), 408 for slow
// bodies, 415 for an unknown content encoding; the connection is dropped after such an answer.
import type { IncomingMessage, ServerResponse } from 'node:http';
import express, { type Request, type Response } from 'express';

export interface BodyLimits {
  maxBodyBytes: number;
  /** A body not fully received after this long is refused with 408 and the connection closed. */
  bodyTimeoutMs: number;
}

export function plain(res: Response, status: number, text: string): void {
  if (res.headersSent) return;
  res.status(status).set('Content-Type', 'text/plain; charset=utf-8').send(`${text}\n`);
}

const CUT_DELAY_MS = 500;

/**
 * Answers and drops the connection: the rest of the body will never be read. The socket is cut a
 * moment after the answer is out, so the client can read it before the connection resets.
 */
export function refuse(req: Request, res: Response, status: number, text: string): void {
  if (res.headersSent) return;
  res.set('Connection', 'close');
  res.once('finish', () => setTimeout(() => req.socket.destroy(), CUT_DELAY_MS).unref());
  plain(res, status, text);
}

/** Maps a body-reading failure (body-parser's error types) to its HTTP answer. */
function bodyError(err: unknown, req: Request, res: Response): void {
  const e = err as { type?: string; status?: number };
  if (e.type === 'request.aborted') return; // the client left: nobody to answer
  if (e.type === 'entity.too.large') return refuse(req, res, 413, 'Payload Too Large');
  if (e.type === 'encoding.unsupported') return refuse(req, res, 415, 'Unsupported Content-Encoding');
  const status = typeof e.status === 'number' && e.status >= 400 && e.status < 500 ? e.status : 400;
  refuse(req, res, status, 'Bad Request');
}

/**
 * Gives a bare request and its response Express's methods (what Express's app.handle does first),
 * for the answers written with them. The XML-RPC transport calls it only when it needs them: Node's
 * HTTP code runs markedly slower on requests and responses whose prototype was changed.
 */
export type ToExpress = (req: IncomingMessage, res: ServerResponse) => { req: Request; res: Response };

/** Requests that came through Express's router have its methods already. */
const THROUGH_EXPRESS: ToExpress = (req, res) => ({ req: req as Request, res: res as Response });

export type BodyReader = (req: IncomingMessage, res: ServerResponse, onBody: (body: Buffer) => void) => void;

/**
 * A reader of whole bodies under `limits`, built once per transport: body-parser's reader is made
 * here, not on every request. On any failure the answer is already sent and `onBody` is not called.
 * A plain sized body is read with Node's methods only; anything else goes through `toExpress` first.
 */
export function bodyReader(limits: BodyLimits, toExpress: ToExpress = THROUGH_EXPRESS): BodyReader {
  // Any content type: each transport checks what it accepts.
  const readBody = express.raw({ type: () => true, limit: limits.maxBodyBytes });
  return (bare, bareRes, onBody) => {
    const refused = (status: number, text: string): void => {
      const { req, res } = toExpress(bare, bareRes);
      refuse(req, res, status, text);
    };
    const declared = Number(bare.headers['content-length']);
    if (declared > limits.maxBodyBytes) return refused(413, 'Payload Too Large');
    const deadline = setTimeout(() => refused(408, 'Request Timeout'), limits.bodyTimeoutMs);
    deadline.unref();
    if (isPlainSized(bare)) return readSized(bare, bareRes, declared, deadline, refused, onBody);
    const { req, res } = toExpress(bare, bareRes);
    // body-parser reads an oversized chunked body to its end before failing; count the bytes as
    // they come (listening after readBody started, so no chunk is missed) and refuse at once.
    let received = 0;
    const count = (chunk: Buffer): void => {
      received += chunk.length;
      if (received > limits.maxBodyBytes) {
        req.off('data', count);
        refuse(req, res, 413, 'Payload Too Large');
      }
    };
    readBody(req, res, (err?: unknown) => {
      clearTimeout(deadline);
      req.off('data', count);
      if (res.headersSent) return;
      if (err) return bodyError(err, req, res);
      onBody(Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0));
    });
    req.on('data', count);
  };
}

/**
 * A body of a declared length and no content or transfer encoding (what XML-RPC clients send):
 * read here without body-parser's machinery. Anything else (chunked, gzip, ...) goes through it.
 */
function isPlainSized(req: IncomingMessage): boolean {
  const h = req.headers;
  return h['content-encoding'] === undefined && h['transfer-encoding'] === undefined
    && h['content-length'] !== undefined && /^\d+$/.test(h['content-length']);
}

/** Node's parser delivers at most the declared length; fewer bytes means the client left. */
function readSized(req: IncomingMessage, res: ServerResponse, declared: number, deadline: NodeJS.Timeout,
  refused: (status: number, text: string) => void, onBody: (body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  let size = 0;
  const onData = (chunk: Buffer): void => {
    chunks.push(chunk);
    size += chunk.length;
  };
  let done = false;
  // Once done, only the data listener goes: a late 'error' still finds a listener that ignores it.
  const finish = (): boolean => {
    if (done) return false;
    done = true;
    clearTimeout(deadline);
    req.off('data', onData);
    return true;
  };
  function onEnd(): void {
    if (!finish() || res.headersSent) return;
    if (size !== declared) return refused(400, 'Bad Request');
    onBody(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, size));
  }
  // The client left: nobody to answer.
  function onAborted(): void {
    finish();
  }
  function onError(): void {
    if (finish() && !req.destroyed) refused(400, 'Bad Request');
  }
  req.on('data', onData);
  req.on('end', onEnd);
  req.on('aborted', onAborted);
  req.on('error', onError);
}
