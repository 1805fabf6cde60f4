// Migration 0320 (trigram indexes on partner names and emails): on PostgreSQL it creates them;
// when the extension cannot be created it warns and the migration, and its transaction, go on.
import knexFactory from 'knex';
import { MIGRATIONS } from '../../../migrations';
import { createScratchDb, PG_URL, uniqueName, type ScratchDb } from '../../support/backends';

const trigrams = MIGRATIONS.find((m) => m.name === '0320_partner_name_trigrams')!;

async function indexes(db: ScratchDb): Promise<string[]> {
  const res = await db.knex.raw("SELECT indexname FROM pg_indexes WHERE tablename = 'res_partner' ORDER BY indexname");
  return res.rows.map((r: { indexname: string }) => r.indexname);
}

describe('trigram indexes of partner names on pg', () => {
  let db: ScratchDb;
  beforeEach(async () => {
    db = await createScratchDb('pg');
    await db.knex.schema.createTable('res_partner', (t) => { t.increments('id'); t.string('name'); t.string('email'); });
  });
  afterEach(async () => { await db?.destroy(); });

  it('indexes name and email for ILIKE', async () => {
    await db.knex.transaction((trx) => trigrams.up(trx));
    expect(await indexes(db)).toEqual(['res_partner_email_trgm_index', 'res_partner_name_trgm_index', 'res_partner_pkey']);
    await db.knex.transaction((trx) => trigrams.down(trx));
    expect(await indexes(db)).toEqual(['res_partner_pkey']);
  });

  it('warns and goes on without them when the extension may not be created', async () => {
    // a role that owns the table but may not create anything in the database
    const role = uniqueName('r');
    await db.knex.raw(`CREATE ROLE "${role}" LOGIN`);
    await db.knex.raw(`ALTER TABLE res_partner OWNER TO "${role}"`);
    const url = new URL(PG_URL);
    url.pathname = `/${db.name}`;
    url.username = role;
    const asRole = knexFactory({ client: 'pg', connection: url.toString(), pool: { min: 0, max: 1 } });
    const warn = jest.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    try {
      await asRole.transaction(async (trx) => {
        await trigrams.up(trx);
        // the failed CREATE EXTENSION was rolled back to its savepoint: the transaction still works
        await trx('res_partner').insert({ name: 'After' });
      });
      expect(await indexes(db)).toEqual(['res_partner_pkey']);
      expect(warn).toHaveBeenCalledWith(expect.stringMatching(/^partner names are searched without trigram indexes: .*permission denied/),
        expect.anything());
    } finally {
      warn.mockRestore();
      await asRole.destroy();
      await db.knex.raw(`DROP OWNED BY "${role}"`);
      await db.knex.raw(`DROP ROLE "${role}"`);
    }
  });
});

describe('trigram indexes of partner names on sqlite', () => {
  it('are not made: SQLite reads names in the order of its name index instead', async () => {
    const db = await createScratchDb('sqlite');
    try {
      await db.knex.schema.createTable('res_partner', (t) => { t.increments('id'); t.string('name'); t.string('email'); });
      await db.knex.transaction((trx) => trigrams.up(trx));
      const rows = await db.knex.raw("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'res_partner'");
      expect(rows).toEqual([]);
    } finally {
      await db.destroy();
    }
  });
});
