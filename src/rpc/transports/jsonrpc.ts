// The JSON-RPC transport (jsonrpc-observations §1): POST with a JSON content type to `/jsonrpc`
// (the services, credentials in the args) or to a `/web/...` route (the session cookie). Every
// answer that gets as far as a parsed call is HTTP 200 with Odoo's envelope; a body that is not
// JSON, a GET or another content type is HTTP 400 with a JSON-RPC error, as Odoo answers them.
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import type { SessionStore, WebSession } from '../../auth/sessions';
import { clientAddress } from './client-address';
import { AppError } from '../../errors';
import { newStruct, type RpcStruct, type RpcValue } from '../../values';
import { parseJsonBody, serializeJson, type CodecLimits } from '../codec';
import type { Dispatcher } from '../dispatch';
import {
  asAppError, badRequestError, jsonErrorFor, type JsonRpcError, parseError, sessionExpiredError,
} from '../faults';
import { checkEnvelope, checkParams } from '../json/schemas';
import { jsonrpcCall, type WebCall, type WebRoute } from '../json/web-api';
import { bodyReader, plain } from './http-body';
import { findRequestSession, sessionCookie } from './web-session';

export interface JsonRpcTransportOptions {
  dispatcher: Dispatcher;
  /** The /web/* routes by path. */
  routes: Record<string, WebRoute>;
  sessions: SessionStore;
  limits: Partial<CodecLimits> & { maxBodyBytes: number };
  bodyTimeoutMs: number;
  debugFaults: boolean;
  /** Mark the session cookie Secure (behind an HTTPS proxy). */
  secureCookies: boolean;
  /** Behind a reverse proxy: the caller's address is the last X-Forwarded-For entry. */
  proxyMode?: boolean;
  stopping?: () => boolean;
}

type Id = string | number | null;
const CALL_KW_PREFIX = '/web/dataset/call_kw/';
const JSON_TYPES = ['application/json', 'application/json-rpc'];

function send(res: Response, status: number, body: RpcStruct, closeConnection: boolean): void {
  if (res.headersSent || res.destroyed) return;
  let text: string;
  try {
    text = serializeJson(body);
  } catch {
    return plain(res, 500, 'Internal Server Error');
  }
  res.status(status).set({ 'Content-Type': 'application/json; charset=utf-8', 'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store' });
  if (closeConnection) res.set('Connection', 'close');
  res.send(Buffer.from(text, 'utf8'));
}

function answer(id: Id, outcome: { result: RpcValue | undefined } | { error: JsonRpcError }): RpcStruct {
  const out = newStruct();
  out.jsonrpc = '2.0';
  out.id = id;
  // Odoo leaves `result` out when the route returns None (destroy, check).
  if ('error' in outcome) out.error = outcome.error as unknown as RpcStruct;
  else if (outcome.result !== undefined) out.result = outcome.result;
  return out;
}

