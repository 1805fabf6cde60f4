// Python's own xmlrpc.client against the real server, on SQLite and on PostgreSQL: the
// unittest modules of test/python get the URL, database and credentials in the environment.
import { BACKENDS } from '../support/backends';
import { expectPythonPasses } from './support/python';
import { startTestServer, type TestServer } from './support/server';

describe.each(BACKENDS)('Python xmlrpc.client on %s', (backend) => {
  let t: TestServer;
  beforeAll(async () => { t = await startTestServer(backend); });
  afterAll(async () => { await t?.stop(); });

  it('passes the common, object and db suites', async () => {
    await expectPythonPasses(['test_server_common', 'test_server_object', 'test_server_db', 'test_orm_methods', 'test_orm_domain', 'test_orm_values', 'test_orm_access', 'test_orm_base', 'test_orm_fidelity'], {
      url: t.url, db: t.db, login: t.login, password: t.password, masterPassword: t.masterPassword,
    });
  }, 180_000);

  it('treats names every JavaScript object has as unknown names, in every place and path family', async () => {
    await expectPythonPasses(['test_prototype_names'], {
      url: t.url, db: t.db, login: t.login, password: t.password,
      env: { RPC_PROTOTYPE_NAMES: JSON.stringify(Object.getOwnPropertyNames(Object.prototype)) },
    });
  }, 180_000);
});
