// A backup of a database of realistic size restores whole: 20k partners with companies, tags
// (40k links), followers, messages, notifications and attachments, dumped and restored on each backend and
// across, then compared row by row over every table.
import { insertBatches } from '../../../src/db/insert-batch';
import { listTables } from '../../../src/db/introspect';
import { MIGRATIONS_TABLE } from '../../../src/db/migrate';
import type { Database } from '../../../src/db/types';
import { type Backend, BACKENDS } from '../../support/backends';
import { defaultCreate, testManager, type TestManager } from './fixtures';

const COMPANIES = 200;
const CONTACTS = 19_800;
const TAGS = 60;
const MESSAGES = 5_000;
const ATTACHMENTS = 1_000;
const STAMP = '2025-01-02 03:04:05';

function range(from: number, count: number): number[] {
  return Array.from({ length: count }, (_, i) => from + i);
}

async function bulkInsert(db: Database, table: string, rows: Record<string, unknown>[]): Promise<void> {
  await db.knex.transaction(async (trx) => {
    for (const batch of insertBatches(db.backend, Object.keys(rows[0]).length, rows)) await trx(table).insert(batch);
  });
}

/** The same rows on either backend, with explicit ids so both sources are identical. */
async function seed(db: Database): Promise<void> {
  // Companies get the larger ids: a dump lists contacts first, so the restore must defer parent_id.
  const companyIds = range(1000 + CONTACTS, COMPANIES);
  const contactIds = range(1000, CONTACTS);
  const partner = (id: number, company: boolean): Record<string, unknown> => ({
    id, name: company ? `Company ${id}` : `Contact ${id} Ñandú`, is_company: company,
    parent_id: company ? null : companyIds[id % COMPANIES], email: `p${id}@example.com`,
    comment: id % 13 === 0 ? `línea 1\nline 2 "quoted" 'single' ${id}` : null,
    active: id % 17 !== 0, notification_email_send: 'comment', create_date: STAMP, write_date: STAMP,
  });
  await bulkInsert(db, 'res_partner', [...companyIds.map((id) => partner(id, true)), ...contactIds.map((id) => partner(id, false))]);
  await bulkInsert(db, 'res_partner_category', range(1, TAGS).map((id) => ({
    id, name: `Tag ${id}`, color: id % 10, parent_id: id > 10 ? 1 + (id % 10) : null, active: true,
  })));
  const links = new Map<string, Record<string, unknown>>();
  for (const id of contactIds) {
    for (const tag of [1 + (id % TAGS), 1 + ((id * 7) % TAGS)]) links.set(`${id}-${tag}`, { partner_id: id, category_id: tag });
  }
  await bulkInsert(db, 'res_partner_res_partner_category_rel', [...links.values()]);
  await bulkInsert(db, 'mail_message_subtype', [{ id: 1, name: 'Discussions', default: true }]);
  await bulkInsert(db, 'mail_followers', contactIds.map((id, i) => ({
    id: i + 1, res_model: 'res.partner', res_id: companyIds[id % COMPANIES], partner_id: id,
  })));
  await bulkInsert(db, 'mail_followers_mail_message_subtype_rel', contactIds.map((_, i) => ({ mail_followers_id: i + 1, mail_message_subtype_id: 1 })));
  await bulkInsert(db, 'mail_message', range(1, MESSAGES).map((id) => ({
    id, model: 'res.partner', res_id: companyIds[id % COMPANIES], subject: `Subject ${id}`,
    body: `<p>Message ${id} — ünïcödé &amp; <b>bold</b></p>`, type: id % 3 === 0 ? 'email' : 'comment',
    subtype_id: 1, author_id: contactIds[id % CONTACTS], parent_id: id % 2 === 0 ? id - 1 : null,
    date: STAMP, message_id: `<${id}.seed@example.com>`,
  })));
  await bulkInsert(db, 'mail_notification', range(1, MESSAGES).map((id) => ({
    message_id: id, partner_id: contactIds[(id * 3) % CONTACTS], read: id % 2 === 0,
  })));
  await bulkInsert(db, 'ir_attachment', range(1, ATTACHMENTS).map((id) => ({
    id, name: `file-${id}.txt`, datas_fname: `file-${id}.txt`, res_model: 'mail.message', res_id: id,
    type: 'binary', datas: Buffer.from(`attachment ${id} ${'x'.repeat(id % 200)}`).toString('base64'),
    file_size: 12 + (id % 200), mimetype: 'text/plain',
  })));
  await bulkInsert(db, 'message_attachment_rel', range(1, ATTACHMENTS).map((id) => ({ message_id: id, attachment_id: id })));
}

