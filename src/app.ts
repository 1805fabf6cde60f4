// Builds the HTTP application without listening: the XML-RPC and JSON-RPC transports in front of one
// dispatcher and its services. src/main.ts listens; tests build the same app on port 0.
import type { IncomingMessage, ServerResponse } from 'node:http';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import type { Config } from '../config/defaults';
import { MODULES } from '../models';
import { createAuth, createMasterPassword } from './auth';
import { createSessionStore, type SessionStore } from './auth/sessions';
import { withTransaction } from './db/transaction';
import { createDatabaseManager } from './db/manager';
import { ProgressBoard } from './db/progress';
import type { Database, DatabaseManager, InitializeFn } from './db/types';
import type { Logger } from './logger';
import { startMailSender } from './mail/sender';
import { attachInboundSettings } from './mail/inbound-settings';
import { startInboundListener, type InboundListener } from './mail/inbound-smtp';
import { createAccessPolicy } from './orm/access';
import { SUPERUSER_ID } from './orm/access-policy';
import { installModules, type InstallOptions } from './orm/data-loader';
import { createEnv } from './orm/env';
import { buildRegistry, type Registry } from './orm/registry';
import { createDispatcher, type Dispatcher } from './rpc/dispatch';
import { createCommonService } from './rpc/services/common';
import { createDbService } from './rpc/services/db';
import { createModelRunner, createObjectService } from './rpc/services/object';
import { createReportRenderer, createReportService, type ReportRenderer } from './rpc/services/report';
import { reportRoutes } from './rpc/transports/report-http';
import { collectReports } from './report/engine';
import type { Service } from './rpc/services/types';
import { createWebApi, type WebRoute } from './rpc/json/web-api';
import { jsonRpcTransport } from './rpc/transports/jsonrpc';
import { healthRoutes, type HealthOptions } from './rpc/transports/health';
import { webDatabaseRoutes, type WebDatabaseOptions } from './rpc/transports/web-database';
import type { ToExpress } from './rpc/transports/http-body';
import { xmlRpcTransport, type XmlRpcHandler } from './rpc/transports/xmlrpc';
import { attachSyncSettings } from './sync/settings';
import { startSyncWorker } from './sync/worker';
import { buildWorkflows } from './workflow/module';
import { webClientRoutes } from './web/client-page';

/** The JSON-RPC API's parts (absent in tests that serve fake XML-RPC services only). */
export interface JsonApi {
  routes: Record<string, WebRoute>;
  sessions: SessionStore;
}

export interface HttpAppOptions {
  dispatcher: Dispatcher;
  config: Pick<Config, 'limits' | 'bodyTimeoutMs'> & Partial<Pick<Config, 'debugFaults' | 'proxyMode'>>;
  json?: JsonApi;
  /** Report downloads for the web session's user (needs `json` for the sessions). */
  reports?: ReportRoutes;
  /** True once the server is stopping (answers then close their connections). */
  stopping?: () => boolean;
  /** Serves GET /web/health when given. */
  health?: HealthOptions;
  /** Serves the streamed backup and restore forms under /web/database when given. */
  webDatabase?: WebDatabaseOptions;
}

export interface ReportRoutes {
  renderer: ReportRenderer;
  logger: Logger;
}

/** The express application: XML-RPC paths, a plain 404 elsewhere, and no stack ever shown. */
export function createHttpApp(opts: HttpAppOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  app.disable('etag');
  if (opts.health) app.use(healthRoutes(opts.health));
  if (opts.webDatabase) app.use(webDatabaseRoutes(opts.webDatabase));
  if (opts.json) {
    app.use(jsonRpcTransport({
      dispatcher: opts.dispatcher,
      routes: opts.json.routes,
      sessions: opts.json.sessions,
      limits: opts.config.limits,
      bodyTimeoutMs: opts.config.bodyTimeoutMs ?? 30_000,
      debugFaults: opts.config.debugFaults ?? false,
      secureCookies: opts.config.proxyMode ?? false,
      proxyMode: opts.config.proxyMode ?? false,
      stopping: opts.stopping,
    }));
  }
  if (opts.json && opts.reports) {
    app.use(reportRoutes({ ...opts.reports, sessions: opts.json.sessions }));
  }
  app.use(webClientRoutes());
  app.use((_req: Request, res: Response) => {
    res.status(404).set('Content-Type', 'text/plain; charset=utf-8').send('Not Found\n');
  });
  // Express's default handler would print the stack in development mode; never do that.
  app.use((_err: unknown, _req: Request, res: Response, _next: NextFunction) => {
    if (res.headersSent) return;
    res.status(400).set({ 'Content-Type': 'text/plain; charset=utf-8', Connection: 'close' }).send('Bad Request\n');
  });
  const toExpress = expressView(app);
  xmlRpcFirst(app, xmlRpcTransport({
    dispatcher: opts.dispatcher,
    maxBodyBytes: opts.config.limits.maxBodyBytes,
    bodyTimeoutMs: opts.config.bodyTimeoutMs ?? 30_000,
    stopping: opts.stopping,
    proxyMode: opts.config.proxyMode ?? false,
    toExpress,
  }), toExpress);
  return app;
}

