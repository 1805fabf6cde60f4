// Authentication: user credentials (login/check) and the `db` service's master password.
export { createAuth } from './auth';
export type { Auth, AuthOptions, AuthSettings, CheckedCall, PasswordHasher } from './auth';
export { createMasterPassword } from './master-password';
export type { MasterPassword, MasterPasswordOptions, MasterPasswordSettings } from './master-password';
