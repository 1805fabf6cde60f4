// A password set through res.users (create, write, change_password) is the one login accepts
// afterwards, and the old one stops working; deactivated users cannot log in.
import { createAuth } from '../../../src/auth';
import { BACKENDS } from '../../support/backends';
import { openBaseDb, ADMIN_PASSWORD, type BaseDb } from './support';

const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };

describe.each(BACKENDS)('logging in with passwords set through res.users on %s', (backend) => {
  let base: BaseDb;
  const auth = () => createAuth({
    dbm: { get: async (name: string) => ({ name, knex: base.db.knex, backend }) },
    config: { passwordRounds: 1000, loginMaxFailures: 100, loginCooldownSeconds: 60 },
    logger: quiet,
  });
  beforeAll(async () => { base = await openBaseDb(backend); });
  afterAll(async () => { await base?.destroy(); });

  it('logs the administrator in with the password given at creation', async () => {
    expect(await auth().login(base.db.name, 'admin', ADMIN_PASSWORD, '127.0.0.1')).toBe(1);
    expect(await auth().login(base.db.name, 'admin', 'admin', '127.0.0.1')).toBe(false);
  });

  it('accepts the new password after a write or a change, and no longer the old one', async () => {
    const su = base.env(1);
    const uid = await su.model('res.users').create({ name: 'Carla', login: 'carla', password: 'first-pw' });
    const a = auth();
    expect(await a.login(base.db.name, 'carla', 'first-pw', '10.0.0.1')).toBe(uid);
    await su.model('res.users').write([uid], { password: 'second-pw' });
    expect(await a.login(base.db.name, 'carla', 'first-pw', '10.0.0.1')).toBe(false);
    expect(await a.login(base.db.name, 'carla', 'second-pw', '10.0.0.1')).toBe(uid);
    await base.env(uid).model('res.users').call('change_password', { old_passwd: 'second-pw', new_passwd: 'third-pw' });
    await expect(a.check(base.db.name, uid, 'second-pw', '10.0.0.1')).rejects.toThrow();
    await expect(a.check(base.db.name, uid, 'third-pw', '10.0.0.1')).resolves.toMatchObject({ database: { name: base.db.name } });
    await su.model('res.users').write([uid], { active: false });
    expect(await a.login(base.db.name, 'carla', 'third-pw', '10.0.0.1')).toBe(false);
  });
});
