// A minimal XML-RPC client on our own codec and Node's http with keep-alive: what the benchmark
// speaks to the server with. A fault stops the run (a benchmark of failing calls means nothing).
import { Agent, request } from 'node:http';
import { CallError } from '../src/errors';
import { parseMethodResponse, serializeMethodCall } from '../src/rpc/codec';
import type { RpcValue } from '../src/values';

export class RpcClient {
  private readonly agent: Agent;

  constructor(private readonly host: string, private readonly port: number, sockets: number, keepAlive = true) {
    this.agent = new Agent({ keepAlive, maxSockets: sockets });
  }

  /** One call on `path` (e.g. `/xmlrpc/2/object`); resolves with its value. */
  call(path: string, method: string, params: RpcValue[]): Promise<RpcValue> {
    const body = Buffer.from(serializeMethodCall(method, params), 'utf8');
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
            if (res.statusCode !== 200) throw new CallError(`${path} ${method}: HTTP ${res.statusCode}`, 'HTTPError');
            const answer = parseMethodResponse(Buffer.concat(chunks));
            if (!answer.ok) {
              throw new CallError(`${path} ${method}: fault ${String(answer.faultCode)}: ${answer.faultString}`, 'Fault');
            }
            resolve(answer.value);
          } catch (err) {
            reject(err);
          }
        });
      });
      req.on('error', reject);
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
