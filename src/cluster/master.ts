// The master process of `workers = N` (Odoo's prefork server): forks N workers sharing the port
// (node:cluster), serves nothing, replaces a worker that dies (with a backoff), retires (memory,
// requests) or passes limit_time_real (killed), and stops them all gracefully on SIGTERM/SIGINT.
import cluster, { type Worker } from 'node:cluster';
import { createServer } from 'node:net';
import type { Logger } from '../logger';
import { childEnv, childExecArgv } from '../v8-memory';
import { BEAT_MS, isWorkerMessage, WORKER_PORT_VARIABLE, type MasterMessage, type WorkerMessage } from './messages';

/** The pause before replacing a worker that died, by deaths in the last minute: 0.25 s doubling to 10 s. */
export function respawnDelayMs(recentDeaths: number): number {
  return Math.min(10_000, 250 * 2 ** Math.max(0, recentDeaths - 1));
}

/** The port to give the workers: a free one when 0 was configured, so a worker started after all
 *  others died listens where they did. */
export function resolvePort(host: string, port: number): Promise<number> {
  if (port !== 0) return Promise.resolve(port);
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, host, () => {
      const { port: free } = probe.address() as { port: number };
      probe.close(() => resolve(free));
    });
  });
}

export interface MasterOptions {
  workers: number;
  /** The port every worker listens on (already resolved when 0 was configured). */
  port: number;
  logger: Logger;
  /** Seconds a call may run before its worker is killed (null: no limit). */
  limitTimeReal: number | null;
  /** How long the workers' graceful stop may take before the master kills what is left. */
  shutdownTimeoutMs: number;
  /** Called once, when the first worker listens. */
  onListening(address: string, port: number): void;
  /** Writes out the log before the master exits. */
  flush(): Promise<void>;
}

interface Child {
  worker: Worker;
  pid: number;
  ready: boolean;
  lastBeatMs: number;
  oldestCallStartedMs: number | null;
  /** Asked to retire: a replacement is starting, then it is told to stop. */
  retiring: boolean;
  /** Told to stop: its exit is expected. */
  stopping: boolean;
  /** Killed for passing limit_time_real. */
  timedOut: boolean;
  /** The retiring worker this one replaces, stopped once this one listens. */
  replaces: Child | null;
}

const LOG = { name: 'server.master' };
/** Deaths before the first worker listens after which the master stops instead of trying again. */
const START_ATTEMPTS = 3;

