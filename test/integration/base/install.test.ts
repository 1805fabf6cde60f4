// Installing the base module on a new database: reflected models, installed modules, groups,
// the administrator as uid 1 with a hashed password, and upgrades that leave noupdate data alone.
import { BACKENDS } from '../../support/backends';
import { openBaseDb, type BaseDb, ADMIN_PASSWORD } from './support';
import { verifyPassword } from '../../../src/orm/password';

describe.each(BACKENDS)('base module installed on %s', (backend) => {
  let base: BaseDb;
  beforeAll(async () => { base = await openBaseDb(backend); });
  afterAll(async () => { await base?.destroy(); });

  it('makes the administrator uid 1, login admin, with a hashed password', async () => {
    const row = await base.db.knex('res_users').where('id', 1).first();
    expect(row.login).toBe('admin');
    expect(row.password).toMatch(/^\$pbkdf2-sha512\$1000\$/);
    expect(await verifyPassword(ADMIN_PASSWORD, row.password)).toBe(true);
    const [admin] = await base.env(1).model('res.users').read([1], ['name', 'partner_id', 'company_id', 'password']);
    expect(admin.name).toBe('Administrator');
    expect(admin.company_id).toEqual([1, 'My Company']);
    expect(admin.password).toBe(false);
  });
});
