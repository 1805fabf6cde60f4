// Login throttling per source address over HTTP, on SQLite and PostgreSQL: Python's
// xmlrpc.client connects from several loopback addresses, to the server and to the same
// dispatcher behind a proxy-mode HTTP app; the fail2ban lines name the address that was counted.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHttpApp } from '../../src/app';
import { BACKENDS } from '../support/backends';
import { expectPythonPasses } from './support/python';
import { startTestServer, type TestServer } from './support/server';

const MAX_FAILURES = 3;

describe.each(BACKENDS)('login throttling per address on %s', (backend) => {
  let t: TestServer;
  let proxied: Server;
  let proxyUrl: string;
  beforeAll(async () => {
    t = await startTestServer(backend, { config: { loginMaxFailures: MAX_FAILURES } });
    const app = createHttpApp({ dispatcher: t.server.dispatcher, config: { ...t.config, proxyMode: true } });
    proxied = await new Promise((resolve) => { const s = app.listen(0, '127.0.0.1', () => resolve(s)); });
    proxyUrl = `http://127.0.0.1:${(proxied.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    proxied?.closeAllConnections();
    await new Promise<void>((resolve) => { if (proxied) proxied.close(() => resolve()); else resolve(); });
    await t?.stop();
  });

  it('locks out one address only, resets on success, and trusts X-Forwarded-For only in proxy mode', async () => {
    await expectPythonPasses(['test_login_throttle'], {
      url: t.url, db: t.db, login: t.login, password: t.password, masterPassword: t.masterPassword,
      env: { RPC_PROXY_URL: proxyUrl, RPC_MAX_FAILURES: String(MAX_FAILURES) },
    });
    const failed = (from: string) => t.logs.filter((l) => l.includes(`Login failed for db:${t.db} login:admin from ${from}`));
    expect(failed('127.0.0.2')).toHaveLength(MAX_FAILURES + 1);
    expect(failed('127.0.0.7')).toHaveLength(MAX_FAILURES + 1);
    expect(t.logs.some((l) => l.includes('from 10.0.1.'))).toBe(false);
    expect(failed('10.0.2.1')).toHaveLength(MAX_FAILURES + 2);
    expect(failed('127.0.0.8')).toHaveLength(0);
  });
});
