// The server's logger (winston). Lines follow OpenERP's layout, `<date> <pid> <LEVEL> <db> <name>: <msg>`,
// so log tooling written for OpenERP/Odoo (fail2ban's "Login failed" filter) works unchanged.
import winston from 'winston';
import type { Writable } from 'node:stream';

export type Logger = winston.Logger;

export interface LoggerOptions {
  level?: string;
  /** Where lines go (default: stdout). Tests pass a stream to read what was logged. */
  stream?: Writable;
  silent?: boolean;
}

/** Metadata keys that never reach a log line, whoever passes them. */
const SECRET_KEY = /pass|pwd|secret|token/i;
const RESERVED = new Set(['level', 'message', 'db', 'name', 'timestamp', 'stack']);

function timestamp(d: Date): string {
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} `
    + `${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())},${p(d.getUTCMilliseconds(), 3)}`;
}

function formatValue(v: unknown): string {
  if (typeof v === 'string') return /^[\w.:/@+-]+$/.test(v) ? v : JSON.stringify(v);
  if (typeof v === 'number' || typeof v === 'boolean' || v === null) return String(v);
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return '[unprintable]';
  }
}

const lineFormat = winston.format.printf((info) => {
  const meta = info as Record<string, unknown>;
  const db = typeof meta.db === 'string' && meta.db !== '' ? meta.db : '?';
  const name = typeof meta.name === 'string' ? meta.name : 'server';
  const extras = Object.keys(meta)
    .filter((k) => !RESERVED.has(k) && !SECRET_KEY.test(k) && meta[k] !== undefined)
    .map((k) => `${k}=${formatValue(meta[k])}`);
  const head = `${timestamp(new Date())} ${process.pid} ${String(info.level).toUpperCase()} ${db} ${name}: ${String(info.message)}`;
  const tail = extras.length ? ` ${extras.join(' ')}` : '';
  // A stack (internal errors only) goes on the following lines, never into a fault.
  return typeof meta.stack === 'string' ? `${head}${tail}\n${meta.stack}` : head + tail;
});

export function createLogger(opts: LoggerOptions = {}): Logger {
  const transport = opts.stream
    ? new winston.transports.Stream({ stream: opts.stream })
    : new winston.transports.Console();
  return winston.createLogger({
    level: opts.level ?? 'info',
    silent: opts.silent ?? false,
    format: lineFormat,
    transports: [transport],
  });
}

/** A logger that drops everything (tests that do not look at logs). */
export function createSilentLogger(): Logger {
  return createLogger({ silent: true });
}
