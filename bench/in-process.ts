// The server built in this process on a scratch SQLite folder (or PostgreSQL database), listening
// on a loopback port with one fresh database, for the benchmarks that profile or watch the event
// loop from inside. `stop()` drops every database it made and removes the folder.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { DEFAULTS, type Config } from '../config/defaults';
import { buildServer } from '../src/app';
import { createLogger } from '../src/logger';

export const PG_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface InProcessServer {
  server: Awaited<ReturnType<typeof buildServer>>;
  db: string;
  adminPassword: string;
  port: number;
  stop(): Promise<void>;
}

export async function startInProcess(backend: 'sqlite' | 'pg', prefix: string, lang: string): Promise<InProcessServer> {
  const dataDir = mkdtempSync(join(tmpdir(), `ocsc-${prefix}-`));
  const tag = randomBytes(4).toString('hex');
  const config: Config = {
    ...DEFAULTS, port: 0, host: '127.0.0.1', dataDir, defaultDb: null,
    databaseUrl: backend === 'pg' ? PG_URL : null, masterPassword: `m-${tag}`, passwordRounds: 1000,
  };
  // Log lines are written as in production (level info) but thrown away.
  const sink = new PassThrough();
  sink.resume();
  const server = await buildServer({ config, logger: createLogger({ stream: sink, level: 'info' }), pgTag: `${prefix}_${tag}` });
  const db = `${prefix}_${tag}`;
  const adminPassword = `a-${tag}`;
  await server.dbm.create(db, { adminPassword, lang, demo: false });
  const http = await new Promise<Server>((resolve) => { const s = server.app.listen(0, '127.0.0.1', () => resolve(s)); });
  return {
    server, db, adminPassword, port: (http.address() as AddressInfo).port,
    async stop() {
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
      for (const name of await server.dbm.list()) await server.dbm.drop(name);
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
