// Settings of peer-center sync: how the sender paces itself, how long it waits on a peer, and
// how it backs off. config/defaults.ts may override any of them; the composition root passes them.

export interface SyncConfig {
  /** Messages sent in one call to a peer, and the most bytes of payload in that call. */
  batchSize: number;
  batchBytes: number;
  /** Peers delivered to at once (one slow peer does not hold up the others). */
  concurrency: number;
  /** How often the queue is looked at when nothing wakes the sender. */
  pollMs: number;
  /**
   * How long a sender holds a peer unless renewed; a live sender renews it every third of it, so
   * a dead process's peers are taken over this long after it died.
   */
  leaseMs: number;
  /** Connection and answer timeout of one call to a peer (the lease is renewed meanwhile). */
  timeoutMs: number;
  /** Backoff while a peer is unreachable, and of messages a peer refused. */
  retryBaseMs: number;
  retryMaxMs: number;
  /** Refusals of one message before it is marked failed (its request's later messages wait). */
  maxAttempts: number;
  /**
   * Backoff once a peer refused our credentials (or its database or our rights are wrong):
   * long, so a misconfigured peer is not hammered. Editing the configuration retries at once.
   */
  blockedBaseMs: number;
  blockedMaxMs: number;
  /** Largest answer read from a peer. */
  maxResponseBytes: number;
  /**
   * Days delivered messages and the keys of applied ones are kept. A key must outlive every
   * retry of its message (a sender gives up after maxAttempts, hours at most with the defaults).
   */
  retentionDays: number;
}

export const SYNC_DEFAULTS: SyncConfig = {
  batchSize: 50,
  batchBytes: 4 * 1024 * 1024,
  concurrency: 4,
  pollMs: 2_000,
  leaseMs: 15_000,
  timeoutMs: 30_000,
  retryBaseMs: 5_000,
  retryMaxMs: 10 * 60_000,
  maxAttempts: 50,
  blockedBaseMs: 10 * 60_000,
  blockedMaxMs: 6 * 60 * 60_000,
  maxResponseBytes: 16 * 1024 * 1024,
  retentionDays: 90,
};

/** What the sync worker reads of the server's configuration. */
export interface SyncServerConfig {
  /** This installation's center code: peers know us by it. */
  centerCode: string;
  /** The secret peer passwords are encrypted with; null derives one from the master password. */
  syncSecretKey?: string | null;
  masterPassword?: string;
  sync?: Partial<SyncConfig>;
}

export function resolveSyncConfig(config: SyncServerConfig): SyncConfig {
  return { ...SYNC_DEFAULTS, ...(config.sync ?? {}) };
}
