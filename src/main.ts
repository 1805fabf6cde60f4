// The composition root: configuration -> logger -> databases and registry -> HTTP listen, and a
// graceful stop on SIGTERM/SIGINT (stop accepting, finish running calls, close pools, exit 0).
// With `workers = N` this process becomes the master of N worker processes (src/cluster).
// First, before anything else loads: the V8 heap settings.
import { APPLIED_MEMORY_SETTINGS, memoryPlan, YOUNG_GENERATION_FLAG } from './v8-memory';
import cluster from 'node:cluster';
import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Config } from '../config/defaults';
import { helpText } from '../config/argv';
import { printConfig } from '../config/print-config';
import { readStartup, type Startup } from '../config/startup';
import type { AppServer } from './app';
import { resolvePort, runMaster } from './cluster/master';
import { WORKER_PORT_VARIABLE } from './cluster/messages';
import { superviseWorker } from './cluster/worker';
import { isLauncherMessage, LAUNCHED_VARIABLE, relaunch } from './launcher';
import { createServerLogger, type Logger, type ServerLogger } from './logger';

/** Creates the configured default database on first start, with its admin user. */
async function ensureDefaultDatabase(server: AppServer, config: Config, logger: Logger): Promise<void> {
  const name = config.defaultDb;
  if (!name || await server.dbm.exists(name)) return;
  const generated = config.adminPassword === null;
  const adminPassword = config.adminPassword ?? randomBytes(12).toString('base64url');
  logger.info(`Creating database ${name}`, { db: name, name: 'server' });
  await server.dbm.create(name, { adminPassword, lang: 'en_US', demo: !(config.withoutDemo ?? true) });
  if (generated) {
    // Printed once, straight to the console and never through the logger: it is a password.
    process.stdout.write(`\n  Database "${name}" created. Log in as "admin" with the password: ${adminPassword}\n`
      + '  It is shown only this once. Set ADMIN_PASSWORD to choose it yourself.\n\n');
  }
}

function listen(server: AppServer, config: Config): Promise<Server> {
  return new Promise((resolve, reject) => {
    const http = server.app.listen(config.port, config.host);
    // Clients that trickle their headers are cut as those that trickle their bodies (408).
    http.headersTimeout = Math.max(1000, Math.min(60_000, config.bodyTimeoutMs ?? 30_000));
    http.once('listening', () => resolve(http));
    http.once('error', reject);
  });
}

/**
 * The graceful stop: stop accepting, let running calls end (connections are cut at the shutdown
 * deadline), close the databases, exit 0. The returned function starts it once; later calls do nothing.
 */
function gracefulStop(http: Server, server: AppServer, config: Config, serverLogger: ServerLogger): (why: string) => Promise<void> {
  const { logger } = serverLogger;
  let stopping = false;
  return async (why: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    logger.info(`${why}: finishing ${server.dispatcher.inFlight()} running call(s), then stopping`, { name: 'server' });
    server.beginStop();
    const closed = new Promise<void>((resolve) => http.close(() => resolve()));
    // Connections that finish their call close themselves (answers say Connection: close);
    // idle keep-alive connections are closed now, and again as calls end.
    http.closeIdleConnections();
    const sweep = setInterval(() => http.closeIdleConnections(), 100);
    const deadline = setTimeout(() => {
      logger.warn('Calls still running at the shutdown deadline: closing their connections', { name: 'server' });
      http.closeAllConnections();
    }, config.shutdownTimeoutMs ?? 30_000);
    await closed;
    clearInterval(sweep);
    clearTimeout(deadline);
    await server.close();
    logger.info('Stopped', { name: 'server' });
    await serverLogger.flush();
    process.exit(0);
  };
}

/**
 * Under src/launcher.ts: what its request to stop does. Before the server serves, what the signal
 * would have done (end the process); then, the graceful stop (a repeat is no second signal).
 */
let launcherStop = (signal: string): void => process.exit(signal === 'SIGINT' ? 130 : 143);

function listenToLauncher(): void {
  if (!process.env[LAUNCHED_VARIABLE] || !process.send) return;
  process.on('message', (m: unknown) => { if (isLauncherMessage(m)) launcherStop(m.signal); });
  // A launcher killed outright must not leave the server running on its own.
  process.on('disconnect', () => launcherStop('SIGTERM'));
  process.channel?.unref();
}

function stopOnSignals(http: Server, server: AppServer, config: Config, serverLogger: ServerLogger): void {
  const stop = gracefulStop(http, server, config, serverLogger);
  launcherStop = (signal) => void stop(`${signal} received`);
  let signalled = false;
  const onSignal = (signal: string) => {
    if (signalled) {
      serverLogger.logger.warn(`${signal} received again: exiting now`, { name: 'server' });
      process.exit(1);
    }
    signalled = true;
    void stop(`${signal} received`);
  };
  process.on('SIGTERM', () => onSignal('SIGTERM'));
  process.on('SIGINT', () => onSignal('SIGINT'));
}

