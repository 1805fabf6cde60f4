// Configuration from environment variables: values override the defaults, bad values stop the
// start with one message naming each problem.
import { loadConfig } from '../../../config/load';
import { DEFAULTS } from '../../../config/defaults';
import { ValidationError } from '../../../src/errors';

describe('loadConfig', () => {
  it('gives the defaults for an empty environment', () => {
    expect(loadConfig({})).toEqual(DEFAULTS);
  });

  it('reads every documented variable', () => {
    const c = loadConfig({
      PORT: '0', HOST: '127.0.0.1', DATA_DIR: '/tmp/x', DATABASE_URL: 'postgres://u@db:5432/postgres', DATABASE_TAG: 'site-2',
      MASTER_PASSWORD: 'm', ADMIN_PASSWORD: 'a', DEFAULT_DB: 'help.desk-1', LOG_LEVEL: 'DEBUG', LIST_DB: 'no',
      SERVER_VERSION: '8.0', PASSWORD_ROUNDS: '1000', LOGIN_MAX_FAILURES: '3', LOGIN_COOLDOWN_SECONDS: '5',
      DEBUG_FAULTS: 'true', CENTER_CODE: 'HC1', MAX_BODY_BYTES: '2048', MAX_DEPTH: '10', MAX_ELEMENTS: '500',
      MAX_STRING_LENGTH: '100', BODY_TIMEOUT_MS: '250', SHUTDOWN_TIMEOUT_MS: '1000',
    });
    expect(c).toMatchObject({
      port: 0, host: '127.0.0.1', dataDir: '/tmp/x', databaseUrl: 'postgres://u@db:5432/postgres', databaseTag: 'site-2',
      masterPassword: 'm', adminPassword: 'a', defaultDb: 'help.desk-1', logLevel: 'debug', listDb: false,
      serverVersion: '8.0', passwordRounds: 1000, loginMaxFailures: 3, loginCooldownSeconds: 5, debugFaults: true,
      centerCode: 'HC1', limits: { maxBodyBytes: 2048, maxDepth: 10, maxElements: 500, maxStringLength: 100 },
      bodyTimeoutMs: 250, shutdownTimeoutMs: 1000,
    });
  });

  it('an empty DEFAULT_DB means no default database', () => {
    expect(loadConfig({ DEFAULT_DB: '' }).defaultDb).toBeNull();
  });

  it('reports every bad value at once', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: '80x', LIST_DB: 'maybe', DATABASE_URL: 'mysql://x', DEFAULT_DB: '../etc', LOG_LEVEL: 'loud',
        SERVER_VERSION: 'seven', PASSWORD_ROUNDS: '-5', MAX_BODY_BYTES: '1e9', MASTER_PASSWORD: '' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ValidationError);
    const text = (error as Error).message;
    for (const name of ['PORT', 'LIST_DB', 'DATABASE_URL', 'DEFAULT_DB', 'LOG_LEVEL', 'SERVER_VERSION',
      'PASSWORD_ROUNDS', 'MAX_BODY_BYTES', 'MASTER_PASSWORD']) {
      expect(text).toContain(`- ${name}`);
    }
  });

  it('refuses a port out of range', () => {
    expect(() => loadConfig({ PORT: '70000' })).toThrow(/PORT must be a whole number from 0 to 65535/);
  });
});
