// Remembers (db, uid) pairs whose password was verified, so later calls skip the slow hash. An
// entry holds the stored hash it was verified against and a keyed digest of the password: a
// changed hash or another password misses, so a password change is seen on the very next call.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

interface Entry {
  stored: string;
  digest: Buffer;
}

export class CredentialCache {
  /** Per process: digests are useless outside it, and never written anywhere. */
  private readonly key = randomBytes(32);
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly capacity = 10_000) {}

  private digest(db: string, uid: number, password: string): Buffer {
    return createHmac('sha256', this.key).update(`${db}\u0000${uid}\u0000${password}`, 'utf8').digest();
  }

  /** True when this password was verified against exactly this stored hash. */
  hit(db: string, uid: number, stored: string, password: string): boolean {
    const e = this.entries.get(`${db}\u0000${uid}`);
    if (!e || e.stored !== stored) return false;
    return timingSafeEqual(e.digest, this.digest(db, uid, password));
  }

  remember(db: string, uid: number, stored: string, password: string): void {
    const key = `${db}\u0000${uid}`;
    this.entries.delete(key);
    this.entries.set(key, { stored, digest: this.digest(db, uid, password) });
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
  }

  forget(db: string, uid: number): void {
    this.entries.delete(`${db}\u0000${uid}`);
  }
}
