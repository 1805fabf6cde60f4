// A stand-in peer center on a real loopback port, speaking XML-RPC through our codec: it logs in
// one user, answers db_exist, and receives sync envelopes like a real center (each key applied
// once, a refused message stopping its stream). Tests switch it off, make it refuse, or make it
// drop its answer after applying.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LoopbackServer, readBody } from '../../../support/loopback-server';
import { parseMethodCall, serializeFault, serializeResponse } from '../../../../src/rpc/codec';
import { isStruct, newStruct, type RpcStruct, type RpcValue } from '../../../../src/values';

export interface Received {
  key: string;
  from: string;
  stream: string;
  kind: string;
  data: RpcStruct;
}

export class FakePeer {
  readonly database = 'peerdb';
  readonly login = 'peer';
  password = 'peer-secret';
  /** Every message applied, in the order applied (repeats are not applied again). */
  readonly received: Received[] = [];
  /** Every key that arrived, repeats included. */
  readonly arrivals: string[] = [];
  logins = 0;
  calls = 0;
  /** Refuses (as a business error) the messages for which it returns a reason. */
  refuse: (m: Received) => string | null = () => null;
  /** Bodies larger than this get HTTP 413, as our transport answers them. */
  maxBodyBytes = Infinity;
  /** Applies the call, then cuts the connection instead of answering (the sender never knows). */
  dropAnswer: (callNo: number) => boolean = () => false;
  /** Answers calls to /object this much later (a slow peer). */
  objectDelayMs = 0;
  private readonly applied = new Map<string, RpcValue>();
  private readonly listener = new LoopbackServer((req, res) => { void this.handle(req, res); });

  get port(): number {
    return this.listener.port;
  }

  get url(): string {
    return this.listener.url;
  }

  async start(): Promise<this> {
    await this.listener.start();
    return this;
  }

  /** Stops listening: calls are refused at the TCP level until `start()` again (same port). */
  async stop(): Promise<void> {
    await this.listener.stop();
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req);
    if (body.length > this.maxBodyBytes) {
      res.writeHead(413, { 'Content-Type': 'text/plain' });
      res.end('Payload Too Large\n');
      return;
    }
    const { methodName, params } = parseMethodCall(body);
    const answer = this.answer(req.url ?? '', methodName, params);
    if (this.objectDelayMs > 0 && (req.url ?? '').endsWith('/object')) {
      await new Promise((resolve) => setTimeout(resolve, this.objectDelayMs));
    }
    if (answer === 'drop') {
      req.socket.destroy();
      return;
    }
    res.writeHead(200, { 'Content-Type': 'text/xml' });
    res.end(answer);
  }

  private answer(path: string, method: string, params: RpcValue[]): string | 'drop' {
    if (path.endsWith('/common') && method === 'version') {
      return serializeResponse(Object.assign(newStruct(), { server_version: '7.0' }));
    }
    if (path.endsWith('/db') && method === 'db_exist') return serializeResponse(params[0] === this.database);
    if (path.endsWith('/common') && method === 'login') {
      this.logins++;
      if (params[0] !== this.database) return serializeFault(1, `OperationalError: database "${String(params[0])}" does not exist`);
      return serializeResponse(params[1] === this.login && params[2] === this.password ? 7 : false);
    }
    if (path.endsWith('/object') && method === 'execute_kw') {
      if (params[1] !== 7 || params[2] !== this.password) return serializeFault(3, 'Access Denied');
      if (params[4] === 'sync_hello') return serializeResponse(Object.assign(newStruct(), { code: 'SC' }));
      this.calls++;
      const results = this.receive((params[5] as RpcValue[])[0] as RpcValue[]);
      return this.dropAnswer(this.calls) ? 'drop' : serializeResponse(results);
    }
    return serializeFault(1, `unexpected ${path} ${method}`);
  }

  private receive(envelopes: RpcValue[]): RpcStruct[] {
    const stopped = new Set<string>();
    return envelopes.map((e) => {
      const m = e as unknown as Received;
      this.arrivals.push(m.key);
      const out = Object.assign(newStruct(), { key: m.key, status: 'applied', result: false, error: false }) as RpcStruct;
      if (this.applied.has(m.key)) return Object.assign(out, { status: 'duplicate', result: this.applied.get(m.key)! });
      if (stopped.has(m.stream)) return Object.assign(out, { status: 'skipped' });
      const why = this.refuse(m);
      if (why) {
        stopped.add(m.stream);
        return Object.assign(out, { status: 'refused', error: why });
      }
      this.received.push({ key: m.key, from: m.from, stream: m.stream, kind: m.kind, data: isStruct(m.data) ? m.data : newStruct() });
      const result = Object.assign(newStruct(), { ref: 1000 + this.received.length });
      this.applied.set(m.key, result);
      return Object.assign(out, { result });
    });
  }
}
