// A minimal XML-RPC client on our own codec and Node's http with keep-alive: what the benchmark
// speaks to the server with. A fault stops the run (a benchmark of failing calls means nothing).
import { Agent, request } from 'node:http';
import { CallError } from '../src/errors';
import { parseMethodResponse, serializeMethodCall } from '../src/rpc/codec';
import type { RpcValue } from '../src/values';

/** A reused connection closed by the server before it answered. */
class StaleConnection extends Error {}

export class RpcClient {
  private readonly agent: Agent;

  constructor(private readonly host: string, private readonly port: number, sockets: number, keepAlive = true) {
    this.agent = new Agent({ keepAlive, maxSockets: sockets });
  }

  /** The last request body sent and the last answer read (the floor replays and answers them). */
  lastRequest: Buffer = Buffer.alloc(0);
  lastResponse: Buffer = Buffer.alloc(0);

  /** One call on `path` (e.g. `/xmlrpc/2/common`); resolves with its value. */
  call(path: string, method: string, params: RpcValue[]): Promise<RpcValue> {
    return this.post(path, `${path} ${method}`, Buffer.from(serializeMethodCall(method, params), 'utf8'));
  }

  /**
   * Sends an XML-RPC body as it is and reads the answer as `call` does. A kept-alive connection
   * that the server closed as idle just as the request left is tried again once on a new one, as
   * Python's xmlrpc.client and browsers do (nothing was answered, so nothing ran twice).
   */
  async post(path: string, what: string, body: Buffer): Promise<RpcValue> {
    try {
      return await this.postOnce(path, what, body);
    } catch (err) {
      if (!(err instanceof StaleConnection)) throw err;
      return this.postOnce(path, what, body);
    }
  }

  private postOnce(path: string, what: string, body: Buffer): Promise<RpcValue> {
    this.lastRequest = body;
    return new Promise((resolve, reject) => {
      const req = request({
        host: this.host, port: this.port, path, method: 'POST', agent: this.agent,
        headers: { 'Content-Type': 'text/xml', 'Content-Length': body.length },
      }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => {
          try {
            if (res.statusCode !== 200) throw new CallError(`${what}: HTTP ${res.statusCode}`, 'HTTPError');
            this.lastResponse = Buffer.concat(chunks);
            const answer = parseMethodResponse(this.lastResponse);
            if (!answer.ok) {
              throw new CallError(`${what}: fault ${String(answer.faultCode)}: ${answer.faultString}`, 'Fault');
            }
            resolve(answer.value);
          } catch (err) {
            reject(err);
          }
        });
      });
      req.on('error', (err: NodeJS.ErrnoException) => {
        const closedIdle = req.reusedSocket && (err.code === 'ECONNRESET' || err.message === 'socket hang up');
        reject(closedIdle ? new StaleConnection() : err);
      });
      req.end(body);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

/** A logged-in user: `execute_kw` and `exec_workflow` on the /xmlrpc/2 paths, as Odoo clients do. */
export class Session {
  constructor(readonly rpc: RpcClient, readonly db: string, readonly uid: number, readonly password: string) {}

  static async login(rpc: RpcClient, db: string, login: string, password: string): Promise<Session> {
    const uid = await rpc.call('/xmlrpc/2/common', 'login', [db, login, password]);
    if (typeof uid !== 'number') throw new CallError(`login of ${login} on ${db} failed`, 'AccessDenied');
    return new Session(rpc, db, uid, password);
  }

  call(model: string, method: string, args: RpcValue[], kwargs: Record<string, RpcValue> = {}): Promise<RpcValue> {
    return this.rpc.call('/xmlrpc/2/object', 'execute_kw', [this.db, this.uid, this.password, model, method, args, kwargs]);
  }

  signal(model: string, signal: string, id: number): Promise<RpcValue> {
    return this.rpc.call('/xmlrpc/2/object', 'exec_workflow', [this.db, this.uid, this.password, model, signal, id]);
  }
}
