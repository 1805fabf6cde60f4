// The floor: what this machine can do at all for each measured call. A bare node:http server on
// `pg` that reads no XML: for POST /floor/<call>?w=&i= it runs the least SQL that answers the call
// (no access rules, no ORM) and writes back the bytes our server answered for it, registered by
// POST /canned/<call>. Run as its own process: node dist/bench/floor-server.js (FLOOR_PG_URL set).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { Pool } from 'pg';

type Run = (db: Pool, w: number, i: number) => Promise<unknown>;

const PARTNER_COLUMNS = 'p.id, p.name, p.email, p.city, p.is_company, p.parent_id, pp.name AS parent_name, p.country_id, c.name AS country_name';

/** The columns of the measured reads, the two many2one names joined, and the two x2many lists. */
async function partners(db: Pool, where: string, tail: string, params: unknown[]): Promise<unknown> {
  const rows = (await db.query(
    `SELECT ${PARTNER_COLUMNS} FROM res_partner p LEFT JOIN res_partner pp ON pp.id = p.parent_id `
      + `LEFT JOIN res_country c ON c.id = p.country_id WHERE ${where} ${tail}`, params)).rows as { id: number }[];
  const ids = rows.map((r) => r.id);
  // Each owner's ids in one text, as our server's lists statement has them (a row per owner, not
  // per target: thousands of contact rows would make the floor slower than the server).
  const [tags, children] = await Promise.all([
    db.query("SELECT r.partner_id, string_agg(cast(r.category_id AS text), ',' ORDER BY c.name, c.id) AS ids "
      + 'FROM res_partner_res_partner_category_rel r JOIN res_partner_category c ON c.id = r.category_id '
      + 'WHERE r.partner_id = ANY($1) GROUP BY r.partner_id', [ids]),
    db.query("SELECT parent_id, string_agg(cast(id AS text), ',' ORDER BY name, id) AS ids "
      + 'FROM res_partner WHERE parent_id = ANY($1) AND active GROUP BY parent_id', [ids]),
  ]);
  return [rows, tags.rows, children.rows];
}

let partnerIds: number[] = [];
const TRUE_ANSWER = '<?xml version="1.0"?>\n<methodResponse><params><param><value><boolean>1</boolean></value></param></params></methodResponse>\n';

const RUNS: Record<string, Run> = {
  'common.version': async () => null,
  'common.login': (db) => db.query('SELECT id, password FROM res_users WHERE login = $1 AND active', ['admin']),
  'search_read 80 partners': (db, _w, i) => partners(db, 'p.active', 'ORDER BY p.name, p.id LIMIT 80 OFFSET $1', [i % 4]),
  'read 200 ids': (db, _w, i) => partners(db, 'p.id = ANY($1)', '',
    [Array.from({ length: 200 }, (_, k) => partnerIds[(i + k) % partnerIds.length])]),
  'read 10 ids': (db, _w, i) => partners(db, 'p.id = ANY($1)', '',
    [Array.from({ length: 10 }, (_, k) => partnerIds[(i * 10 + k) % partnerIds.length])]),
  'search 4-leaf domain': (db) => db.query(
    "SELECT id FROM res_partner WHERE active AND (is_company OR city ILIKE '%an%') AND country_id IS NOT NULL "
      + "AND name NOT ILIKE '%zz%' ORDER BY name, id"),
  name_search: (db) => db.query("SELECT id, name FROM res_partner WHERE active AND name ILIKE '%contacto 1%' ORDER BY name, id LIMIT 8"),
  'create partner': async (db, w, i) => {
    const client = await db.connect();
    try {
      await client.query('BEGIN');
      const made = await client.query(
        "INSERT INTO res_partner (name, email, city, parent_id, active, notification_email_send, create_date, write_date) "
          + "VALUES ($1, $2, 'Trinidad', $3, true, 'comment', now(), now()) RETURNING id",
        [`Suelo ${w}-${i}`, `suelo${w}-${i}@example.com`, partnerIds[i % 30]]);
      await client.query('INSERT INTO res_partner_res_partner_category_rel (partner_id, category_id) '
        + 'SELECT $1, id FROM res_partner_category ORDER BY id LIMIT 2', [made.rows[0].id]);
      await client.query('COMMIT');
    } catch (err) {
      await client.query('ROLLBACK');
      throw err;
    } finally {
      client.release();
    }
  },
  'write partner': (db, w, i) => db.query('UPDATE res_partner SET phone = $1, city = $2, write_date = now() WHERE id = $3',
    [`+53 5 ${i}`, `Ciudad ${i % 7}`, partnerIds[(w * 997 + i) % partnerIds.length]]),
};

export const FLOOR_CALLS = Object.keys(RUNS);

function drain(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function main(): void {
  const db = new Pool({ connectionString: process.env.FLOOR_PG_URL, max: 10 });
  const canned = new Map<string, Buffer>();
  const answer = (res: ServerResponse, status: number, body: Buffer | string): void => {
    res.writeHead(status, { 'Content-Type': 'text/xml', 'Content-Length': Buffer.byteLength(body) }).end(body);
  };
  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://floor');
      const [, kind, call] = url.pathname.split('/').map(decodeURIComponent);
      const body = await drain(req);
      if (kind === 'canned') {
        canned.set(call, body);
        partnerIds = (await db.query('SELECT id FROM res_partner WHERE active ORDER BY id')).rows.map((r) => r.id as number);
        return answer(res, 200, TRUE_ANSWER);
      }
      const run = RUNS[call];
      const bytes = canned.get(call);
      if (kind !== 'floor' || run === undefined || bytes === undefined) return answer(res, 404, 'no such call');
      await run(db, Number(url.searchParams.get('w')), Number(url.searchParams.get('i')));
      answer(res, 200, bytes);
    })().catch((err: unknown) => answer(res, 500, String(err)));
  });
  server.listen(0, '127.0.0.1', () => {
    const address = server.address();
    process.stdout.write(`floor listening on ${typeof address === 'object' && address ? address.port : 0}\n`);
  });
  process.once('SIGTERM', () => server.close(() => void db.end().then(() => process.exit(0))));
}

if (require.main === module) main();
