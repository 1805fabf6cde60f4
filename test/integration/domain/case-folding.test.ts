// Case-insensitive matching answers the same on PostgreSQL (ILIKE, lower()), on SQLite (our
// unicode_like / unicode_lower functions) and in memory (likeMatch), accented text included.
import { likeMatch, unicodeLower } from '../../../src/db/sqlite-functions';
import { BACKENDS, createScratchDb, type ScratchDb } from '../../support/backends';

const TEXTS = ['ÉCOLE', 'école', 'Ärzte', 'ÀÉÎÕÜ çà', 'ΣΊΣΥΦΟΣ', 'Niño', 'x\\y', 'a%b', 'a_b', '', 'Straße', 'ǅemal'];
const PATTERNS = [
  '%école%', 'ÉCOLE', '%É%', '_cole', '%ärz%', 'àéîõü%', '%σ%', '%ς', 'niÑo', 'x\\\\y', 'x\\y', 'a\\%b', 'a\\_b',
  'a_b', '%', '', '%straße%', 'ǆ%',
];

describe.each(BACKENDS)('matching on %s', (backend) => {
  let db: ScratchDb;
  beforeAll(async () => {
    db = await createScratchDb(backend);
  });
  afterAll(async () => {
    await db.destroy();
  });

  async function match(text: string, pattern: string): Promise<{ ci: boolean; cs: boolean }> {
    const sql = backend === 'pg'
      ? 'SELECT (CAST(? AS TEXT) ILIKE CAST(? AS TEXT)) AS ci, (CAST(? AS TEXT) LIKE CAST(? AS TEXT)) AS cs'
      : 'SELECT unicode_like(?, ?, 1) AS ci, unicode_like(?, ?, 0) AS cs';
    const res = await db.knex.raw(sql, [text, pattern, text, pattern]);
    const row = backend === 'pg' ? res.rows[0] : res[0];
    return { ci: Boolean(row.ci), cs: Boolean(row.cs) };
  }

  test('LIKE and ILIKE agree with the in-memory matcher', async () => {
    const diffs: string[] = [];
    let matched = 0;
    for (const text of TEXTS) {
      for (const pattern of PATTERNS) {
        const got = await match(text, pattern);
        const want = { ci: likeMatch(text, pattern, true), cs: likeMatch(text, pattern, false) };
        if (want.ci) matched++;
        if (got.ci !== want.ci || got.cs !== want.cs) diffs.push(`${text} ~ ${pattern}: ${JSON.stringify(got)}`);
      }
    }
    expect(diffs).toEqual([]);
    expect(matched).toBeGreaterThan(20);
  });

  test('ÉCOLE ilike école', async () => {
    expect(await match('ÉCOLE', 'école')).toEqual({ ci: true, cs: false });
  });

  test('lower-casing agrees with the in-memory one', async () => {
    const fn = backend === 'pg' ? 'lower(CAST(? AS TEXT))' : 'unicode_lower(?)';
    for (const text of TEXTS) {
      const res = await db.knex.raw(`SELECT ${fn} AS l`, [text]);
      const row = backend === 'pg' ? res.rows[0] : res[0];
      expect([text, row.l]).toEqual([text, unicodeLower(text)]);
    }
  });
});
