// Reading a request body under a size limit and a deadline, shared by the XML-RPC and JSON-RPC
// transports: 413 before buffering more than the limit (chunked bodies included), 408 for slow
// bodies, 415 for an unknown content encoding; the connection is dropped after such an answer.
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

export type BodyReader = (req: Request, res: Response, onBody: (body: Buffer) => void) => void;

/**
 * A reader of whole bodies under `limits`, built once per transport: body-parser's reader is made
 * here, not on every request. On any failure the answer is already sent and `onBody` is not called.
 */
export function bodyReader(limits: BodyLimits): BodyReader {
  // Any content type: each transport checks what it accepts.
  const readBody = express.raw({ type: () => true, limit: limits.maxBodyBytes });
  return (req, res, onBody) => {
    const declared = Number(req.headers['content-length']);
    if (declared > limits.maxBodyBytes) return refuse(req, res, 413, 'Payload Too Large');
    const deadline = setTimeout(() => refuse(req, res, 408, 'Request Timeout'), limits.bodyTimeoutMs);
    deadline.unref();
    if (isPlainSized(req)) return readSized(req, res, declared, deadline, onBody);
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
function isPlainSized(req: Request): boolean {
  const h = req.headers;
  return h['content-encoding'] === undefined && h['transfer-encoding'] === undefined
    && h['content-length'] !== undefined && /^\d+$/.test(h['content-length']);
}

/** Node's parser delivers at most the declared length; fewer bytes means the client left. */
function readSized(req: Request, res: Response, declared: number, deadline: NodeJS.Timeout,
  onBody: (body: Buffer) => void): void {
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
    if (size !== declared) return refuse(req, res, 400, 'Bad Request');
    onBody(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, size));
  }
  // The client left: nobody to answer.
  function onAborted(): void {
    finish();
  }
  function onError(): void {
    if (finish() && !req.destroyed) refuse(req, res, 400, 'Bad Request');
  }
  req.on('data', onData);
  req.on('end', onEnd);
  req.on('aborted', onAborted);
  req.on('error', onError);
}
