// Password hashes: passlib's pbkdf2-sha512 format at the default cost, verification, and
// agreement with an independently computed hash (Python's hashlib, the one Odoo's passlib uses).
import { DEFAULT_PASSWORD_ROUNDS, hashPassword, hashRounds, isPasswordHash, verifyPassword } from '../../../src/orm/password';

// hashlib.pbkdf2_hmac('sha512', b'correct horse', bytes(range(16)), 1000), in passlib's encoding.
const FROM_PYTHON = '$pbkdf2-sha512$1000$AAECAwQFBgcICQoLDA0ODw$'
  + 'Xpx07WjVx4vCIvrmBRj8uOoVVtGqJqtUv2J5bhizSQs7osCteF7W4A61dZDqSIqQjO.dxO6p5FT/Uy7QRBXSXA';

describe('password hashes', () => {
  test('the default cost is at least 600,000 rounds, in the stored format', async () => {
    expect(DEFAULT_PASSWORD_ROUNDS).toBeGreaterThanOrEqual(600_000);
    const stored = await hashPassword('admin');
    expect(stored).toMatch(/^\$pbkdf2-sha512\$600000\$[A-Za-z0-9./]{22}\$[A-Za-z0-9./]{86}$/);
    expect(hashRounds(stored)).toBe(600_000);
    expect(await verifyPassword('admin', stored)).toBe(true);
  });

  test('the stored hash never contains the password and is salted', async () => {
    const a = await hashPassword('hunter2', 1000);
    const b = await hashPassword('hunter2', 1000);
    expect(a).not.toContain('hunter2');
    expect(a).not.toBe(b);
    expect(await verifyPassword('hunter2', a)).toBe(true);
    expect(await verifyPassword('hunter2', b)).toBe(true);
  });

  test('a wrong, differently cased or empty password does not verify', async () => {
    const stored = await hashPassword('Secret', 1000);
    expect(await verifyPassword('secret', stored)).toBe(false);
    expect(await verifyPassword('Secret ', stored)).toBe(false);
    expect(await verifyPassword('', stored)).toBe(false);
  });

  test('non-ASCII passwords hash as UTF-8', async () => {
    const stored = await hashPassword('contraseña-ñandú', 1000);
    expect(await verifyPassword('contraseña-ñandú', stored)).toBe(true);
    expect(await verifyPassword('contrasena-nandu', stored)).toBe(false);
  });

  test('a hash made by Python verifies, so hashes move between servers', async () => {
    expect(isPasswordHash(FROM_PYTHON)).toBe(true);
    expect(await verifyPassword('correct horse', FROM_PYTHON)).toBe(true);
    expect(await verifyPassword('correct horsE', FROM_PYTHON)).toBe(false);
  });

  test.each([
    ['plain text equal to the password', 'admin'],
    ['an empty string', ''],
    ['another scheme', '$pbkdf2-sha256$1000$AAECAwQFBgcICQoLDA0ODw$abc'],
    ['a hash without rounds', '$pbkdf2-sha512$$AAECAwQFBgcICQoLDA0ODw$abc'],
    ['a hash with an absurd cost', '$pbkdf2-sha512$99999999999$AAECAwQFBgcICQoLDA0ODw$abc'],
    ['bad characters', '$pbkdf2-sha512$1000$AA!!$abc'],
  ])('%s never verifies', async (_label, stored) => {
    expect(isPasswordHash(stored)).toBe(false);
    expect(await verifyPassword('admin', stored)).toBe(false);
  });

  test('a cost outside the sane range is refused when hashing', async () => {
    await expect(hashPassword('x', 0)).rejects.toThrow(/rounds out of range/);
    await expect(hashPassword('x', 1.5)).rejects.toThrow(/rounds out of range/);
  });
});
