// Access denials as XML-RPC clients receive them from the real server, checked against the
// answers recorded from Odoo 18 (reference/odoo18-observations.md): a user created with no
// groups is refused partners, user creation and company changes, in each profile's fault form.
import { BACKENDS } from '../../support/backends';
import { client } from '../../e2e/support/npm-client';
import { startTestServer, type TestServer } from '../../e2e/support/server';

const PARTNER_READ = "You are not allowed to access 'Contact' (res.partner) records.\n\n"
  + 'This operation is allowed for the following groups:\n\t- Human Resources/Employee\n\t- Technical Settings/Contact Creation\n\n'
  + 'Contact your administrator to request access if necessary.';
const USER_CREATE = "You are not allowed to create 'User' (res.users) records.\n\n"
  + 'This operation is allowed for the following groups:\n\t- Administration/Access Rights\n\n'
  + 'Contact your administrator to request access if necessary.';
const COMPANY_WRITE = "You are not allowed to modify 'Companies' (res.company) records.\n\n"
  + 'This operation is allowed for the following groups:\n\t- Administration/Access Rights\n\n'
  + 'Contact your administrator to request access if necessary.';

describe.each(BACKENDS)('access denials over XML-RPC on %s', (backend) => {
  let t: TestServer;
  let rpc: ReturnType<typeof client>;
  let probe: number;
  let admin: number;
  beforeAll(async () => {
    t = await startTestServer(backend);
    rpc = client(t.port);
    admin = await rpc.call('/xmlrpc/2/common', 'login', t.db, t.login, t.password) as number;
    probe = await rpc.call('/xmlrpc/2/object', 'execute_kw', t.db, admin, t.password, 'res.users', 'create',
      [{ name: 'Probe User', login: 'probe_user', password: 'probe_pw_12345', groups_id: [[6, 0, []]] }]) as number;
  });
  afterAll(async () => { await t?.stop(); });

  it('logs the new user in with the password it was created with', async () => {
    expect(await rpc.call('/xmlrpc/2/common', 'login', t.db, 'probe_user', 'probe_pw_12345')).toBe(probe);
    expect(await rpc.call('/xmlrpc/2/object', 'execute_kw', t.db, admin, t.password, 'res.users', 'read',
      [[probe], ['password', 'login']])).toEqual([{ id: probe, password: false, login: 'probe_user' }]);
  });

  it('refuses as Odoo 18 does on /xmlrpc/2', async () => {
    expect(await rpc.fault('/xmlrpc/2/object', 'execute_kw', t.db, probe, 'probe_pw_12345', 'res.partner', 'search_read',
      [[]], { fields: ['name'], limit: 1 })).toEqual({ faultCode: 4, faultString: PARTNER_READ });
    expect(await rpc.fault('/xmlrpc/2/object', 'execute_kw', t.db, probe, 'probe_pw_12345', 'res.users', 'create',
      [{ name: 'x', login: 'x' }])).toEqual({ faultCode: 4, faultString: USER_CREATE });
    expect(await rpc.fault('/xmlrpc/2/object', 'execute_kw', t.db, probe, 'probe_pw_12345', 'res.company', 'write',
      [[1], { name: 'Hacked' }])).toEqual({ faultCode: 4, faultString: COMPANY_WRITE });
  });

  it('refuses with 7.0 legacy faults on /xmlrpc', async () => {
    expect(await rpc.fault('/xmlrpc/object', 'execute', t.db, probe, 'probe_pw_12345', 'res.users', 'create', { name: 'x', login: 'x' }))
      .toEqual({ faultCode: `warning -- AccessError\n\n${USER_CREATE}`, faultString: '' });
  });

  it('answers context_get to the user after login', async () => {
    expect(await rpc.call('/xmlrpc/object', 'execute', t.db, probe, 'probe_pw_12345', 'res.users', 'context_get'))
      .toEqual({ lang: 'en_US', tz: false });
  });
});
