// Two independent clients of the real server walking the same path on SQLite and on PostgreSQL:
// Debian's python3-odoorpc over JSON-RPC (test/python/test_odoorpc.py, run with /usr/bin/python3,
// which has the package), and npm's odoo-await over XML-RPC (/xmlrpc/2): CRUD with external ids,
// search_read with <nil/> options, fields_get with its attributes passed positionally, a model
// method as an "action", and the refusals each reports.
import OdooAwait from 'odoo-await';
import { BACKENDS } from '../support/backends';
import { expectPythonPasses } from './support/python';
import { startTestServer, type TestServer } from './support/server';

describe.each(BACKENDS)('Odoo clients on %s', (backend) => {
  let t: TestServer;
  beforeAll(async () => { t = await startTestServer(backend); });
  afterAll(async () => { await t?.stop(); });

  it('odoorpc connects, logs in, works with records and workflows, reports refusals, dumps and restores', async () => {
    await expectPythonPasses(['test_odoorpc'], {
      url: t.url, db: t.db, login: t.login, password: t.password, masterPassword: t.masterPassword, python: '/usr/bin/python3',
    });
  });

  describe('odoo-await', () => {
    let odoo: OdooAwait;
    beforeAll(() => { odoo = new OdooAwait({ baseUrl: t.url, db: t.db, username: t.login, password: t.password }); });

    it('connects and refuses a wrong password', async () => {
      expect(await odoo.connect()).toBe(1);
      const wrong = new OdooAwait({ baseUrl: t.url, db: t.db, username: t.login, password: 'wrong' });
      await expect(wrong.connect()).rejects.toMatch(/invalid credentials/);
    });

    it('creates, reads, updates and deletes partners, by id and by external id', async () => {
      const id = await odoo.create('res.partner', { name: 'Await Partner', city: 'Huelva' }, 'await_partner');
      expect(typeof id).toBe('number');
      expect(await odoo.searchByExternalId('await_partner')).toBe(id);
      expect(await odoo.read('res.partner', id, ['name', 'city'])).toEqual([{ id, name: 'Await Partner', city: 'Huelva' }]);
      expect(await odoo.readByExternalId('await_partner', ['name'])).toEqual({ id, name: 'Await Partner' });
      expect(await odoo.update('res.partner', id, { city: 'Jaén' })).toBe(true);
      expect(await odoo.updateByExternalId('await_partner', { email: 'await@example.com' })).toBe(true);
      expect(await odoo.search('res.partner', { city: 'Jaén' })).toEqual([id]);
      expect(await odoo.search('res.partner', ['email', '=', 'await@example.com'])).toEqual([id]);
      expect(await odoo.deleteByExternalId('await_partner')).toBe(true);
      expect(await odoo.search('res.partner', { city: 'Jaén' })).toEqual([]);
    });

    it('search_reads with its default options and with options given as null (<nil/>)', async () => {
      const ids = [];
      for (const n of ['B', 'A', 'C']) ids.push(await odoo.create('res.partner', { name: `Await ${n}`, city: 'Almería' }));
      const all = await odoo.searchRead('res.partner', { city: 'Almería' }, ['name']) as { name: string }[];
      expect(all.map((r) => r.name).sort()).toEqual(['Await A', 'Await B', 'Await C']);
      const page: { name: string }[] = await odoo.searchRead('res.partner', [['city', '=', 'Almería']], ['name'],
        { offset: 0, limit: 2, order: 'name desc', context: {} });
      expect(page.map((r) => r.name)).toEqual(['Await C', 'Await B']);
      // odoo-await's typings want numbers and strings; null is what a caller passes for "none" and goes out as <nil/>.
      const none = null as unknown as undefined;
      const nil = await odoo.searchRead('res.partner', { city: 'Almería' }, ['name'], { offset: none, limit: none, order: none, context: none });
      expect(nil).toHaveLength(3);
      await odoo.delete('res.partner', ids);
    });

    it('reads field attributes passed positionally', async () => {
      const some = await odoo.getFields('res.partner', ['type', 'string']);
      expect(some.name).toEqual({ type: 'char', string: 'Name' });
      expect(some.parent_id).toEqual({ type: 'many2one', string: expect.any(String) });
      const all = await odoo.getFields('res.partner');
      expect(all.parent_id).toMatchObject({ type: 'many2one', relation: 'res.partner' });
    });

    it('calls a model method as an action, and reports refusals with the server message', async () => {
      const id = await odoo.create('res.partner', { name: 'Await Named' });
      expect(await odoo.action('res.partner', 'name_get', id)).toEqual([[id, 'Await Named']]);
      await expect(odoo.execute_kw('no.such.model', 'search', [[[]]])).rejects.toMatchObject({ faultString: expect.stringMatching(/no.such.model/) });
      await expect(odoo.update('res.partner', 999999999, { name: 'x' })).rejects.toMatchObject({ faultCode: 2 });
    });
  });
});
