// An app with the real dispatcher, transport and common service, and a stand-in for auth:
// for HTTP-level tests that need no database.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { DEFAULTS } from '../../../config/defaults';
import { createRpcApp } from '../../../src/app';
import { AccessDenied } from '../../../src/errors';
import { createLogger } from '../../../src/logger';
import { createCommonService } from '../../../src/rpc/services/common';
import type { Service } from '../../../src/rpc/services/types';

export interface FakeServer {
  port: number;
  url: string;
  close(): Promise<void>;
}

export async function startFakeServer(extra: Record<string, Service> = {},
  overrides: Partial<typeof DEFAULTS> = {}): Promise<FakeServer> {
  const config = { ...DEFAULTS, limits: { ...DEFAULTS.limits, maxBodyBytes: 64 * 1024 }, bodyTimeoutMs: 300, ...overrides };
  const common = createCommonService({
    serverVersion: config.serverVersion,
    auth: { login: async (_db, login, password) => (login === 'admin' && password === 'admin' ? 1 : false) },
    checkMasterPassword: async (p) => { if (p !== config.masterPassword) throw new AccessDenied(); },
  });
  const { app } = createRpcApp({ services: { common, ...extra }, config, logger: createLogger({ silent: true }) });
  const server: Server = await new Promise((resolve) => { const s = app.listen(0, '127.0.0.1', () => resolve(s)); });
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
