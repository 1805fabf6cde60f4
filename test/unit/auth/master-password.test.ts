// The master password: checked against the configuration, changed and kept across a restart as a
// hash in the data directory (never the password itself), throttled per address.
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMasterPassword, type MasterPassword } from '../../../src/auth';
import { MASTER_PASSWORD_FILE } from '../../../src/auth/master-password';
import { AccessDenied, UserError } from '../../../src/errors';

async function refused(m: MasterPassword, pw: unknown, ip = '10.0.0.1'): Promise<boolean> {
  try {
    await m.check(pw, ip);
    return false;
  } catch (err) {
    if (err instanceof AccessDenied) return true;
    throw err;
  }
}

describe('master password', () => {
  let dataDir: string;
  const clock = { now: 0 };
  const make = (masterPassword = 'admin'): MasterPassword => createMasterPassword({
    config: { masterPassword, dataDir, passwordRounds: 1000, loginMaxFailures: 3, loginCooldownSeconds: 60 },
    now: () => clock.now,
  });
  beforeEach(() => { dataDir = mkdtempSync(join(tmpdir(), 'ocsc-master-')); clock.now = 1_000_000; });
  afterEach(() => { rmSync(dataDir, { recursive: true, force: true }); });

  test('the configured password opens; others, empty and non-text do not', async () => {
    const m = make('s3cret');
    await m.check('s3cret', '10.0.0.1');
    expect(await refused(m, 'S3cret')).toBe(true);
    expect(await refused(m, '')).toBe(true);
    expect(await refused(m, 42)).toBe(true);
    expect(await refused(m, null)).toBe(true);
  });

  test('an empty configured password opens nothing', async () => {
    expect(await refused(make(''), '')).toBe(true);
  });

  test('a change replaces the password now and after a restart, stored only as a hash', async () => {
    const m = make('admin');
    await m.change('n3w-master');
    expect(await refused(m, 'admin')).toBe(true);
    await m.check('n3w-master', '10.0.0.2');
    const file = join(dataDir, MASTER_PASSWORD_FILE);
    const stored = readFileSync(file, 'utf8');
    expect(stored).toMatch(/^\$pbkdf2-sha512\$1000\$/);
    expect(stored).not.toContain('n3w-master');
    expect(statSync(file).mode & 0o077).toBe(0);
    const restarted = make('admin');
    expect(restarted.persisted).toBe(true);
    await restarted.check('n3w-master', '10.0.0.2');
    expect(await refused(restarted, 'admin')).toBe(true);
  });

  test('an empty new password is refused and changes nothing', async () => {
    const m = make('admin');
    await expect(m.change('')).rejects.toBeInstanceOf(UserError);
    await m.check('admin', '10.0.0.3');
  });

  test('a file that does not hold a hash is ignored', async () => {
    writeFileSync(join(dataDir, MASTER_PASSWORD_FILE), 'plain-text\n');
    const m = make('admin');
    expect(m.persisted).toBe(false);
    await m.check('admin');
    expect(await refused(m, 'plain-text')).toBe(true);
  });

  test('after repeated failures an address is refused, even with the right password, for the cooldown', async () => {
    const m = make('admin');
    for (let i = 0; i < 3; i++) expect(await refused(m, 'guess', '10.0.0.9')).toBe(true);
    expect(await refused(m, 'admin', '10.0.0.9')).toBe(true);
    await m.check('admin', '10.0.0.10');
    clock.now += 60_000;
    await m.check('admin', '10.0.0.9');
  });
});
