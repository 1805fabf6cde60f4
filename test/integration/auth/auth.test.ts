// Authentication on both backends: login and check answers, the verified-credentials cache
// (counted in hash calls, not time), changes seen on the next call, and throttling per address.
import { createAuth, type Auth, type PasswordHasher } from '../../../src/auth';
import { AccessDenied } from '../../../src/errors';
import type { Database } from '../../../src/db/types';
import { hashPassword, verifyPassword } from '../../../src/orm/password';
import { bumpSignal } from '../../../src/db/cache-signal';
import { BACKENDS } from '../../support/backends';
import { createUser, defaultCreate, TEST_ROUNDS, testManager, TestManager } from '../db/fixtures';

interface Harness {
  auth: Auth;
  lines: string[];
  hashes: { hash: number; verify: number };
  clock: { now: number };
}

function harness(t: TestManager): Harness {
  const lines: string[] = [];
  const hashes = { hash: 0, verify: 0 };
  const clock = { now: Date.UTC(2026, 0, 1) };
  const hasher: PasswordHasher = {
    hashPassword: async (plain, rounds) => { hashes.hash++; return hashPassword(plain, rounds); },
    verifyPassword: async (plain, stored) => { hashes.verify++; return verifyPassword(plain, stored); },
  };
  const logger = { info: (m: string) => { lines.push(m); }, warn: (m: string) => { lines.push(`WARN ${m}`); }, error: () => {} };
  const auth = createAuth({
    dbm: t.dbm,
    config: { passwordRounds: TEST_ROUNDS, loginMaxFailures: 10, loginCooldownSeconds: 60 },
    logger, hasher, now: () => clock.now,
  });
  return { auth, lines, hashes, clock };
}

async function denied(p: Promise<unknown>): Promise<boolean> {
  try {
    await p;
    return false;
  } catch (err) {
    if (err instanceof AccessDenied) return true;
    throw err;
  }
}

