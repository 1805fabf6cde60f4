// What a benchmark run measures and for how long, from environment variables with safe bounds,
// so that a run on a shared machine can never grow without limit.
import { ValidationError } from '../src/errors';

/** Our server on SQLite or PostgreSQL, or a server already running here (e.g. an Odoo). */
export type Backend = 'sqlite' | 'pg' | 'external';

/** A running server to measure instead of ours: its database is seeded, so use a scratch one. */
export interface ExternalTarget {
  host: string;
  port: number;
  db: string;
  adminLogin: string;
  adminPassword: string;
}

export interface BenchOptions {
  backends: Backend[];
  /** Most seconds one measurement (one call, one client count) may take. */
  seconds: number;
  /** Most calls one measurement may make. */
  maxCalls: number;
  /** Clients of the concurrent measurements (the sequential ones use one). */
  clients: number;
  /** PostgreSQL server where the fresh database is made; loopback only. */
  pgUrl: string;
  /** Reuse connections (HTTP keep-alive); off opens one connection per call, as Odoo answers do. */
  keepAlive: boolean;
  /** Where to write the results as JSON too (optional). */
  jsonOut: string | null;
  /** Measure the bare floor server beside ours on PostgreSQL (BENCH_FLOOR=0 turns it off). */
  floor: boolean;
  /** BENCH_URL and friends: measure that server (backends is then just `external`). */
  external: ExternalTarget | null;
  /** The server's `workers` (WORKERS): 0 serves from one process, N from a master and N workers. */
  workers: number;
  /**
   * Partners in all (BENCH_PARTNERS, default 300): 300 seeded over XML-RPC, the rest written
   * straight into the database (then ANALYZE), for 10k or 1M rows.
   */
  partners: number;
  /** Only the rows with these names (BENCH_CALLS, comma-separated); null measures every call. */
  calls: string[] | null;
}

const LOOPBACK = ['127.0.0.1', 'localhost', '[::1]', '::1'];

function whole(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new ValidationError(`${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
  }
  return n;
}

function external(env: NodeJS.ProcessEnv): ExternalTarget | null {
  if (!env.BENCH_URL) return null;
  const url = new URL(env.BENCH_URL);
  if (!LOOPBACK.includes(url.hostname) || url.protocol !== 'http:') {
    throw new ValidationError('BENCH_URL must be an http:// URL on this machine (127.0.0.1, localhost or ::1)');
  }
  if (!env.BENCH_DB || !env.BENCH_ADMIN_PASSWORD) {
    throw new ValidationError('BENCH_URL needs BENCH_DB and BENCH_ADMIN_PASSWORD (a scratch database: it gets seeded)');
  }
  return {
    host: url.hostname.replace(/^\[|\]$/g, ''), port: Number(url.port || 80), db: env.BENCH_DB,
    adminLogin: env.BENCH_ADMIN_LOGIN || 'admin', adminPassword: env.BENCH_ADMIN_PASSWORD,
  };
}

export function readOptions(env: NodeJS.ProcessEnv = process.env): BenchOptions {
  const target = external(env);
  const backends = (env.BENCH_BACKENDS ?? 'sqlite,pg').split(',').map((b) => b.trim()).filter(Boolean);
  if (backends.length === 0) throw new ValidationError('BENCH_BACKENDS lists no backend; use sqlite and/or pg');
  for (const b of backends) {
    if (b !== 'sqlite' && b !== 'pg') throw new ValidationError(`BENCH_BACKENDS lists "${b}"; use sqlite and/or pg`);
  }
  const pgUrl = env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  // A Unix socket's folder (`postgres://postgres@%2Fvar%2Frun%2Fpostgresql/postgres`, what Odoo
  // and this server use when no db_host is set) is on this machine too.
  const host = new URL(pgUrl).hostname;
  if (!LOOPBACK.includes(host) && !decodeURIComponent(host).startsWith('/')) {
    throw new ValidationError('BENCH_PG_URL must point at this machine (127.0.0.1, localhost, ::1 or a Unix socket folder)');
  }
  return {
    backends: target ? ['external'] : backends as Backend[],
    seconds: whole(env, 'BENCH_SECONDS', 3, 1, 60),
    maxCalls: whole(env, 'BENCH_MAX_CALLS', 3000, 10, 100_000),
    clients: whole(env, 'BENCH_CLIENTS', 8, 2, 64),
    pgUrl,
    keepAlive: whole(env, 'BENCH_KEEPALIVE', 1, 0, 1) === 1,
    jsonOut: env.BENCH_JSON || null,
    floor: whole(env, 'BENCH_FLOOR', 1, 0, 1) === 1,
    external: target,
    workers: whole(env, 'BENCH_WORKERS', 0, 0, 16),
    partners: whole(env, 'BENCH_PARTNERS', 300, 300, 2_000_000),
    calls: env.BENCH_CALLS ? env.BENCH_CALLS.split(',').map((c) => c.trim()).filter(Boolean) : null,
  };
}
