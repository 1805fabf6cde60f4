// The sync sender: a loop beside the HTTP server (never inside a request) that delivers the queue
// of every database to its peers. It wakes when a change is committed and polls otherwise; each
// peer has its own backoff, so a peer that is down holds up nobody else.
import { claimPeer, duePeers, type SyncDb } from './peers';
import { deliverToPeer, type SyncLogger } from './deliver';
import type { PeerSession } from './peer-session';
import { syncSettingsFrom } from './settings';
import type { SyncServerConfig } from './sync-config';
import { syncQueued } from './wakeup';
import { purgeOld } from './outbox-marks';
import { databaseVisitor, type Databases } from '../jobs/databases';
import { defaultWorkerName, startPollingLoop } from '../jobs/polling-loop';

/** How often each database's old messages and keys are purged. */
const PURGE_EVERY_MS = 60 * 60_000;

/** What the sender needs of the DatabaseManager. */
export type SyncDatabases = Databases<SyncDb>;

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
  const worker = opts.worker ?? defaultWorkerName();
  const sessions = new Map<string, PeerSession>();
  const visit = databaseVisitor(opts.dbm, 'sync_outbox');
  const purgedAt = new Map<string, number>();

  if (settings.keyFromMasterPassword) {
    logger.warn('No sync secret key is configured: peer passwords are encrypted with a key derived from the master password',
      { name: 'sync.sender' });
  }

  async function drainAll(stopped: () => boolean): Promise<DrainReport> {
    const total: DrainReport = { delivered: 0, refused: 0, peersFailing: 0 };
    await visit(async (db) => {
      if (Date.now() - (purgedAt.get(db.name) ?? 0) > PURGE_EVERY_MS) {
        purgedAt.set(db.name, Date.now());
        await purgeOld(db, config.retentionDays);
      }
      const peers = await duePeers(db);
      await inLanes(peers, Math.max(1, config.concurrency), async (peer) => {
        if (stopped() || !(await claimPeer(db, peer, worker, config.leaseMs))) return;
        const r = await deliverToPeer(db, peer, {
          worker, centerCode: settings.centerCode, key: settings.key, config, logger, sessions, stopped,
        });
        total.delivered += r.delivered;
        total.refused += r.refused;
        if (r.failure) total.peersFailing++;
      });
    }, {
      until: stopped,
      onError: (name, err) => {
        logger.error(`Sync round failed: ${String((err as Error)?.message ?? err)}`, { db: name, name: 'sync.sender' });
      },
    });
    return total;
  }

  const loop = startPollingLoop({
    round: drainAll,
    // Something was delivered: there may be more right away (a later page of the queue). Each
    // peer has its own backoff, so a round as a whole never fails.
    outcome: (r) => (r.delivered > 0 ? 'busy' : 'idle'),
    onRoundError: (err) => {
      // Listing the databases failed (the database server is down?): try again at the next poll.
      logger.error(`Sync round failed: ${String((err as Error)?.message ?? err)}`, { name: 'sync.sender' });
      return { delivered: 0, refused: 0, peersFailing: 0 };
    },
    pollMs: config.pollMs,
    wakeup: syncQueued,
    loop: opts.loop,
  });

  return { worker, drainOnce: loop.drainOnce, stop: loop.stop };
}

/** Runs `fn` over `items`, at most `width` at a time. */
async function inLanes<T>(items: T[], width: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, async () => {
    while (next < items.length) await fn(items[next++]);
  }));
}