export function runMaster(opts: MasterOptions): void {
  const { logger } = opts;
  const children = new Map<number, Child>();
  const crashes: number[] = [];
  const pendingForks = new Set<NodeJS.Timeout>();
  let announced = false;
  let stopping = false;

  const send = (c: Child, m: MasterMessage) => {
    if (c.worker.isConnected()) c.worker.send(m);
  };

  function stopChild(c: Child): void {
    if (c.stopping) return;
    c.stopping = true;
    // One still starting has no handler yet: SIGTERM ends it before it serves anything.
    if (c.ready) send(c, { kind: 'stop' });
    else c.worker.process.kill('SIGTERM');
  }

  function fork(replaces: Child | null = null): void {
    const worker = cluster.fork({ ...childEnv(process.env), [WORKER_PORT_VARIABLE]: String(opts.port) });
    const pid = worker.process.pid ?? -1;
    const child: Child = {
      worker, pid, ready: false, lastBeatMs: Date.now(), oldestCallStartedMs: null,
      retiring: false, stopping: false, timedOut: false, replaces,
    };
    children.set(worker.id, child);
    worker.on('message', (m: unknown) => { if (isWorkerMessage(m)) onMessage(child, m); });
  }

  /** Forks what N lacks: workers neither retiring nor stopping, plus forks already scheduled. */
  function replenish(delayMs: number): void {
    const serving = [...children.values()].filter((c) => !c.retiring && !c.stopping).length;
    for (let i = serving + pendingForks.size; i < opts.workers; i++) {
      if (delayMs === 0) {
        fork();
        continue;
      }
      const timer = setTimeout(() => {
        pendingForks.delete(timer);
        if (!stopping) fork();
      }, delayMs);
      pendingForks.add(timer);
    }
  }

  function onMessage(c: Child, m: WorkerMessage): void {
    c.lastBeatMs = Date.now();
    if (m.kind === 'beat') c.oldestCallStartedMs = m.oldestCallStartedMs;
    else if (m.kind === 'listening') {
      c.ready = true;
      if (!announced) {
        announced = true;
        opts.onListening(m.address, m.port);
      }
      if (c.replaces) stopChild(c.replaces);
      c.replaces = null;
      if (stopping) stopChild(c);
    } else if (m.kind === 'retire' && !c.retiring && !c.stopping) {
      c.retiring = true;
      logger.info(`Worker (${c.pid}) retiring (${m.reason}): starting its replacement`, LOG);
      if (stopping) stopChild(c);
      else fork(c);
    }
  }

  cluster.on('exit', (worker, code, signal) => {
    const c = [...children.values()].find((x) => x.worker === worker);
    if (!c) return;
    children.delete(worker.id);
    const how = signal ? `signal ${signal}` : `exit code ${code}`;
    // A replacement that never listened leaves the worker it was to replace serving: stop it now.
    if (c.replaces) stopChild(c.replaces);
    if (stopping) {
      logger.info(`Worker (${c.pid}) stopped (${how})`, LOG);
      if (children.size === 0) void finish(0);
      return;
    }
    if (c.stopping) {
      logger.info(`Worker (${c.pid}) exited after being replaced (${how})`, LOG);
      replenish(0);
    } else if (c.timedOut) {
      logger.info(`Worker (${c.pid}) killed (limit_time_real); starting a new worker`, LOG);
      replenish(0);
    } else {
      const now = Date.now();
      crashes.push(now);
      while (crashes.length > 0 && crashes[0] < now - 60_000) crashes.shift();
      // Workers that die before any of them ever listened (port taken, database down): give up.
      if (!announced && crashes.length >= START_ATTEMPTS) {
        logger.log('critical', `Worker (${c.pid}) died (${how}) before listening, ${crashes.length} times: stopping`, LOG);
        for (const other of children.values()) other.worker.process.kill('SIGKILL');
        void finish(1);
        return;
      }
      const delay = respawnDelayMs(crashes.length);
      logger.warn(`Worker (${c.pid}) died (${how}); respawning in ${delay} ms`, LOG);
      replenish(delay);
    }
  });

  // limit_time_real: a call older than the limit, or a worker silent for longer (its event loop is
  // held by the call), gets its worker killed; the dropped connections roll its transactions back.
  const watch = setInterval(() => {
    if (opts.limitTimeReal === null) return;
    const limitMs = opts.limitTimeReal * 1000;
    const now = Date.now();
    for (const c of children.values()) {
      if (!c.ready || c.timedOut) continue;
      const overdue = (c.oldestCallStartedMs !== null && now - c.oldestCallStartedMs > limitMs) || now - c.lastBeatMs > limitMs + BEAT_MS;
      if (!overdue) continue;
      c.timedOut = true;
      logger.error(`Worker (${c.pid}) timeout after ${opts.limitTimeReal}s (limit_time_real): killing it, its running calls fail`, LOG);
      c.worker.process.kill('SIGKILL');
    }
  }, BEAT_MS);

  async function finish(code: number): Promise<void> {
    clearInterval(watch);
    if (code === 0) logger.info('Stopped', { name: 'server' });
    await opts.flush();
    process.exit(code);
  }

  function stop(signal: string): void {
    if (stopping) {
      logger.warn(`${signal} received again: killing the workers and exiting now`, { name: 'server' });
      for (const c of children.values()) c.worker.process.kill('SIGKILL');
      process.exit(1);
    }
    stopping = true;
    for (const t of pendingForks) clearTimeout(t);
    pendingForks.clear();
    logger.info(`${signal} received: stopping ${children.size} worker(s) once their running calls end`, { name: 'server' });
    if (children.size === 0) void finish(0);
    for (const c of children.values()) stopChild(c);
    // Workers cut their calls at the shutdown deadline themselves; this one bounds a stuck worker.
    setTimeout(() => {
      logger.warn('Workers still running after the shutdown deadline: killing them', { name: 'server' });
      for (const c of children.values()) c.worker.process.kill('SIGKILL');
    }, opts.shutdownTimeoutMs + 5000).unref();
  }

  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  // The master's own log file is reopened by the SIGHUP handler of src/main.ts.
  process.on('SIGHUP', () => {
    for (const c of children.values()) c.worker.process.kill('SIGHUP');
  });

  logger.info(`Master (${process.pid}) starting ${opts.workers} worker(s)`, LOG);
  // Workers start with the young generation's flag, as `npm start` does (src/v8-memory.ts).
  cluster.setupPrimary({ execArgv: childExecArgv(process.execArgv, process.env.NODE_OPTIONS) });
  replenish(0);
}
