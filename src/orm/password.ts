// Password hashing: salted pbkdf2-sha512 in passlib's `$pbkdf2-sha512$<rounds>$<salt>$<hash>`
// form (the form Odoo stores), computed off the event loop and compared in constant time.
import { pbkdf2, randomBytes, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import { CallError } from '../errors';

const pbkdf2Async = promisify(pbkdf2);

export const DEFAULT_PASSWORD_ROUNDS = 600_000;
const PREFIX = '$pbkdf2-sha512$';
const SALT_BYTES = 16;
const HASH_BYTES = 64;
/** A stored string naming more rounds than this is refused rather than burning minutes of CPU. */
const MAX_ROUNDS = 100_000_000;

/** passlib's "adapted base64": standard alphabet with `.` for `+`, no padding. */
function ab64Encode(data: Buffer): string {
  return data.toString('base64').replace(/\+/g, '.').replace(/=+$/, '');
}

function ab64Decode(text: string): Buffer | null {
  if (!/^[A-Za-z0-9./]*$/.test(text)) return null;
  return Buffer.from(text.replace(/\./g, '+'), 'base64');
}

interface ParsedHash {
  rounds: number;
  salt: Buffer;
  hash: Buffer;
}

function parseHash(stored: string): ParsedHash | null {
  if (!stored.startsWith(PREFIX)) return null;
  const parts = stored.slice(PREFIX.length).split('$');
  if (parts.length !== 3 || !/^[1-9][0-9]{0,9}$/.test(parts[0])) return null;
  const rounds = Number(parts[0]);
  const salt = ab64Decode(parts[1]);
  const hash = ab64Decode(parts[2]);
  if (rounds > MAX_ROUNDS || !salt || !hash || salt.length === 0 || hash.length === 0) return null;
  return { rounds, salt, hash };
}

/** True when `stored` has the shape of a hash this module can verify. */
export function isPasswordHash(stored: unknown): stored is string {
  return typeof stored === 'string' && parseHash(stored) !== null;
}

/** The rounds a stored hash was made with (0 when it is not one of ours). */
export function hashRounds(stored: string): number {
  return parseHash(stored)?.rounds ?? 0;
}

export async function hashPassword(plain: string, rounds: number = DEFAULT_PASSWORD_ROUNDS): Promise<string> {
  if (!Number.isInteger(rounds) || rounds < 1 || rounds > MAX_ROUNDS) {
    throw new CallError(`pbkdf2 rounds out of range: ${rounds}`, 'ValueError');
  }
  const salt = randomBytes(SALT_BYTES);
  const hash = await pbkdf2Async(Buffer.from(plain, 'utf8'), salt, rounds, HASH_BYTES, 'sha512');
  return `${PREFIX}${rounds}$${ab64Encode(salt)}$${ab64Encode(hash)}`;
}

/** False for a wrong password and for anything that is not a hash of ours (never plain text). */
export async function verifyPassword(plain: string, stored: string): Promise<boolean> {
  const parsed = typeof stored === 'string' ? parseHash(stored) : null;
  if (!parsed || typeof plain !== 'string') return false;
  const actual = await pbkdf2Async(Buffer.from(plain, 'utf8'), parsed.salt, parsed.rounds, parsed.hash.length, 'sha512');
  return timingSafeEqual(actual, parsed.hash);
}
