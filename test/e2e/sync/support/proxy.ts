// A small HTTP proxy between two centers. It forwards each call whole to the target and, once the
// target has answered (so it committed), may cut the connection instead of passing the answer on:
// the caller cannot tell whether its call was applied. It can also hold answers until released.
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import { LoopbackServer, readBody } from '../../../support/loopback-server';

export interface ProxyOptions {
  /** Whether to drop the answer of the n-th call (1-based) after the target answered it. */
  drop?: (n: number) => boolean;
  /** Sees the body of every call passed on (to count what reached the target). */
  onBody?: (body: string) => void;
}

export class DroppingProxy {
  calls = 0;
  dropped = 0;
  /** Calls the target answered while answers were held. */
  heldAnswers = 0;
  private held: (() => void)[] | null = null;
  private holdWhen: (body: string) => boolean = () => true;
  private readonly listener = new LoopbackServer((req, res) => { void this.handle(req, res); });

  constructor(private readonly targetPort: number, private readonly opts: ProxyOptions = {}) {}

  get url(): string {
    return this.listener.url;
  }

  async start(): Promise<this> {
    await this.listener.start();
    return this;
  }

  /** From now on answers (of calls whose body `when` picks) wait, applied, until `release()`. */
  hold(when: (body: string) => boolean = () => true): void {
    this.held ??= [];
    this.holdWhen = when;
  }

  /** Answers held so far are dropped: their callers are gone. */
  release(): void {
    const held = this.held ?? [];
    this.held = null;
    for (const go of held) go();
  }

  async stop(): Promise<void> {
    this.release();
    await this.listener.stop();
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const n = ++this.calls;
    const body = await readBody(req);
    this.opts.onBody?.(body.toString('utf8'));
    let answer: { status: number; headers: http.OutgoingHttpHeaders; body: Buffer };
    try {
      answer = await forward(this.targetPort, req, body);
    } catch {
      req.socket.destroy();
      return;
    }
    if (this.held && this.holdWhen(body.toString('utf8'))) {
      this.heldAnswers++;
      await new Promise<void>((resolve) => this.held!.push(resolve));
      req.socket.destroy();
      return;
    }
    if (this.opts.drop?.(n)) {
      this.dropped++;
      req.socket.destroy();
      return;
    }
    res.writeHead(answer.status, answer.headers);
    res.end(answer.body);
  }
}

function forward(port: number, req: IncomingMessage, body: Buffer): Promise<{ status: number; headers: http.OutgoingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const out = http.request({
      host: '127.0.0.1', port, method: req.method, path: req.url,
      headers: { 'Content-Type': req.headers['content-type'] ?? 'text/xml', 'Content-Length': body.length, Connection: 'close' },
    }, (res) => {
      void readBody(res).then((b) => resolve({
        status: res.statusCode ?? 502,
        headers: { 'Content-Type': res.headers['content-type'] ?? 'text/xml', 'Content-Length': b.length },
        body: b,
      }), reject);
    });
    out.on('error', reject);
    out.end(body);
  });
}