function hasBody(req: Request): boolean {
  const length = req.headers['content-length'];
  return req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

export function jsonRpcTransport(opts: JsonRpcTransportOptions): Router {
  const router = express.Router();
  const readBody = bodyReader({ maxBodyBytes: opts.limits.maxBodyBytes, bodyTimeoutMs: opts.bodyTimeoutMs });
  const faultOpts = { debugFaults: opts.debugFaults };
  const routeOf = (path: string): WebRoute | 'jsonrpc' | null => {
    if (path === '/jsonrpc') return 'jsonrpc';
    if (Object.prototype.hasOwnProperty.call(opts.routes, path)) return opts.routes[path];
    // `/web/dataset/call_kw/<model>/<method>`: the suffix only labels the call (model and method are in params).
    return path.startsWith(CALL_KW_PREFIX) ? opts.routes['/web/dataset/call_kw'] ?? null : null;
  };

  async function run(req: Request, route: WebRoute | 'jsonrpc', body: Buffer):
    Promise<{ status: number; body: RpcStruct; cookie?: WebSession | null }> {
    let envelope: RpcValue;
    try {
      envelope = parseJsonBody(body, opts.limits);
    } catch (err) {
      const message = err instanceof AppError ? err.message : 'Invalid JSON data';
      return { status: 400, body: answer(null, { error: parseError(message) }) };
    }
    const rawId = (envelope as RpcStruct | null)?.id;
    const id: Id = typeof rawId === 'string' || typeof rawId === 'number' ? rawId : null;
    const ip = clientAddress(req, opts.proxyMode ?? false);
    try {
      checkEnvelope(envelope);
    } catch (err) {
      return { status: 200, body: answer(id, { error: jsonErrorFor(asAppError(err), faultOpts) }) };
    }
    const params = (envelope.params ?? newStruct()) as RpcStruct;

    if (route === 'jsonrpc') {
      let target;
      try {
        target = jsonrpcCall(params);
      } catch (err) {
        return { status: 200, body: answer(id, { error: jsonErrorFor(asAppError(err), faultOpts) }) };
      }
      // Stateless: the credentials are in the args and the cookie is ignored, as Odoo.
      const outcome = await opts.dispatcher.dispatch({ service: target.service, method: target.method, params: target.args, profile: 'odoo', ip });
      return { status: 200, body: answer(id, outcome.ok ? { result: outcome.value } : { error: jsonErrorFor(outcome.error, faultOpts) }) };
    }

    const session = await findRequestSession(opts.sessions, req);
    if (route.needsSession && !session) return { status: 200, body: answer(null, { error: sessionExpiredError() }) };
    let cookie: WebSession | null | undefined;
    const outcome = await opts.dispatcher.run('odoo', ip, { service: 'web', method: req.path }, (call) => {
      const web: WebCall = { call, session, setSession: (s) => { cookie = s; } };
      checkParams(route.params, params);
      return route.handle(web, params);
    });
    // A session whose expiry moved forward sends its cookie again, so the browser keeps it as long.
    if (cookie === undefined && session?.renewed) cookie = session;
    return {
      status: 200,
      body: answer(id, outcome.ok ? { result: outcome.value } : { error: jsonErrorFor(outcome.error, faultOpts) }),
      cookie,
    };
  }

  router.get('/web/session/logout', (req: Request, res: Response) => {
    findRequestSession(opts.sessions, req).then(async (session) => {
      if (session) await opts.sessions.destroy(session.sid);
      res.set('Set-Cookie', sessionCookie(null, { secure: opts.secureCookies }));
      res.redirect(303, '/web');
    }).catch(() => plain(res, 500, 'Internal Server Error'));
  });

  router.use((req: Request, res: Response, next: NextFunction) => {
    const route = routeOf(req.path);
    if (!route) return next();
    // A request refused before its body is read: the connection closes rather than read it.
    const close = (opts.stopping?.() ?? false) || hasBody(req);
    if (req.method !== 'POST') {
      res.set('Allow', 'POST');
      return send(res, 400, answer(null, { error: badRequestError(400, 'Bad Request: a JSON-RPC call is a POST') }), close);
    }
    // A cross-site form cannot send a JSON content type: this is the JSON routes' CSRF defence.
    if (!req.is(JSON_TYPES)) {
      return send(res, 400, answer(null, { error: badRequestError(400, 'Bad Request: the Content-Type must be application/json') }), close);
    }
    readBody(req, res, (body) => {
      run(req, route, body).then((out) => {
        if (out.cookie !== undefined) res.set('Set-Cookie', sessionCookie(out.cookie, { secure: opts.secureCookies }));
        send(res, out.status, out.body, opts.stopping?.() ?? false);
      }, (err: unknown) => {
        send(res, 200, answer(null, { error: jsonErrorFor(asAppError(err), faultOpts) }), false);
      });
    });
  });
  return router;
}