/** A value as either backend would give it: booleans as 0/1 (SQLite's), bytes as base64. */
function normalise(value: unknown): unknown {
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (Buffer.isBuffer(value)) return `bytes:${value.toString('base64')}`;
  if (value instanceof Date) return value.toISOString();
  return value;
}

/** Every table's rows, each as sorted-key JSON, the rows sorted: equal contents compare equal. */
async function contents(db: Database): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  for (const table of await listTables(db.knex, db.backend)) {
    if (table.name === MIGRATIONS_TABLE) continue;
    const rows = (await db.knex(table.name).select('*')) as Record<string, unknown>[];
    out.set(table.name, rows.map((r) => JSON.stringify(Object.keys(r).sort().map((k) => [k, normalise(r[k])]))).sort());
  }
  return out;
}

function expectSameContents(restored: Map<string, string[]>, source: Map<string, string[]>): void {
  expect([...restored.keys()].sort()).toEqual([...source.keys()].sort());
  for (const [table, rows] of source) {
    const got = restored.get(table) as string[];
    expect({ table, rows: got.length }).toEqual({ table, rows: rows.length });
    const at = rows.findIndex((row, i) => got[i] !== row);
    // Only the first differing row is shown: a diff of 20k rows would drown it.
    if (at >= 0) expect({ table, row: got[at] }).toEqual({ table, row: rows[at] });
  }
}

describe('dump and restore of a large database', () => {
  const managers = {} as Record<Backend, TestManager>;
  /** The seeded database's rows, which every restored copy must hold. */
  let seeded: Map<string, string[]>;
  const dumps = {} as Record<Backend, Buffer>;

  // Seeded once, on SQLite (the fastest to fill); its restore on PostgreSQL is then the source
  // of the PostgreSQL dump, so each backend's dump is made by that backend from real tables.
  beforeAll(async () => {
    for (const backend of BACKENDS) managers[backend] = testManager(backend);
    const t = managers.sqlite;
    const name = t.fresh();
    await t.dbm.create(name, defaultCreate);
    const db = await t.dbm.get(name);
    await seed(db);
    seeded = await contents(db);
    dumps.sqlite = await t.dbm.dump(name);
  }, 240_000);
  afterAll(async () => {
    for (const t of Object.values(managers)) await t.cleanup();
  });

  test('the seeded database holds what the test means to restore', () => {
    expect(seeded.get('res_partner')?.length).toBeGreaterThanOrEqual(COMPANIES + CONTACTS);
    expect(seeded.get('res_partner_res_partner_category_rel')?.length).toBeGreaterThan(30_000);
    expect(seeded.get('mail_followers')?.length).toBe(CONTACTS);
    expect(seeded.get('mail_message')?.length).toBe(MESSAGES);
    expect(seeded.get('ir_attachment')?.length).toBe(ATTACHMENTS);
  });

  // In this order: the PostgreSQL dump is made from the database the second case restores.
  test.each([['sqlite', 'sqlite'], ['sqlite', 'pg'], ['pg', 'pg'], ['pg', 'sqlite']] as const)(
    'a dump made on %s restores on %s with every row of every table', async (from, to) => {
      const t = managers[to];
      const name = t.fresh();
      await t.dbm.restore(name, dumps[from]);
      expectSameContents(await contents(await t.dbm.get(name)), seeded);
      if (from === 'sqlite' && to === 'pg') dumps.pg = await t.dbm.dump(name);
      else await t.dbm.drop(name);
    }, 120_000);
});
