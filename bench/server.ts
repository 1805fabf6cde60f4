// Starts the real server (the built src/main.js) as its own process on a free loopback port,
// with a fresh database on SQLite or PostgreSQL, and removes everything it made when stopped.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import knexFactory from 'knex';
import { InternalError } from '../src/errors';
import type { Backend } from './options';

export interface BenchServer {
  backend: Backend;
  host: string;
  port: number;
  db: string;
  adminLogin: string;
  adminPassword: string;
  /** Its data folder (SQLite files), when we started it. */
  dataDir?: string;
  /** Its process id, when we started it (for its memory). */
  pid?: number;
  /** The server's latest log lines (a bounded tail), to explain a failed call. */
  logTail(): string[];
  /** The database engine's own version, for the report. */
  engineVersion(): Promise<string>;
  stop(): Promise<void>;
}

const STARTED = /HTTP service \(XML-RPC\) running on [^\s]+:(\d+)/;
const START_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 15_000;
const TAIL_LINES = 2000;

/** `workers` > 0 starts a master and that many worker processes (WORKERS). */
export async function startServer(backend: Exclude<Backend, 'external'>, pgUrl: string, workers = 0): Promise<BenchServer> {
  const tag = randomBytes(4).toString('hex');
  const db = `bench_${process.pid}_${tag}`;
  const adminPassword = `bench-${randomBytes(6).toString('hex')}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'ocsc-bench-'));
  // BENCH_SERVER_PROF=DIR writes the server's CPU profile there (node --cpu-prof) when it stops.
  const prof = process.env.BENCH_SERVER_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_SERVER_PROF}`] : [];
  // As `npm start` does: node itself gets the young generation's size (and glibc two malloc arenas), so one process serves
  // (without it, main.js would start the serving process again with the flag).
  // (The flag is written out here: importing src/v8-memory.ts would set the benchmark's own heap.)
  const young = /semi[-_]space/.test(process.env.BENCH_NODE_OPTIONS ?? '') ? [] : ['--max-semi-space-size=8'];
  const child = spawn(process.execPath, [...young, ...prof, join(__dirname, '..', 'src', 'main.js')], {
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin', MALLOC_ARENA_MAX: '2', ...(process.env.BENCH_NODE_OPTIONS ? { NODE_OPTIONS: process.env.BENCH_NODE_OPTIONS } : {}),
      PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, DEFAULT_DB: db, ADMIN_PASSWORD: adminPassword,
      DATABASE_TAG: `bench_${tag}`, MASTER_PASSWORD: `master-${tag}`, MAIL_TRANSPORT: 'off', WORKERS: String(workers),
      ...(backend === 'pg' ? { DATABASE_URL: pgUrl } : {}),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const cleanup = async (): Promise<void> => {
    if (backend === 'pg') await dropPgDatabase(pgUrl, db);
    rmSync(dataDir, { recursive: true, force: true });
  };
  let port: number;
  try {
    port = await listening(child);
  } catch (err) {
    await stopChild(child);
    await cleanup();
    throw err;
  }
  const tail: string[] = [];
  const keep = (chunk: Buffer): void => {
    tail.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    if (tail.length > TAIL_LINES) tail.splice(0, tail.length - TAIL_LINES);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return {
    backend, host: '127.0.0.1', port, db, adminLogin: 'admin', adminPassword, dataDir, pid: child.pid,
    logTail: () => [...tail],
    engineVersion: () => engineVersion(backend, pgUrl),
    async stop() {
      await stopChild(child);
      await cleanup();
    },
  };
}

/**
 * Resolves with the port once the child prints `started` (its group 1 is the port); its output
 * is kept for errors only.
 */
export function listening(child: ChildProcess, started = STARTED): Promise<number> {
  let head = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new InternalError('bench-start', `no start within ${START_TIMEOUT_MS} ms:\n${head}`)),
      START_TIMEOUT_MS);
    const watch = (chunk: Buffer): void => {
      // Only the start is kept: afterwards every call's log line is read and dropped.
      if (head.length < 20_000) head += chunk.toString('utf8');
      const m = started.exec(head);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    };
    child.stdout?.on('data', watch);
    child.stderr?.on('data', watch);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new InternalError('bench-start', `the process exited (${String(code)}) before listening:\n${head}`));
    });
  });
}

/** SIGTERM (the server's graceful stop), then SIGKILL if it does not end in time. */
export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}

async function dropPgDatabase(pgUrl: string, db: string): Promise<void> {
  const admin = knexFactory({ client: 'pg', connection: pgUrl, pool: { min: 0, max: 1 } });
  try {
    await admin.raw('DROP DATABASE IF EXISTS ?? WITH (FORCE)', [db]);
  } finally {
    await admin.destroy();
  }
}

async function engineVersion(backend: Exclude<Backend, 'external'>, pgUrl: string): Promise<string> {
  if (backend === 'pg') {
    const admin = knexFactory({ client: 'pg', connection: pgUrl, pool: { min: 0, max: 1 } });
    try {
      const res = await admin.raw('SHOW server_version');
      return `PostgreSQL ${String(res.rows[0].server_version)}`;
    } finally {
      await admin.destroy();
    }
  }
  const mem = knexFactory({ client: 'better-sqlite3', connection: { filename: ':memory:' }, useNullAsDefault: true });
  try {
    const rows = (await mem.raw('SELECT sqlite_version() AS v')) as { v: string }[];
    return `SQLite ${rows[0].v}`;
  } finally {
    await mem.destroy();
  }
}
