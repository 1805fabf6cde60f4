// Backups through the db service on both backends: Odoo's zip layout and the portable format
// round-trip a populated database; a damaged archive, a taken name and a wrong master password
// are refused, and a refused restore leaves no database behind.
import { createWriteStream, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import knexFactory from 'knex';
import { createMasterPassword } from '../../../src/auth';
import { AccessDenied, CallError, UserError } from '../../../src/errors';
import type { Database } from '../../../src/db/types';
import { createDbService } from '../../../src/rpc/services/db';
import type { Service, ServiceCall } from '../../../src/rpc/services/types';
import type { RpcValue } from '../../../src/values';
import { BACKENDS, PG_URL } from '../../support/backends';
import { defaultCreate, insertPartner, TEST_ROUNDS, testManager, type TestManager } from './fixtures';

const call: ServiceCall = { profile: 'odoo', ip: '10.1.2.3', requestId: 'test', log: { set: () => {} } };
const quiet = { info: () => {}, warn: () => {}, error: () => {} };

async function seed(db: Database): Promise<void> {
  const parent = await insertPartner(db, { name: 'Parent', is_company: true, comment: 'Ünïcödé, quotes \' " and\nnewlines' });
  for (let i = 0; i < 200; i++) await insertPartner(db, { name: `Partner ${i}`, parent_id: parent });
}

const snapshot = async (db: Database) => db.knex('res_partner').select('id', 'name', 'parent_id', 'comment').orderBy('id');

/** The entries of a zip archive (local headers in order): name and inflated content. */
function unzip(data: Buffer): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  let at = 0;
  while (data.readUInt32LE(at) === 0x04034b50) {
    const flags = data.readUInt16LE(at + 6);
    const method = data.readUInt16LE(at + 8);
    const nameLength = data.readUInt16LE(at + 26);
    const extraLength = data.readUInt16LE(at + 28);
    const name = data.subarray(at + 30, at + 30 + nameLength).toString('utf8');
    const start = at + 30 + nameLength + extraLength;
    // Sizes follow the data (flag bit 3): find the next header to know where this entry ends.
    const next = flags & 8 ? data.indexOf(Buffer.from([0x50, 0x4b, 0x07, 0x08]), start) : start + data.readUInt32LE(at + 18);
    const raw = data.subarray(start, next);
    out.set(name, method === 8 ? inflateRawSync(raw) : raw);
    at = flags & 8 ? next + 16 : next;
  }
  return out;
}

function entrySize(data: Buffer, name: string): number {
  return unzip(data).get(name)!.length;
}

