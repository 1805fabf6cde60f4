// A raw HTTP/1.1 client on a TCP socket, for requests real clients would never send: partial,
// slow, oversized or chunked bodies. Resolves with the first response, or with what happened.
import { connect } from 'node:net';

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface RawOptions {
  /** Pieces written in order; a number is a pause in milliseconds between pieces. */
  pieces: (string | Buffer | number)[];
  /** Give up after this long (the test then fails on `timedOut`). */
  timeoutMs?: number;
}

export type RawResult = { response: RawResponse } | { closed: true; error?: string } | { timedOut: true };

function parse(buf: Buffer, head = false): RawResponse | null {
  const end = buf.indexOf('\r\n\r\n');
  if (end < 0) return null;
  const [statusLine, ...lines] = buf.subarray(0, end).toString('latin1').split('\r\n');
  const headers: Record<string, string> = {};
  for (const l of lines) {
    const i = l.indexOf(':');
    headers[l.slice(0, i).trim().toLowerCase()] = l.slice(i + 1).trim();
  }
  const length = head ? 0 : Number(headers['content-length'] ?? 0);
  const body = buf.subarray(end + 4);
  if (body.length < length) return null;
  return { status: Number(statusLine.split(' ')[1]), headers, body: body.subarray(0, length).toString('utf8') };
}

export function rawRequest(port: number, opts: RawOptions): Promise<RawResult> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let received = Buffer.alloc(0);
    let done = false;
    // A response to HEAD announces a length but carries no body.
    const head = String(opts.pieces[0]).startsWith('HEAD ');
    const finish = (r: RawResult) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(r);
    };
    const timer = setTimeout(() => finish({ timedOut: true }), opts.timeoutMs ?? 5000);
    socket.on('data', (chunk) => {
      received = Buffer.concat([received, chunk]);
      const response = parse(received, head);
      if (response) finish({ response });
    });
    socket.on('error', (e) => {
      const response = parse(received, head);
      finish(response ? { response } : { closed: true, error: (e as NodeJS.ErrnoException).code });
    });
    socket.on('close', () => {
      const response = parse(received, head);
      finish(response ? { response } : { closed: true });
    });
    socket.on('connect', async () => {
      for (const piece of opts.pieces) {
        if (done) return;
        if (typeof piece === 'number') {
          await new Promise((r) => setTimeout(r, piece).unref());
        } else if (!socket.write(piece)) {
          await new Promise((r) => { socket.once('drain', r); socket.once('close', r); });
        }
      }
    });
  });
}

/** A complete POST with a Content-Length. */
export function post(path: string, body: string | Buffer, headers: Record<string, string> = {}): (string | Buffer)[] {
  const data = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  const extra = Object.entries({ 'Content-Type': 'text/xml', ...headers }).map(([k, v]) => `${k}: ${v}\r\n`).join('');
  return [`POST ${path} HTTP/1.1\r\nHost: localhost\r\n${extra}Content-Length: ${data.length}\r\n\r\n`, data];
}
