// The server's logger. Lines follow OpenERP's layout, `<date> <pid> <LEVEL> <db> <name>: <msg>`,
// with Odoo's level names, so log tooling written for OpenERP/Odoo (fail2ban's "Login failed" filter)
// works unchanged; or JSON lines for log collectors. To stdout or to a file reopened on demand.
import { createWriteStream, type WriteStream } from 'node:fs';
import { Writable } from 'node:stream';

type Meta = Record<string, unknown>;
type LogMethod = (message: string, meta?: Meta) => void;

/** Winston's levels and call forms: `logger.info(message, meta)`, `logger.log(level, message, meta)`. */
export interface Logger {
  log(level: string, message: string, meta?: Meta): void;
  critical: LogMethod;
  error: LogMethod;
  warn: LogMethod;
  info: LogMethod;
  http: LogMethod;
  verbose: LogMethod;
  debug: LogMethod;
  silly: LogMethod;
}

export interface LoggerOptions {
  level?: string;
  /** Where lines go (default: stdout). Tests pass a stream to read what was logged. */
  stream?: Writable;
  silent?: boolean;
  /** One JSON object per line instead of the text layout. */
  json?: boolean;
}

/** Winston's levels with Odoo's CRITICAL above error; `logger.log('critical', ...)` logs one. */
const LEVELS: Record<string, number> = { critical: 0, error: 1, warn: 2, info: 3, http: 4, verbose: 5, debug: 6, silly: 7 };

/** The names Odoo prints; our finer levels below info all print as DEBUG. */
const ODOO_LEVEL_NAME: Record<string, string> = {
  critical: 'CRITICAL', error: 'ERROR', warn: 'WARNING', info: 'INFO', http: 'DEBUG', verbose: 'DEBUG', debug: 'DEBUG', silly: 'DEBUG',
};

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

function levelName(level: unknown): string {
  return ODOO_LEVEL_NAME[String(level)] ?? String(level).toUpperCase();
}

function extraKeys(meta: Record<string, unknown>): string[] {
  return Object.keys(meta).filter((k) => !RESERVED.has(k) && !SECRET_KEY.test(k) && meta[k] !== undefined);
}

type Format = (level: string, message: string, meta: Meta) => string;

const jsonFormat: Format = (level, message, meta) => {
  const line: Record<string, unknown> = {
    time: new Date().toISOString(), pid: process.pid, level: levelName(level),
    db: typeof meta.db === 'string' && meta.db !== '' ? meta.db : null,
    logger: typeof meta.name === 'string' ? meta.name : 'server', message: String(message),
  };
  for (const k of extraKeys(meta)) line[k] = meta[k];
  if (typeof meta.stack === 'string') line.stack = meta.stack;
  try {
    return JSON.stringify(line);
  } catch {
    return JSON.stringify({ ...line, ...Object.fromEntries(extraKeys(meta).map((k) => [k, formatValue(meta[k])])) });
  }
};

const lineFormat: Format = (level, message, meta) => {
  const db = typeof meta.db === 'string' && meta.db !== '' ? meta.db : '?';
  const name = typeof meta.name === 'string' ? meta.name : 'server';
  const extras = extraKeys(meta).map((k) => `${k}=${formatValue(meta[k])}`);
  const head = `${timestamp(new Date())} ${process.pid} ${levelName(level)} ${db} ${name}: ${String(message)}`;
  const tail = extras.length ? ` ${extras.join(' ')}` : '';
  // A stack (internal errors only) goes on the following lines, never into a fault.
  return typeof meta.stack === 'string' ? `${head}${tail}\n${meta.stack}` : head + tail;
};

/**
 * Standard output written once per turn of the event loop: the lines logged meanwhile (one per
 * call under load) go out in one write instead of one system call each, unchanged and in order.
 * Whatever is still held when the process exits is written then.
 */
class BatchedStdout extends Writable {
  private pending = '';
  private scheduled = false;

  constructor() {
    super({ decodeStrings: false });
    process.once('exit', () => this.flush());
  }