/** A worker process: the whole server on the master's port, its background senders included. */
async function serveAsWorker(config: Config, serverLogger: ServerLogger): Promise<void> {
  const { logger } = serverLogger;
  const { buildServer } = await import('./app');
  // The mail and sync senders run in every worker: their database leases keep each mail and each
  // peer message to one sender, and a worker that dies leaves its leases to run out for the others.
  const server = await buildServer({ config, logger, workers: true });
  const http = await listen(server, { ...config, port: Number(process.env[WORKER_PORT_VARIABLE] ?? config.port) });
  const stop = gracefulStop(http, server, config, serverLogger);
  // The master coordinates stops: a signal to the whole group (Ctrl-C) is one graceful stop too.
  process.on('SIGTERM', () => void stop(`Worker (${process.pid}) stopping (SIGTERM)`));
  process.on('SIGINT', () => void stop(`Worker (${process.pid}) stopping (SIGINT)`));
  superviseWorker({
    http, logger,
    limits: { memorySoft: config.limitMemorySoft ?? null, memoryHard: config.limitMemoryHard ?? null, requests: config.limitRequest ?? null },
    stop: (reason) => void stop(`Worker (${process.pid}) stopping (${reason})`),
  });
}

/** `-i`/`-u` may name only modules this server has (`all` updates every one). */
function unknownModules(startup: Startup, known: string[]): string[] {
  const { init, update } = startup.launch;
  return [...init, ...update.filter((m) => m !== 'all')].filter((m) => !known.includes(m));
}

async function main(): Promise<void> {
  let startup: Startup;
  try {
    startup = readStartup(process.argv.slice(2), process.env);
  } catch (err) {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  }
  const { config, launch } = startup;
  if (launch.help) {
    process.stdout.write(helpText());
    process.exit(0);
  }
  if (launch.printConfig) {
    process.stdout.write(printConfig(config, startup.settings));
    process.exit(0);
  }
  // One process serving with no say on V8's young generation: it serves from a child given the
  // flag (a master's workers get it from the master; src/v8-memory.ts).
  if (!cluster.isWorker && (config.workers ?? 0) === 0 && memoryPlan(process.execArgv, process.env.NODE_OPTIONS).fixYoung) {
    relaunch([YOUNG_GENERATION_FLAG]);
    return;
  }
  listenToLauncher();
  const serverLogger = createServerLogger({ level: config.logLevel, logfile: config.logfile, json: config.logJson });
  const { logger } = serverLogger;
  // logrotate renames the file, then sends SIGHUP: the next lines go to a new file.
  process.on('SIGHUP', () => {
    serverLogger.reopen();
    if (config.logfile) logger.info('SIGHUP received: log file reopened', { name: 'server' });
  });
  if (cluster.isWorker) return serveAsWorker(config, serverLogger);
  for (const line of startup.warnings) logger.warn(line, { name: 'config' });
  if (APPLIED_MEMORY_SETTINGS.length > 0) logger.info(`V8 heap: ${APPLIED_MEMORY_SETTINGS.join(', ')}`, { name: 'server' });
  // Loaded only once the configuration is known good: a bad one is reported without delay.
  const { MODULES } = await import('../models');
  const unknown = unknownModules(startup, MODULES.map((m) => m.name));
  if (unknown.length > 0 || ((launch.init.length > 0 || launch.update.length > 0) && !config.defaultDb)) {
    process.stderr.write(unknown.length > 0
      ? `Unknown module(s) for -i/-u: ${unknown.join(', ')} (this server has ${MODULES.map((m) => m.name).join(', ')})\n`
      : '-i and -u need a database: give one with -d\n');
    process.exit(1);
  }
  const { buildServer } = await import('./app');
  const workers = config.workers ?? 0;
  // A master serves nothing: it only prepares the databases here, before forking its workers.
  const server = await buildServer({ config, logger, workers: !launch.stopAfterInit && workers === 0 });
  // Every module is installed in every database, so -i and -u come down to creating the database
  // of -d when missing and bringing every database's module data up to date, as on each start.
  await server.dbm.migrateAll();
  await server.upgradeDatabases();
  await ensureDefaultDatabase(server, config, logger);
  if (launch.stopAfterInit) {
    logger.info('Initialization done, stopping (--stop-after-init)', { name: 'server' });
    await server.close();
    await serverLogger.flush();
    process.exit(0);
  }
  if (workers > 0) {
    await server.close();
    runMaster({
      workers, port: await resolvePort(config.host, config.port), logger,
      limitTimeReal: config.limitTimeReal ?? null, shutdownTimeoutMs: config.shutdownTimeoutMs ?? 30_000,
      onListening: (address, port) => logger.info(`HTTP service (XML-RPC) running on ${address}:${port}`, { name: 'server', port }),
      flush: () => serverLogger.flush(),
    });
    return;
  }
  const http = await listen(server, config);
  const { address, port } = http.address() as AddressInfo;
  logger.info(`HTTP service (XML-RPC) running on ${address}:${port}`, { name: 'server', port });
  stopOnSignals(http, server, config, serverLogger);
}

main().catch((err: unknown) => {
  process.stderr.write(`The server could not start: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
  process.exit(1);
});
