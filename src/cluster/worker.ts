// Inside a worker process: tells the master it listens, beats with the start of its oldest running
// call (the master enforces limit_time_real from that), asks to be replaced past limit_memory_soft
// or limit_request, exits past limit_memory_hard, and stops gracefully when the master says so.
import type { Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../logger';
import { BEAT_MS, isMasterMessage, type WorkerMessage } from './messages';

export interface WorkerLimits {
  /** Resident bytes after which the worker is replaced once its running calls end. */
  memorySoft: number | null;
  /** Resident bytes at which the worker exits at once (its running calls fail). */
  memoryHard: number | null;
  /** Requests the worker serves before it is replaced. */
  requests: number | null;
}

export interface WorkerOptions {
  http: Server;
  logger: Logger;
  limits: WorkerLimits;
  /** The graceful stop of this process (idempotent): stop accepting, finish calls, close, exit 0. */
  stop(reason: string): void;
}

const send = (m: WorkerMessage): void => {
  if (process.connected) process.send?.(m);
};

const LOG = { name: 'server.worker' };

export function superviseWorker(opts: WorkerOptions): void {
  const { logger, limits } = opts;
  const calls = new Map<ServerResponse, number>();
  let served = 0;
  let retiring = false;

  function retire(reason: string): void {
    if (retiring) return;
    retiring = true;
    send({ kind: 'retire', reason });
  }

  function afterCall(): void {
    if (retiring) return;
    if (limits.requests !== null && served >= limits.requests) {
      logger.info(`Worker (${process.pid}) max request (${served}) reached.`, LOG);
      retire('limit_request');
      return;
    }
    const rss = process.memoryUsage.rss();
    if (limits.memorySoft !== null && rss > limits.memorySoft) {
      logger.info(`Worker (${process.pid}) virtual memory limit (${limits.memorySoft}) reached: ${rss} bytes in use.`, LOG);
      retire('limit_memory_soft');
    }
  }

  // Every call's log line already carries the pid of the worker that served it.
  opts.http.on('request', (_req: unknown, res: ServerResponse) => {
    calls.set(res, Date.now());
    served += 1;
    res.once('close', () => {
      calls.delete(res);
      afterCall();
    });
  });

  const beat = setInterval(() => {
    let oldest: number | null = null;
    for (const started of calls.values()) oldest = oldest === null ? started : Math.min(oldest, started);
    send({ kind: 'beat', oldestCallStartedMs: oldest });
    const rss = process.memoryUsage.rss();
    if (limits.memoryHard !== null && rss > limits.memoryHard) {
      logger.error(`Worker (${process.pid}) memory hard limit (${limits.memoryHard}) reached: ${rss} bytes in use; exiting now`, LOG);
      process.exit(1);
    }
  }, BEAT_MS);
  beat.unref();

  process.on('message', (m: unknown) => {
    if (isMasterMessage(m)) opts.stop(retiring ? 'replaced by a new worker' : 'the master stops');
  });
  // A master that is gone (killed) must not leave its workers serving on their own.
  process.on('disconnect', () => opts.stop('the master is gone'));

  const { address, port } = opts.http.address() as AddressInfo;
  send({ kind: 'listening', address, port });
  logger.info(`Worker (${process.pid}) alive`, LOG);
}
