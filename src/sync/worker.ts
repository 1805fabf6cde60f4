// The sync sender: a loop beside the HTTP server (never inside a request) that delivers the queue
// of every database to its peers. It wakes when a change is committed and polls otherwise; each
// peer has its own backoff, so a peer that is down holds up nobody else.
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { claimPeer, duePeers, type SyncDb } from './peers';
import { deliverToPeer, type SyncLogger } from './deliver';
import type { PeerSession } from './peer-session';
import { syncSettingsFrom } from './settings';
import type { SyncServerConfig } from './sync-config';
import { onSyncQueued } from './wakeup';
import { purgeOld } from './outbox-marks';

/** How often each database's old messages and keys are purged. */
const PURGE_EVERY_MS = 60 * 60_000;

/** What the sender needs of the DatabaseManager. */
export interface SyncDatabases {
  list(): Promise<string[]>;
  get(name: string): Promise<SyncDb>;
}

export interface SyncWorkerOptions {
  dbm: SyncDatabases;
  config: SyncServerConfig;
  logger: SyncLogger;
  /** Run the background loop (default true); tests may call `drainOnce` by hand instead. */
  loop?: boolean;
  /** Names this process in leases; defaults to host, pid and a random suffix. */
  worker?: string;
}

export interface DrainReport {
  delivered: number;
  refused: number;
  /** Peers left in backoff this round. */
  peersFailing: number;
}

export interface SyncWorker {
  readonly worker: string;
  /** One round over every database: each due peer gets what is due for it. */
  drainOnce(): Promise<DrainReport>;
  stop(): Promise<void>;
}

export function startSyncWorker(opts: SyncWorkerOptions): SyncWorker {
  const settings = syncSettingsFrom(opts.config);
  const config = settings.config;
  const logger = opts.logger;
  const worker = opts.worker ?? `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  const sessions = new Map<string, PeerSession>();
  const withQueue = new Set<string>();
  const purgedAt = new Map<string, number>();
  let stopped = false;
  let running: Promise<DrainReport> | null = null;
  let wake: (() => void) | null = null;
  // A wake-up that came while a round was running: the next sleep is skipped.
  let woken = false;

  if (settings.keyFromMasterPassword) {
    logger.warn('No sync secret key is configured: peer passwords are encrypted with a key derived from the master password',
      { name: 'sync.sender' });
  }

  async function drainAll(): Promise<DrainReport> {
    const total: DrainReport = { delivered: 0, refused: 0, peersFailing: 0 };
    for (const name of await opts.dbm.list()) {
      if (stopped) break;
      try {
        const db = await opts.dbm.get(name);
        if (!withQueue.has(name)) {
          if (!(await db.knex.schema.hasTable('sync_outbox'))) continue;
          withQueue.add(name);
        }
        if (Date.now() - (purgedAt.get(name) ?? 0) > PURGE_EVERY_MS) {
          purgedAt.set(name, Date.now());
          await purgeOld(db, config.retentionDays);
        }
        const peers = await duePeers(db);
        await inLanes(peers, Math.max(1, config.concurrency), async (peer) => {
          if (stopped || !(await claimPeer(db, peer, worker, config.leaseMs))) return;
          const r = await deliverToPeer(db, peer, {
            worker, centerCode: settings.centerCode, key: settings.key, config, logger, sessions, stopped: () => stopped,
          });
          total.delivered += r.delivered;
          total.refused += r.refused;
          if (r.failure) total.peersFailing++;
        });
      } catch (err) {
        logger.error(`Sync round failed: ${String((err as Error)?.message ?? err)}`, { db: name, name: 'sync.sender' });
      }
    }
    return total;
  }

  function drainOnce(): Promise<DrainReport> {
    // One round at a time per process: the loop and a caller share the round in progress.
    running ??= drainAll().finally(() => {
      running = null;
    });
    return running;
  }

  function sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        wake = null;
        resolve();
      }
      wake = done;
      if (stopped || woken) done();
      woken = false;
    });
  }

  const unsubscribe = onSyncQueued(() => {
    if (wake) wake();
    else woken = true;
  });
  let loop: Promise<void> = Promise.resolve();
  if (opts.loop !== false) {
    loop = (async () => {
      while (!stopped) {
        const r = await drainOnce();
        if (stopped) break;
        // Something was delivered: there may be more right away (a later page of the queue).
        if (r.delivered === 0) await sleep(config.pollMs);
      }
    })();
  }

  return {
    worker,
    drainOnce,
    async stop() {
      stopped = true;
      unsubscribe();
      (wake as (() => void) | null)?.();
      await loop;
      if (running) await running;
    },
  };
}

/** Runs `fn` over `items`, at most `width` at a time. */
async function inLanes<T>(items: T[], width: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, async () => {
    while (next < items.length) await fn(items[next++]);
  }));
}
