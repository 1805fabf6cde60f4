// The composition root: configuration -> logger -> databases and registry -> HTTP listen, and a
// graceful stop on SIGTERM/SIGINT (stop accepting, finish running calls, close pools, exit 0).
import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Config } from '../config/defaults';
import { loadConfig } from '../config/load';
import type { AppServer } from './app';
import { createLogger, type Logger } from './logger';

/** Creates the configured default database on first start, with its admin user. */
async function ensureDefaultDatabase(server: AppServer, config: Config, logger: Logger): Promise<void> {
  const name = config.defaultDb;
  if (!name || await server.dbm.exists(name)) return;
  const generated = config.adminPassword === null;
  const adminPassword = config.adminPassword ?? randomBytes(12).toString('base64url');
  logger.info(`Creating database ${name}`, { db: name, name: 'server' });
  await server.dbm.create(name, { adminPassword, lang: 'en_US', demo: false });
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

function stopOnSignals(http: Server, server: AppServer, config: Config, logger: Logger): void {
  let stopping = false;
  async function stop(signal: string): Promise<void> {
    if (stopping) {
      logger.warn(`${signal} received again: exiting now`, { name: 'server' });
      process.exit(1);
    }
    stopping = true;
    logger.info(`${signal} received: finishing ${server.dispatcher.inFlight()} running call(s), then stopping`, { name: 'server' });
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
    process.exit(0);
  }
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  }
  const logger = createLogger({ level: config.logLevel });
  // Loaded only once the configuration is known good: a bad one is reported without delay.
  const { buildServer } = await import('./app');
  const server = await buildServer({ config, logger, workers: true });
  await server.dbm.migrateAll();
  await server.upgradeDatabases();
  await ensureDefaultDatabase(server, config, logger);
  const http = await listen(server, config);
  const { address, port } = http.address() as AddressInfo;
  logger.info(`HTTP service (XML-RPC) running on ${address}:${port}`, { name: 'server', port });
  stopOnSignals(http, server, config, logger);
}

main().catch((err: unknown) => {
  process.stderr.write(`The server could not start: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
  process.exit(1);
});