describe.each(BACKENDS)('zip and portable backups on %s', (backend) => {
  let t: TestManager;
  let masterDir: string;
  let service: Service;
  let source: string;
  const run = (method: string, ...params: RpcValue[]): Promise<RpcValue> => service[method](call, params);
  const failure = (p: Promise<unknown>): Promise<unknown> => p.then(() => null, (e: unknown) => e);

  /** What is left of a database under `name`: listed, and (hidden or not) on disk or on the server. */
  async function leftovers(name: string): Promise<string[]> {
    const found = (await t.dbm.list()).filter((n) => n === name);
    if (backend === 'sqlite') return [...found, ...readdirSync(t.dataDir).filter((f) => f.includes(name))];
    const admin = knexFactory({ client: 'pg', connection: PG_URL, pool: { min: 0, max: 1 } });
    const rows = await admin('pg_database').where({ datname: name }).pluck('datname');
    await admin.destroy();
    return [...found, ...rows];
  }

  beforeAll(async () => {
    t = testManager(backend);
    masterDir = mkdtempSync(join(tmpdir(), 'ocsc-master-'));
    service = createDbService({
      dbm: t.dbm, logger: quiet,
      config: { serverVersion: '7.0', languages: [], listDb: true },
      master: createMasterPassword({
        config: { masterPassword: 'master', dataDir: masterDir, passwordRounds: TEST_ROUNDS, loginMaxFailures: 3, loginCooldownSeconds: 600 },
      }),
    });
    source = t.fresh();
    await t.dbm.create(source, defaultCreate);
    await seed(await t.dbm.get(source));
  });
  afterAll(async () => {
    await t.cleanup();
    rmSync(masterDir, { recursive: true, force: true });
  });

  test('a zip backup has Odoo’s layout and restores to the same rows, ids continuing', async () => {
    const data = Buffer.from(await run('dump', 'master', source, 'zip') as string, 'base64');
    const entries = unzip(data);
    expect([...entries.keys()].sort()).toEqual(['manifest.json', backend === 'pg' ? 'dump.sql' : 'database.sqlite'].sort());
    const manifest = JSON.parse(entries.get('manifest.json')!.toString('utf8'));
    expect(manifest).toMatchObject({ db_name: source, version: '7.0', backend, migrations: expect.arrayContaining([expect.any(String)]) });
    if (backend === 'pg') expect(entries.get('dump.sql')!.toString('utf8')).toContain('CREATE TABLE public.res_partner');
    else expect(entries.get('database.sqlite')!.subarray(0, 16).toString('latin1')).toBe('SQLite format 3\0');

    const copy = t.fresh();
    expect(await run('restore', 'master', copy, data.toString('base64'))).toBe(true);
    const restored = await t.dbm.get(copy);
    const original = await t.dbm.get(source);
    expect(await snapshot(restored)).toEqual(await snapshot(original));
    const maxId = Math.max(...(await snapshot(restored)).map((r: { id: number }) => r.id));
    expect(await insertPartner(restored, { name: 'After restore' })).toBeGreaterThan(maxId);
  });

  test('the portable format keeps its own name and round-trips', async () => {
    const data = Buffer.from(await run('dump', 'master', source, 'portable') as string, 'base64');
    expect(data.subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b]));
    const copy = t.fresh();
    await run('restore', 'master', copy, data.toString('base64'));
    expect(await snapshot(await t.dbm.get(copy))).toEqual(await snapshot(await t.dbm.get(source)));
  });

  test('a damaged archive is refused with a clear fault and leaves no database', async () => {
    const data = Buffer.from(await run('dump', 'master', source, 'zip') as string, 'base64');
    const flipped = Buffer.from(data);
    for (let i = Math.floor(data.length / 2); i < Math.floor(data.length / 2) + 8; i++) flipped[i] ^= 0x5a;
    const truncated = data.subarray(0, data.length - 200);
    for (const damaged of [flipped, truncated]) {
      const name = t.fresh();
      const err = await failure(run('restore', 'master', name, damaged.toString('base64')));
      expect(err).toBeInstanceOf(UserError);
      expect((err as UserError).message).toMatch(/^This is not a usable backup archive \(.+\)\.$/);
      expect(await leftovers(name)).toEqual([]);
    }
  });

  test('a restore under an existing name is refused and leaves it untouched', async () => {
    const data = await run('dump', 'master', source, 'zip') as string;
    const before = await snapshot(await t.dbm.get(source));
    const err = await failure(run('restore', 'master', source, data));
    expect(err).toBeInstanceOf(CallError);
    expect((err as CallError).message).toBe('Database already exists');
    expect(await snapshot(await t.dbm.get(source))).toEqual(before);
  });

  test('backup and restore report their progress as they stream, up to the whole', async () => {
    const path = join(masterDir, 'progress.zip');
    const seenDump: [number, number][] = [];
    await t.dbm.dumpZip(source, createWriteStream(path), '7.0', (done, total) => seenDump.push([done, total]));
    expect(seenDump.length).toBeGreaterThan(0);
    expect(seenDump.every(([done], i) => i === 0 || done >= seenDump[i - 1][0])).toBe(true);
    if (backend === 'sqlite') expect(seenDump.at(-1)![0]).toBe(seenDump.at(-1)![1]);
    const seenRestore: [number, number][] = [];
    await t.dbm.restoreZip(t.fresh(), path, (done, total) => seenRestore.push([done, total]));
    const [done, total] = seenRestore.at(-1)!;
    expect(done).toBe(total);
    expect(total).toBe(entrySize(readFileSync(path), backend === 'pg' ? 'dump.sql' : 'database.sqlite'));
    expect(seenRestore.every(([d], i) => i === 0 || d > seenRestore[i - 1][0])).toBe(true);
    // Nothing runs on the source now: get_progress by name says so as a KeyError.
    expect(await failure(run('get_progress', 'master', source))).toBeInstanceOf(CallError);
  });

  test('a wrong master password is refused, counted, and then throttles the address', async () => {
    for (let i = 0; i < 3; i++) expect(await failure(run('dump', 'wrong', source, 'zip'))).toBeInstanceOf(AccessDenied);
    // Three failures from this address: even the right password waits for the cooldown.
    expect(await failure(run('dump', 'master', source, 'zip'))).toBeInstanceOf(AccessDenied);
  });
});
