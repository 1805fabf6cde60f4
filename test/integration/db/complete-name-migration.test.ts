// Migration 0340 on a database that already holds partners: each gets its complete name
// ("Company, Contact" for a contact of a company), and on SQLite the trigram tables hold the
// partners already there as well as those written after it.
import { MIGRATIONS } from '../../../migrations';
import { migrate } from '../../../src/db/migrate';
import { BACKENDS, createScratchDb, type ScratchDb } from '../../support/backends';

describe.each(BACKENDS)('migration 0340 (partner complete names) on %s', (backend) => {
  let db: ScratchDb;
  beforeAll(async () => {
    db = await createScratchDb(backend);
    await migrate(db.knex, backend, MIGRATIONS.slice(0, MIGRATIONS.findIndex((m) => m.name === '0340_partner_complete_name')));
  });
  afterAll(async () => { await db?.destroy(); });

  it('fills the complete name of the partners already there', async () => {
    const k = db.knex;
    const row = (name: string, extra: Record<string, unknown> = {}) => ({ name, active: true, notification_email_send: 'comment', ...extra });
    const [{ id: acme }] = await k('res_partner').insert(row('Acme Ñandú', { is_company: true })).returning('id');
    const [{ id: joe }] = await k('res_partner').insert(row('Joe', { parent_id: acme, is_company: false, email: 'joe@acme.example' })).returning('id');
    const [{ id: branch }] = await k('res_partner').insert(row('Branch', { parent_id: acme, is_company: true })).returning('id');
    const [{ id: solo }] = await k('res_partner').insert(row('Solo')).returning('id');
    await migrate(k, backend);
    const names = await k('res_partner').whereIn('id', [acme, joe, branch, solo]).orderBy('id').pluck('complete_name');
    expect(names).toEqual(['Acme Ñandú', 'Acme Ñandú, Joe', 'Branch', 'Solo']);
    if (backend === 'sqlite') {
      const match = async (table: string, query: string) => (await k.raw(`SELECT rowid AS id FROM ${table} WHERE ${table} MATCH ?`, [query]) as { id: number }[])
        .map((r) => Number(r.id)).sort((a, b) => a - b);
      // lower-cased as unicode_lower() does: "ñan" finds "Ñandú"
      expect(await match('res_partner_complete_name_trgm', '"ñan" AND "and"')).toEqual([acme, joe]);
      expect(await match('res_partner_email_trgm', '"acm" AND "cme"')).toEqual([joe]);
      await k('res_partner').where('id', joe).update({ complete_name: 'Other, Joe', email: null });
      expect(await match('res_partner_complete_name_trgm', '"ñan"')).toEqual([acme]);
      expect(await match('res_partner_email_trgm', '"acm"')).toEqual([]);
      // segments merged two by two (FTS5's default is four): fewer for each search to look into
      expect(await k.raw("SELECT v FROM res_partner_complete_name_trgm_config WHERE k = 'automerge'")).toEqual([{ v: 2 }]);
      await k('res_partner').where('id', acme).delete();
      expect(await match('res_partner_complete_name_trgm', '"ñan"')).toEqual([]);
    }
  });
});
