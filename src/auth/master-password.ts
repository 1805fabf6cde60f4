// The master password of the `db` service (OpenERP's admin_passwd). It starts as configured;
// `change` replaces it and stores a pbkdf2 hash of the new one in `<dataDir>/.master-password`,
// which wins over the configuration from then on (delete the file to go back to it).
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AccessDenied, UserError } from '../errors';
import type { Logger } from '../db/types';
import { hashPassword, isPasswordHash, verifyPassword } from '../orm/password';
import { Throttle } from './throttle';

export const MASTER_PASSWORD_FILE = '.master-password';

export interface MasterPasswordSettings {
  /** The configured password, used until a changed one is stored. */
  masterPassword: string;
  /** Where the changed password's hash is kept. */
  dataDir: string;
  passwordRounds: number;
  /** Wrong passwords per address before the cooldown. */
  loginMaxFailures: number;
  loginCooldownSeconds: number;
}

export interface MasterPasswordOptions {
  config: MasterPasswordSettings;
  logger?: Logger;
  now?: () => number;
}

export interface MasterPassword {
  /** Resolves for the right password; AccessDenied otherwise (and while an address is throttled). */
  check(password: unknown, ip?: string): Promise<void>;
  change(newPassword: string): Promise<void>;
  /** True when the current password came from the stored file rather than the configuration. */
  readonly persisted: boolean;
}

type Secret = { kind: 'plain'; value: string } | { kind: 'hash'; value: string };

export function createMasterPassword(opts: MasterPasswordOptions): MasterPassword {
  const file = join(opts.config.dataDir, MASTER_PASSWORD_FILE);
  const key = randomBytes(32);
  const digest = (text: string): Buffer => createHmac('sha256', key).update(text, 'utf8').digest();
  const throttle = new Throttle({
    maxFailures: opts.config.loginMaxFailures, cooldownMs: opts.config.loginCooldownSeconds * 1000, now: opts.now,
  });
  let secret: Secret = { kind: 'plain', value: opts.config.masterPassword };
  let persisted = false;
  /** The last password verified against the stored hash: spares a slow hash per db call. */
  let verified: Buffer | null = null;

  if (existsSync(file)) {
    const stored = readFileSync(file, 'utf8').trim();
    if (isPasswordHash(stored)) {
      secret = { kind: 'hash', value: stored };
      persisted = true;
    } else {
      opts.logger?.warn(`Ignoring ${file}: it does not hold a password hash`, { name: 'db' });
    }
  }

  async function matches(password: string): Promise<boolean> {
    if (secret.kind === 'plain') return timingSafeEqual(digest(password), digest(secret.value));
    if (verified !== null && timingSafeEqual(verified, digest(password))) return true;
    if (!(await verifyPassword(password, secret.value))) return false;
    verified = digest(password);
    return true;
  }

  return {
    get persisted() {
      return persisted;
    },
    async check(password, ip = '') {
      if (throttle.blocked(ip)) throw new AccessDenied();
      // An empty master password never opens anything, whatever the configuration says.
      if (typeof password !== 'string' || password === '' || !(await matches(password))) {
        throttle.fail(ip);
        opts.logger?.warn(`Wrong master password from ${ip.replace(/[^\w.:[\]-]/g, '_') || 'an unknown address'}`, { name: 'db' });
        throw new AccessDenied();
      }
      throttle.reset(ip);
    },
    async change(newPassword) {
      if (typeof newPassword !== 'string' || newPassword === '') {
        throw new UserError('The master password cannot be empty.', 'Warning');
      }
      const hash = await hashPassword(newPassword, opts.config.passwordRounds);
      mkdirSync(opts.config.dataDir, { recursive: true });
      // Written aside then renamed: a crash never leaves a half-written file behind.
      const tmp = `${file}.${process.pid}.tmp`;
      await writeFile(tmp, `${hash}\n`, { mode: 0o600 });
      await rename(tmp, file);
      secret = { kind: 'hash', value: hash };
      verified = digest(newPassword);
      persisted = true;
      opts.logger?.info('Master password changed', { name: 'db' });
    },
  };
}
