// Builds the HTTP application without listening: the XML-RPC transport in front of one
// dispatcher and its services. src/main.ts listens; tests build the same app on port 0.
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import type { Config } from '../config/defaults';
import type { Logger } from './logger';
import { createDispatcher, type Dispatcher } from './rpc/dispatch';
import type { Service } from './rpc/services/types';
import { xmlRpcTransport } from './rpc/transports/xmlrpc';

export interface HttpAppOptions {
  dispatcher: Dispatcher;
  config: Pick<Config, 'limits' | 'bodyTimeoutMs'>;
  /** True once the server is stopping (answers then close their connections). */
  stopping?: () => boolean;
}

/** The express application: XML-RPC paths, a plain 404 elsewhere, and no stack ever shown. */
export function createHttpApp(opts: HttpAppOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  app.disable('etag');
  app.use(xmlRpcTransport({
    dispatcher: opts.dispatcher,
    maxBodyBytes: opts.config.limits.maxBodyBytes,
    bodyTimeoutMs: opts.config.bodyTimeoutMs ?? 30_000,
    stopping: opts.stopping,
  }));
  app.use((_req: Request, res: Response) => {
    res.status(404).set('Content-Type', 'text/plain; charset=utf-8').send('Not Found\n');
  });
  // Express's default handler would print the stack in development mode; never do that.
  app.use((_err: unknown, _req: Request, res: Response, _next: NextFunction) => {
    if (res.headersSent) return;
    res.status(400).set({ 'Content-Type': 'text/plain; charset=utf-8', Connection: 'close' }).send('Bad Request\n');
  });
  return app;
}

export interface RpcAppOptions {
  services: Record<string, Service>;
  config: Pick<Config, 'limits' | 'bodyTimeoutMs' | 'debugFaults'>;
  logger: Logger;
  stopping?: () => boolean;
}

export interface RpcApp {
  app: Express;
  dispatcher: Dispatcher;
}

/** The dispatcher over `services` and the HTTP app in front of it. */
export function createRpcApp(opts: RpcAppOptions): RpcApp {
  const dispatcher = createDispatcher({
    services: opts.services, logger: opts.logger, debugFaults: opts.config.debugFaults, limits: opts.config.limits,
  });
  return { app: createHttpApp({ dispatcher, config: opts.config, stopping: opts.stopping }), dispatcher };
}
