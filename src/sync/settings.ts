// The sync settings models need at run time (our center code, the key of peer passwords), tied
// to the registry the composition root built. Without them (a bare registry in a test) the
// defaults apply: center MAIN and a key derived from the default master password.
import { deriveKey } from './secret';
import { resolveSyncConfig, type SyncConfig, type SyncServerConfig } from './sync-config';

export interface SyncSettings {
  centerCode: string;
  key: Buffer;
  config: SyncConfig;
  /** True when no secret was configured and the key comes from the master password. */
  keyFromMasterPassword: boolean;
}

const BY_REGISTRY = new WeakMap<object, SyncSettings>();
let fallback: SyncSettings | null = null;

export function syncSettingsFrom(config: SyncServerConfig): SyncSettings {
  const secret = config.syncSecretKey ?? null;
  return {
    centerCode: config.centerCode,
    // A separate label, so that the key is not the master password itself.
    key: deriveKey(secret ?? `master-password:${config.masterPassword ?? 'admin'}`),
    config: resolveSyncConfig(config),
    keyFromMasterPassword: secret === null,
  };
}

/** Called once by the composition root after it built the registry. */
export function attachSyncSettings(registry: object, config: SyncServerConfig): SyncSettings {
  const settings = syncSettingsFrom(config);
  BY_REGISTRY.set(registry, settings);
  return settings;
}

export function syncSettingsOf(registry: unknown): SyncSettings {
  const attached = typeof registry === 'object' && registry !== null ? BY_REGISTRY.get(registry) : undefined;
  if (attached) return attached;
  fallback ??= syncSettingsFrom({ centerCode: 'MAIN' });
  return fallback;
}
