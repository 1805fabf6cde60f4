// Counts failed attempts per key (a login, an address) and refuses a key for a cooldown once it
// reached the limit. Kept in memory, bounded, and driven by an injectable clock.

export interface ThrottleOptions {
  maxFailures: number;
  cooldownMs: number;
  now?: () => number;
  /** Keys remembered at most; the oldest are forgotten first (an attacker cannot grow memory). */
  capacity?: number;
}

interface Entry {
  failures: number;
  last: number;
}

export class Throttle {
  private readonly entries = new Map<string, Entry>();
  private readonly now: () => number;
  private readonly capacity: number;

  constructor(private readonly opts: ThrottleOptions) {
    this.now = opts.now ?? Date.now;
    this.capacity = opts.capacity ?? 50_000;
  }

  /** True while `key` is in its cooldown. Refused attempts do not extend it. */
  blocked(key: string): boolean {
    const e = this.current(key);
    return e !== undefined && e.failures >= this.opts.maxFailures;
  }

  fail(key: string): void {
    const e = this.current(key) ?? { failures: 0, last: 0 };
    e.failures += 1;
    e.last = this.now();
    // Re-inserting keeps the map ordered by last failure, so eviction drops the stalest key.
    this.entries.delete(key);
    this.entries.set(key, e);
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
  }

  reset(key: string): void {
    this.entries.delete(key);
  }

  /** The entry of `key` unless its last failure is older than the cooldown (then forgotten). */
  private current(key: string): Entry | undefined {
    const e = this.entries.get(key);
    if (e && this.now() - e.last >= this.opts.cooldownMs) {
      this.entries.delete(key);
      return undefined;
    }
    return e;
  }
}
