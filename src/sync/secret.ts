// Peer passwords at rest: AES-256-GCM under a key derived from the configured secret. We must
// send the password to the peer, so it cannot be hashed; encrypted, a copy of the database
// (a dump, a backup) does not give away the peers' logins.
import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from 'node:crypto';

const PREFIX = '$sync-aes256gcm$';
const SALT = 'openerp-support-center/peer-password/v1';
const derived = new Map<string, Buffer>();

/** The 32-byte key of a configured secret (scrypt, so a short secret is still costly to guess). */
export function deriveKey(secret: string): Buffer {
  let key = derived.get(secret);
  if (!key) {
    key = scryptSync(secret, SALT, 32, { N: 1 << 14, r: 8, p: 1 });
    derived.set(secret, key);
  }
  return key;
}

export function isSealed(stored: unknown): boolean {
  return typeof stored === 'string' && stored.startsWith(PREFIX);
}

/** `$sync-aes256gcm$<iv>$<tag>$<ciphertext>`, each part base64; a fresh IV every time. */
export function seal(plain: string, key: Buffer): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return `${PREFIX}${iv.toString('base64')}$${cipher.getAuthTag().toString('base64')}$${body.toString('base64')}`;
}

/**
 * The password, or null when it was sealed under another key (or tampered with). A value that
 * was never sealed (written straight into the table) is returned as it is.
 */
export function unseal(stored: string, key: Buffer): string | null {
  if (!isSealed(stored)) return stored;
  const [iv, tag, body] = stored.slice(PREFIX.length).split('$');
  if (iv === undefined || tag === undefined || body === undefined) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}
