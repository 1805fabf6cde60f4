// Debian's python3-odoorpc against the real server over JSON-RPC, on SQLite and on PostgreSQL
// (test/python/test_odoorpc.py, run with /usr/bin/python3, which has the package).
import { BACKENDS } from '../support/backends';
import { expectPythonPasses } from './support/python';
import { startTestServer, type TestServer } from './support/server';

describe.each(BACKENDS)('odoorpc on %s', (backend) => {
  let t: TestServer;
  beforeAll(async () => { t = await startTestServer(backend); });
  afterAll(async () => { await t?.stop(); });

  it('connects, logs in, works with records and workflows, reports refusals, dumps and restores', async () => {
    await expectPythonPasses(['test_odoorpc'], {
      url: t.url, db: t.db, login: t.login, password: t.password, masterPassword: t.masterPassword, python: '/usr/bin/python3',
    });
  });
});