describe.each(BACKENDS)('authentication on %s', (backend) => {
  let t: TestManager;
  let h: Harness;
  let dbName: string;
  let db: Database;
  let demoUid: number;
  beforeEach(async () => {
    t = testManager(backend);
    dbName = t.fresh();
    await t.dbm.create(dbName, defaultCreate);
    db = await t.dbm.get(dbName);
    demoUid = await createUser(db, 'demo', 'demo-pass');
    await createUser(db, 'gone', 'gone-pass', false);
    h = harness(t);
  });
  afterEach(async () => { await t.cleanup(); });

  const adminUid = async (): Promise<number> => (await db.knex('res_users').where({ login: 'admin' }).first()).id;

  test('a good login returns the uid and records the login date', async () => {
    expect(await h.auth.login(dbName, 'demo', 'demo-pass', '10.0.0.1')).toBe(demoUid);
    expect(await h.auth.login(dbName, 'admin', 'secret', '10.0.0.1')).toBe(await adminUid());
    const row = await db.knex('res_users').where({ id: demoUid }).first();
    expect(row.login_date).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    expect(h.lines).toEqual([]);
  });

  test.each([
    ['a wrong password', 'demo', 'wrong'],
    ['a differently cased login', 'Demo', 'demo-pass'],
    ['an unknown login', 'nobody', 'demo-pass'],
    ['an inactive user', 'gone', 'gone-pass'],
    ['an empty password', 'demo', ''],
  ])('%s gives False and one fail2ban line', async (_label, login, password) => {
    expect(await h.auth.login(dbName, login, password, '10.0.0.2')).toBe(false);
    expect(h.lines).toEqual([`Login failed for db:${dbName} login:${login} from 10.0.0.2`]);
  });

  test('a wrong or invalid database gives False too, not a fault', async () => {
    expect(await h.auth.login('no_such_db', 'admin', 'secret', '10.0.0.3')).toBe(false);
    expect(await h.auth.login('../etc', 'admin', 'secret', '10.0.0.3')).toBe(false);
    expect(h.lines).toEqual([
      'Login failed for db:no_such_db login:admin from 10.0.0.3',
      'Login failed for db:../etc login:admin from 10.0.0.3',
    ]);
  });

  test('unknown logins, inactive users and wrong databases cost one verification, like a wrong password', async () => {
    for (const [d, login, pwd] of [[dbName, 'demo', 'wrong'], [dbName, 'nobody', 'x'], [dbName, 'gone', 'gone-pass'], ['no_such_db', 'demo', 'x']]) {
      const before = h.hashes.verify;
      await h.auth.login(d, login, pwd, '10.0.0.4');
      expect(h.hashes.verify - before).toBe(1);
    }
  });

  test('check accepts the right triple and denies every wrong one', async () => {
    await h.auth.check(dbName, demoUid, 'demo-pass', '10.0.0.5');
    expect(await denied(h.auth.check(dbName, demoUid, 'wrong', '10.0.0.5'))).toBe(true);
    expect(await denied(h.auth.check(dbName, 999_999, 'demo-pass', '10.0.0.5'))).toBe(true);
    expect(await denied(h.auth.check(dbName, demoUid, '', '10.0.0.5'))).toBe(true);
    expect(await denied(h.auth.check('no_such_db', demoUid, 'demo-pass', '10.0.0.5'))).toBe(true);
    const goneUid = (await db.knex('res_users').where({ login: 'gone' }).first()).id;
    expect(await denied(h.auth.check(dbName, goneUid, 'gone-pass', '10.0.0.5'))).toBe(true);
  });

  test('a verified triple is cached: later checks and logins do not hash', async () => {
    await h.auth.check(dbName, demoUid, 'demo-pass', '10.0.0.6');
    const after = { ...h.hashes };
    for (let i = 0; i < 5; i++) await h.auth.check(dbName, demoUid, 'demo-pass', '10.0.0.6');
    expect(await h.auth.login(dbName, 'demo', 'demo-pass', '10.0.0.6')).toBe(demoUid);
    expect(h.hashes).toEqual(after);
    // Another password for the same uid is not a hit.
    expect(await denied(h.auth.check(dbName, demoUid, 'demo-pass2', '10.0.0.6'))).toBe(true);
    expect(h.hashes.verify).toBe(after.verify + 1);
  });

  test('a password change takes effect on the very next call', async () => {
    await h.auth.check(dbName, demoUid, 'demo-pass', '10.0.0.7');
    // Changed outside the ORM, so the test moves the cache signal as the ORM's write would.
    await db.knex('res_users').where({ id: demoUid }).update({ password: await hashPassword('new-pass', TEST_ROUNDS) });
    await bumpSignal(db.knex);
    expect(await denied(h.auth.check(dbName, demoUid, 'demo-pass', '10.0.0.7'))).toBe(true);
    await h.auth.check(dbName, demoUid, 'new-pass', '10.0.0.7');
    expect(await h.auth.login(dbName, 'demo', 'demo-pass', '10.0.0.7')).toBe(false);
  });

  test('a deactivation takes effect on the very next call, without hashing', async () => {
    await h.auth.check(dbName, demoUid, 'demo-pass', '10.0.0.8');
    await db.knex('res_users').where({ id: demoUid }).update({ active: false });
    await bumpSignal(db.knex);
    const before = h.hashes.verify;
    expect(await denied(h.auth.check(dbName, demoUid, 'demo-pass', '10.0.0.8'))).toBe(true);
    expect(await h.auth.login(dbName, 'demo', 'demo-pass', '10.0.0.8')).toBe(false);
    // The inactive user's hash is never compared (a dummy one is, to keep the time the same).
    expect(h.hashes.verify - before).toBe(2);
  });

  test('wrong passwords for a login from other addresses never refuse the right one', async () => {
    for (let i = 0; i < 30; i++) expect(await h.auth.login(dbName, 'admin', `guess${i}`, `10.1.0.${i % 3}`)).toBe(false);
    expect(await h.auth.login(dbName, 'admin', 'secret', '10.9.9.9')).toBe(await adminUid());
    await h.auth.check(dbName, await adminUid(), 'secret', '10.9.9.9');
    expect(h.lines).toHaveLength(30);
  });

  test('a success from an address clears its count', async () => {
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 9; i++) expect(await h.auth.login(dbName, 'demo', `guess${i}`, '10.1.1.1')).toBe(false);
      expect(await h.auth.login(dbName, 'demo', 'demo-pass', '10.1.1.1')).toBe(demoUid);
    }
    for (let i = 0; i < 9; i++) expect(await denied(h.auth.check(dbName, demoUid, `guess${i}`, '10.1.1.2'))).toBe(true);
    await h.auth.check(dbName, demoUid, 'demo-pass', '10.1.1.2');
    for (let i = 0; i < 9; i++) expect(await denied(h.auth.check(dbName, demoUid, `guess${i}`, '10.1.1.2'))).toBe(true);
    await h.auth.check(dbName, demoUid, 'demo-pass', '10.1.1.2');
  });

  test('after 10 failures from an address it is refused for 60 s without hashing', async () => {
    for (let i = 0; i < 10; i++) expect(await h.auth.login(dbName, `user${i}`, 'x', '10.2.0.1')).toBe(false);
    const before = { ...h.hashes };
    expect(await h.auth.login(dbName, 'demo', 'demo-pass', '10.2.0.1')).toBe(false);
    expect(await denied(h.auth.check(dbName, demoUid, 'demo-pass', '10.2.0.1'))).toBe(true);
    expect(h.hashes).toEqual(before);
    expect(h.lines.slice(10)).toEqual([
      `Login failed for db:${dbName} login:demo from 10.2.0.1`,
      `Login failed for db:${dbName} login:#${demoUid} from 10.2.0.1`,
    ]);
    expect(await h.auth.login(dbName, 'demo', 'demo-pass', '10.2.0.2')).toBe(demoUid);
    h.clock.now += 60_000;
    expect(await h.auth.login(dbName, 'demo', 'demo-pass', '10.2.0.1')).toBe(demoUid);
  });

  test('wrong passwords through check count toward the budget of their address', async () => {
    for (let i = 0; i < 10; i++) expect(await denied(h.auth.check(dbName, demoUid, `guess${i}`, '10.3.0.1'))).toBe(true);
    expect(h.lines[0]).toBe(`Login failed for db:${dbName} login:demo from 10.3.0.1`);
    expect(await h.auth.login(dbName, 'demo', 'demo-pass', '10.3.0.1')).toBe(false);
    expect(await h.auth.login(dbName, 'demo', 'demo-pass', '10.3.0.2')).toBe(demoUid);
  });

  test('a login cannot forge log lines', async () => {
    await h.auth.login(dbName, 'x from 6.6.6.6\nLogin failed for db:a login:b', 'pw', '10.4.0.1');
    expect(h.lines).toEqual([`Login failed for db:${dbName} login:x_from_6.6.6.6_Login_failed_for_db:a_login:b from 10.4.0.1`]);
  });
});

describe('authentication at the default cost', () => {
  test('the timing dummy is hashed at the configured number of rounds', async () => {
    const t = testManager('sqlite');
    try {
      const rounds: number[] = [];
      const auth = createAuth({
        dbm: t.dbm,
        config: { passwordRounds: 600_000, loginMaxFailures: 10, loginCooldownSeconds: 60 },
        logger: { info: () => {}, warn: () => {}, error: () => {} },
        hasher: { hashPassword: async (p, r) => { rounds.push(r); return hashPassword(p, r); }, verifyPassword },
      });
      expect(await auth.login('no_such_db', 'admin', 'admin', '127.0.0.1')).toBe(false);
      expect(rounds).toEqual([600_000]);
    } finally {
      await t.cleanup();
    }
  });
});