/**
 * Gives a request and response Express's methods as Express's app.handle does (circular
 * references, prototypes, locals), once: the XML-RPC transport asks for them only when it answers
 * with them.
 */
function expressView(app: Express): ToExpress {
  return (req, res) => {
    const request = req as Request;
    const response = res as Response;
    if (Object.getPrototypeOf(req) !== app.request) {
      request.res = response;
      response.req = request;
      Object.setPrototypeOf(req, app.request);
      Object.setPrototypeOf(res, app.response);
      if (!response.locals) response.locals = Object.create(null) as Record<string, unknown>;
    }
    return { req: request, res: response };
  };
}

/**
 * XML-RPC calls skip Express's router: the request and response go straight to the transport as
 * Node made them. Its paths (/xmlrpc, /openerp/xmlrpc) are no other route's; any other path goes on
 * to the app's routes as before.
 */
function xmlRpcFirst(app: Express, xmlrpc: XmlRpcHandler, toExpress: ToExpress): void {
  type Handle = (req: IncomingMessage, res: ServerResponse, done?: NextFunction) => void;
  const inner = app as unknown as { handle: Handle };
  const routed = inner.handle.bind(app);
  inner.handle = (req, res, done) => {
    try {
      xmlrpc(req, res, () => routed(req, res, done));
    } catch {
      // As the app's last error handler answers a throw from a route.
      const answer = toExpress(req, res).res;
      if (!answer.headersSent) {
        answer.status(400).set({ 'Content-Type': 'text/plain; charset=utf-8', Connection: 'close' }).send('Bad Request\n');
      }
    }
  };
}

export interface RpcAppOptions {
  services: Record<string, Service>;
  config: Pick<Config, 'limits' | 'bodyTimeoutMs' | 'debugFaults'> & Partial<Pick<Config, 'proxyMode'>>;
  logger: Logger;
  stopping?: () => boolean;
  /** Builds the JSON-RPC API over the dispatcher's services (the full server does). */
  json?: (services: Record<string, Service>) => JsonApi;
  reports?: ReportRoutes;
  health?: HealthOptions;
  webDatabase?: WebDatabaseOptions;
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
  const json = opts.json?.(opts.services);
  const app = createHttpApp({
    dispatcher, config: opts.config, stopping: opts.stopping, json, reports: opts.reports,
    health: opts.health, webDatabase: opts.webDatabase,
  });
  return { app, dispatcher };
}

export interface ServerOptions {
  config: Config;
  logger: Logger;
  /** Start the background workers (the mail sender). The server does; most tests do not. */
  workers?: boolean;
  /** Tells this server's PostgreSQL databases from other installations' on the same server. */
  pgTag?: string;
}

export interface AppServer extends RpcApp {
  dbm: DatabaseManager;
  registry: Registry;
  /** Web sessions of the JSON-RPC API: other HTTP routes find the user with findRequestSession. */
  sessions: SessionStore;
  /** Installs module data that is new since each existing database was made (run on start). */
  upgradeDatabases(): Promise<void>;
  /** From now on answers close their connections (the server is stopping). */
  beginStop(): void;
  /** Stops the workers and closes every database pool. */
  close(): Promise<void>;
  /** The SMTP listener of incoming mail, when INBOUND_SMTP_PORT is set. */
  inboundSmtp: InboundListener | null;
}

/**
 * Everything behind the HTTP port: the registry of every module (with their workflows), the
 * databases, authentication, the services, the dispatcher and the app.
 */
