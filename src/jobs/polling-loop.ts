// The loop of a background worker beside the HTTP server (never inside a request): rounds over
// the databases, one at a time per process, sleeping between them until the next poll unless a
// committed change wakes it, and backing off (with jitter) while rounds keep failing.
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { retryDelayMs, type BackoffPolicy } from './backoff';
import type { Wakeup } from './wakeup';

/** After a round: `busy` goes again at once, `idle` sleeps until the poll, `failing` backs off. */
export type RoundOutcome = 'busy' | 'idle' | 'failing';

export interface PollingLoopOptions<R> {
  /** One round; `stopped()` turns true once stop() was called, and the round should end soon. */
  round(stopped: () => boolean): Promise<R>;
  outcome(report: R): RoundOutcome;
  /** A round that threw (listing the databases failed?): the worker logs it and gives its report. */
  onRoundError(err: unknown): R;
  pollMs: number;
  /** Pauses after consecutive failing rounds. Default: the poll. */
  backoff?: BackoffPolicy;
  /**
   * Whether a wake-up ends a backoff pause too (default false). The mail sender says yes: new mail
   * is worth one attempt at once, and a success ends the outage; a failure backs off further.
   */
  wakeDuringBackoff?: boolean;
  wakeup: Wakeup;
  /** Run the loop (default true); tests may call `drainOnce` by hand instead. */
  loop?: boolean;
  random?: () => number;
}

export interface PollingLoop<R> {
  /** Runs a round now, or joins the one in progress. */
  drainOnce(): Promise<R>;
  /** Ends the loop and any sleep, and waits for the round in progress. */
  stop(): Promise<void>;
}

/** Names this process in leases: host, pid and a random suffix. */
export function defaultWorkerName(): string {
  return `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
}

export function startPollingLoop<R>(opts: PollingLoopOptions<R>): PollingLoop<R> {
  let stopped = false;
  let running: Promise<R> | null = null;
  let sleeping: { end(): void; wakeable: boolean } | null = null;
  // A wake-up that came while a round was running: the next idle sleep is skipped.
  let woken = false;
  const isStopped = () => stopped;

  function drainOnce(): Promise<R> {
    // One round at a time per process: the loop and a caller share the round in progress.
    running ??= opts.round(isStopped).finally(() => {
      running = null;
    });
    return running;
  }

  function sleep(ms: number, wakeable: boolean): Promise<void> {
    return new Promise((resolve) => {
      const end = () => {
        clearTimeout(timer);
        sleeping = null;
        resolve();
      };
      const timer = setTimeout(end, ms);
      sleeping = { end, wakeable };
      if (stopped || (wakeable && woken)) end();
      woken = false;
    });
  }

  const unsubscribe = opts.wakeup.subscribe(() => {
    if (!sleeping) woken = true;
    else if (sleeping.wakeable) sleeping.end();
  });

  let loop: Promise<void> = Promise.resolve();
  if (opts.loop !== false) {
    loop = (async () => {
      let failingStreak = 0;
      while (!stopped) {
        let report: R;
        try {
          report = await drainOnce();
        } catch (err) {
          report = opts.onRoundError(err);
        }
        if (stopped) break;
        const outcome = opts.outcome(report);
        failingStreak = outcome === 'failing' ? failingStreak + 1 : 0;
        if (outcome === 'idle') await sleep(opts.pollMs, true);
        else if (outcome === 'failing') {
          await sleep(opts.backoff ? retryDelayMs(failingStreak, opts.backoff, opts.random) : opts.pollMs, opts.wakeDuringBackoff === true);
        }
      }
    })();
  }

  return {
    drainOnce,
    async stop() {
      stopped = true;
      unsubscribe();
      (sleeping as { end(): void } | null)?.end();
      await loop;
      if (running) await running;
    },
  };
}