  override _write(chunk: Buffer | string, _encoding: BufferEncoding, done: (err?: Error | null) => void): void {
    this.pending += typeof chunk === 'string' ? chunk : chunk.toString('utf8');
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => this.flush());
    }
    done();
  }

  private flush(): void {
    this.scheduled = false;
    if (this.pending === '') return;
    const out = this.pending;
    this.pending = '';
    process.stdout.write(out);
  }
}

let stdoutBatch: BatchedStdout | null = null;

/**
 * Each line is formatted and written to its stream at once: a line costs its formatting and one
 * write (winston's chain of object streams cost more than that on every call). Lines below the
 * level, and lines at an unknown level, are dropped; a logger at an unknown level logs nothing.
 */
class StreamLogger implements Logger {
  private readonly threshold: number;

  constructor(private readonly stream: Writable, level: string, private readonly format: Format) {
    this.threshold = LEVELS[level] ?? -1;
  }

  log(level: string, message: string, meta: Meta = {}): void {
    if (!(LEVELS[level] <= this.threshold)) return;
    this.stream.write(`${this.format(level, message, meta)}\n`);
  }

  critical(message: string, meta?: Meta): void { this.log('critical', message, meta); }
  error(message: string, meta?: Meta): void { this.log('error', message, meta); }
  warn(message: string, meta?: Meta): void { this.log('warn', message, meta); }
  info(message: string, meta?: Meta): void { this.log('info', message, meta); }
  http(message: string, meta?: Meta): void { this.log('http', message, meta); }
  verbose(message: string, meta?: Meta): void { this.log('verbose', message, meta); }
  debug(message: string, meta?: Meta): void { this.log('debug', message, meta); }
  silly(message: string, meta?: Meta): void { this.log('silly', message, meta); }
}

const SILENT: Logger = {
  log: () => undefined, critical: () => undefined, error: () => undefined, warn: () => undefined,
  info: () => undefined, http: () => undefined, verbose: () => undefined, debug: () => undefined, silly: () => undefined,
};

export function createLogger(opts: LoggerOptions = {}): Logger {
  if (opts.silent) return SILENT;
  const stream = opts.stream ?? (stdoutBatch ??= new BatchedStdout());
  return new StreamLogger(stream, opts.level ?? 'info', opts.json ? jsonFormat : lineFormat);
}

/**
 * A log file that can be reopened: after logrotate renames it, SIGHUP makes the next lines go to
 * a new file of the same name, while lines already written stay in the renamed one.
 */
class ReopenableFile extends Writable {
  private current: WriteStream;

  constructor(private readonly path: string) {
    super();
    this.current = this.open();
  }

  private open(): WriteStream {
    const stream = createWriteStream(this.path, { flags: 'a' });
    // A file that cannot be written must not bring the server down; the next reopen tries again.
    stream.on('error', (err) => process.stderr.write(`Cannot write the log file ${this.path}: ${err.message}\n`));
    return stream;
  }

  /** Closes the file and opens the path anew (a new file when the old one was renamed). */
  reopen(): void {
    const old = this.current;
    this.current = this.open();
    old.end();
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, done: (err?: Error | null) => void): void {
    this.current.write(chunk, () => done());
  }

  override _final(done: (err?: Error | null) => void): void {
    this.current.end(() => done());
  }
}

export interface ServerLogger {
  logger: Logger;
  /** Reopens the log file (SIGHUP after logrotate); nothing to do when logging to stdout. */
  reopen(): void;
  /** Resolves once every line logged so far is in the file (before the process exits). */
  flush(): Promise<void>;
}

/** The server's logger: to `logfile` when given (reopenable), else to stdout. */
export function createServerLogger(opts: LoggerOptions & { logfile?: string | null }): ServerLogger {
  if (!opts.logfile) return { logger: createLogger(opts), reopen: () => undefined, flush: async () => undefined };
  const file = new ReopenableFile(opts.logfile);
  const logger = createLogger({ ...opts, stream: file });
  const flush = () => new Promise<void>((resolve) => {
    file.once('finish', () => resolve());
    file.end();
  });
  return { logger, reopen: () => file.reopen(), flush };
}

/** A logger that drops everything (tests that do not look at logs). */
export function createSilentLogger(): Logger {
  return createLogger({ silent: true });
}