export async function buildServer(opts: ServerOptions): Promise<AppServer> {
  const { config, logger } = opts;
  const workflows = buildWorkflows(MODULES);
  const registry = buildRegistry([...MODULES, workflows.module], {
    access: createAccessPolicy(), passwordRounds: config.passwordRounds,
  });

  const install = (db: Database, o: InstallOptions) => withTransaction(db, async (trx, hooks) => {
    const env = createEnv({ cr: trx, uid: SUPERUSER_ID, su: true, registry, dbName: db.name, context: { lang: o.lang ?? 'en_US' } });
    await installModules(env, registry, o);
    // Module data (groups, access rows, rules, menus, views) changed: every server drops its cache.
    await env.signalChange();
    for (const cb of env.takeAfterCommit()) hooks.afterCommit(cb);
    hooks.afterCommit(() => db.cache?.drop());
  }, { logger });
  const initialize: InitializeFn = (db, o) =>
    install(db, { adminPassword: o.adminPassword, lang: o.lang, demo: o.demo, adminLogin: o.login });
  const dbm = createDatabaseManager({
    dataDir: config.dataDir, databaseUrl: config.databaseUrl, initialize, logger, pgTag: opts.pgTag ?? config.databaseTag,
  });
  const auth = createAuth({ dbm, config, logger });
  // One master password for `db` and for the 7.0 `common` methods that ask for it.
  const master = createMasterPassword({ config, logger });
  const upgrade = (db: Database) => install(db, {});
  const progress = new ProgressBoard();
  const dbService = createDbService({ dbm, config, logger, master, upgrade, progress });
  attachSyncSettings(registry, config);
  attachInboundSettings(registry, config.mail, logger);

  let stopping = false;
  let inFlight = (): number => 0;
  const reports = collectReports(MODULES);
  const reportRenderer = createReportRenderer({ dbm, registry, reports, logger });
  const services: Record<string, Service> = {
    common: createCommonService({
      auth,
      serverVersion: config.serverVersion,
      checkMasterPassword: (password, ip) => master.check(password, ip),
      inFlight: () => inFlight(),
    }),
    db: dbService,
    object: createObjectService({ dbm, auth, registry, logger }),
    report: createReportService({ auth, renderer: reportRenderer }),
  };
  // The health check's database: the default one when it exists, else any of ours (listing alone
  // already asks a PostgreSQL server for an answer).
  const checkDatabase = async (): Promise<void> => {
    const names = await dbm.list();
    const name = config.defaultDb && names.includes(config.defaultDb) ? config.defaultDb : names[0];
    if (name !== undefined) await (await dbm.get(name)).knex.raw('select 1');
  };
  const webDatabase: WebDatabaseOptions = {
    dbm, serverVersion: config.serverVersion, logger, progress, checkMasterPassword: (password, ip) => master.check(password, ip),
  };
  const sessions = createSessionStore({ dbm, config: { sessionTtlSeconds: config.sessionTtlSeconds ?? 7 * 24 * 3600 } });
  const runner = createModelRunner({ dbm, registry, logger });
  const json = (svc: Record<string, Service>): JsonApi => ({ routes: createWebApi({ services: svc, auth, sessions, runner }), sessions });
  const rpc = createRpcApp({
    services, config, logger, stopping: () => stopping, json, reports: { renderer: reportRenderer, logger },
    health: { stopping: () => stopping, checkDatabase }, webDatabase,
  });
  inFlight = rpc.dispatcher.inFlight;
  const workers = opts.workers ? [startMailSender({ dbm, config, logger }), startSyncWorker({ dbm, config, logger })] : [];
  const inbound = config.mail.inbound;
  const inboundSmtp = inbound.smtpPort === null ? null : await startInboundListener({
    config: inbound, registry, logger, database: () => dbm.get(inbound.database ?? config.defaultDb ?? ''),
  });

  return {
    ...rpc,
    dbm,
    registry,
    sessions,
    async upgradeDatabases() {
      for (const name of await dbm.list()) await upgrade(await dbm.get(name));
    },
    inboundSmtp,
    beginStop: () => { stopping = true; },
    async close() {
      await inboundSmtp?.stop();
      await Promise.all(workers.map((w) => w.stop()));
      await reportRenderer.close();
      await dbm.closeAll();
    },
  };
}
