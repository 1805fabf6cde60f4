// A small JSON-RPC client for tests, on Node's fetch: posts Odoo's envelope to a path, keeps the
// `session_id` cookie like a browser (or odoorpc's cookie jar) and returns the whole answer.
export interface JsonAnswer {
  status: number;
  contentType: string;
  /** The parsed body (the envelope), or the raw text when it is not JSON. */
  body: Record<string, unknown> & { result?: unknown; error?: JsonError; id?: unknown };
  setCookie: string | null;
}

export interface JsonError {
  code: number;
  message: string;
  data: { name: string; message: string; arguments: unknown[]; context: object; debug: string };
}

let nextId = 1;

export class JsonClient {
  cookie: string | null = null;
  constructor(readonly url: string) {}

  /** POSTs `{jsonrpc, method: 'call', params, id}` and remembers a session cookie the server sets. */
  async post(path: string, params: unknown, init: { headers?: Record<string, string>; rawBody?: string | Buffer } = {}): Promise<JsonAnswer> {
    const headers: Record<string, string> = { 'Content-Type': 'application/json', ...init.headers };
    if (this.cookie) headers.Cookie = this.cookie;
    const body = init.rawBody ?? JSON.stringify({ jsonrpc: '2.0', method: 'call', params, id: nextId++ });
    const res = await fetch(`${this.url}${path}`, { method: 'POST', headers, body });
    const text = await res.text();
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) {
      const pair = setCookie.split(';')[0];
      this.cookie = /Max-Age=0/i.test(setCookie) || pair.endsWith('=') ? null : pair;
    }
    let parsed: JsonAnswer['body'];
    try {
      parsed = JSON.parse(text) as JsonAnswer['body'];
    } catch {
      parsed = { text };
    }
    return { status: res.status, contentType: res.headers.get('content-type') ?? '', body: parsed, setCookie };
  }

  /** The result of a call, or a thrown Error carrying the JSON-RPC error. */
  async call(path: string, params: unknown): Promise<unknown> {
    const a = await this.post(path, params);
    if (a.body.error) throw Object.assign(new Error(a.body.error.data?.message ?? a.body.error.message), { rpc: a.body.error });
    return a.body.result;
  }

  /** `/jsonrpc` service call, as odoorpc sends them. */
  service(service: string, method: string, args: unknown[]): Promise<unknown> {
    return this.call('/jsonrpc', { service, method, args });
  }

  /** `/web/dataset/call_kw` as the session's user. */
  callKw(model: string, method: string, args: unknown[], kwargs: Record<string, unknown> = {}): Promise<unknown> {
    return this.call(`/web/dataset/call_kw/${model}/${method}`, { model, method, args, kwargs });
  }
}
