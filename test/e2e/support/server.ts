// Starts the real server in the test process on a free port, on SQLite or PostgreSQL, with one
// fresh database and its admin; `stop()` drops every database it made and closes everything.
// Other suites (the helpdesk walk-through) reuse it with `runPython` from ./python.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { DEFAULTS, type Config } from '../../../config/defaults';
import { buildServer, type AppServer } from '../../../src/app';
import { createLogger } from '../../../src/logger';
import { type Backend, PG_URL, uniqueName } from '../../support/backends';

export interface TestServer {
  backend: Backend;
  url: string;
  port: number;
  db: string;
  login: string;
  password: string;
  masterPassword: string;
  config: Config;
  server: AppServer;
  /** Every log line written so far (the server's logger writes here, not to the console). */
  logs: string[];
  stop(): Promise<void>;
}

export interface TestServerOptions {
  /** Create the test database (default true). */
  createDb?: boolean;
  /** Load the modules' demo data into it. */
  demo?: boolean;
  config?: Partial<Config>;
  /** Name of the test database (default: a unique name). */
  db?: string;
  /** Run the background workers (the mail sender) as the real server does. */
  workers?: boolean;
  /** The installation tag on PostgreSQL (another server process given it sees the same databases). */
  pgTag?: string;
}

export async function startTestServer(backend: Backend, opts: TestServerOptions = {}): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ocsc-e2e-'));
  const config: Config = {
    ...DEFAULTS,
    port: 0,
    host: '127.0.0.1',
    dataDir,
    databaseUrl: backend === 'pg' ? PG_URL : null,
    masterPassword: `master-${randomBytes(4).toString('hex')}`,
    defaultDb: null,
    // Cheap hashes keep the suites fast; the cost itself is tested where passwords are.
    passwordRounds: 1000,
    bodyTimeoutMs: 2000,
    // Suites send many wrong passwords on purpose; throttling is tested where auth is.
    loginMaxFailures: 100_000,
    shutdownTimeoutMs: 5000,
    ...opts.config,
  };
  const logs: string[] = [];
  const stream = new PassThrough();
  stream.on('data', (chunk: Buffer) => logs.push(...chunk.toString('utf8').split('\n').filter(Boolean)));
  const logger = createLogger({ stream, level: 'info' });
  const server = await buildServer({ config, logger, pgTag: opts.pgTag ?? uniqueName('e2e'), workers: opts.workers });
  const db = opts.db ?? uniqueName('e2e');
  const password = `admin-${randomBytes(4).toString('hex')}`;
  if (opts.createDb ?? true) await server.dbm.create(db, { adminPassword: password, lang: 'en_US', demo: opts.demo ?? false });
  const http: Server = await new Promise((resolve) => { const s = server.app.listen(0, '127.0.0.1', () => resolve(s)); });
  const port = (http.address() as AddressInfo).port;

  return {
    backend, url: `http://127.0.0.1:${port}`, port, db, login: 'admin', password,
    masterPassword: config.masterPassword, config, server, logs,
    async stop() {
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
      for (const name of await server.dbm.list()) await server.dbm.drop(name);
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
