// Peer passwords at rest: only the configured key opens them, and nothing of the password shows.
import { deriveKey, isSealed, seal, unseal } from '../../../src/sync/secret';
import { syncSettingsFrom } from '../../../src/sync/settings';

describe('sealed peer passwords', () => {
  const key = deriveKey('a secret from the configuration');

  it('opens with the key it was sealed with, and shows nothing of the password', () => {
    const sealed = seal('pässwörd-1234', key);
    expect(isSealed(sealed)).toBe(true);
    expect(sealed).not.toContain('1234');
    expect(Buffer.from(sealed.split('$').pop()!, 'base64').toString('utf8')).not.toContain('pässwörd');
    expect(unseal(sealed, key)).toBe('pässwörd-1234');
  });

  it('differs every time, so equal passwords cannot be spotted in a dump', () => {
    expect(seal('same', key)).not.toBe(seal('same', key));
  });

  it('stays shut under another key, and when altered', () => {
    const sealed = seal('secret', key);
    expect(unseal(sealed, deriveKey('another secret'))).toBeNull();
    const parts = sealed.split('$');
    const body = Buffer.from(parts[parts.length - 1], 'base64');
    body[0] ^= 1;
    parts[parts.length - 1] = body.toString('base64');
    expect(unseal(parts.join('$'), key)).toBeNull();
    expect(unseal('$sync-aes256gcm$broken', key)).toBeNull();
  });

  it('derives the key from the configured secret, else from the master password', () => {
    const configured = syncSettingsFrom({ centerCode: 'HC', syncSecretKey: 'k1', masterPassword: 'm' });
    const fromMaster = syncSettingsFrom({ centerCode: 'HC', syncSecretKey: null, masterPassword: 'm' });
    expect(configured.keyFromMasterPassword).toBe(false);
    expect(fromMaster.keyFromMasterPassword).toBe(true);
    expect(configured.key.equals(fromMaster.key)).toBe(false);
    expect(syncSettingsFrom({ centerCode: 'X', masterPassword: 'm' }).key.equals(fromMaster.key)).toBe(true);
    expect(unseal(seal('pw', configured.key), fromMaster.key)).toBeNull();
  });
});
