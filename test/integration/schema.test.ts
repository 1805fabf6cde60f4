// Models and schema agree, on both backends: after every migration, each stored field has a
// column of a compatible type, each many2many its link table, each required field NOT NULL, and
// no table holds a column (or is a table) that no model knows, unless it is listed with a reason.
import type { Knex } from 'knex';
import { BACKENDS, createScratchDb, type Backend, type ScratchDb } from '../support/backends';
import { MODULES } from '../../models';
import { migrate, MIGRATIONS_TABLE } from '../../src/db/migrate';
import type { FieldDef } from '../../src/orm/define';
import { isStored } from '../../src/orm/fields';
import { buildRegistry, type Registry, type RuntimeModel } from '../../src/orm/registry';
import { buildWorkflows } from '../../src/workflow/module';
import { trigramTable } from '../../src/db/sqlite-trigrams';

interface Column {
  type: string;
  maxLength: number | null;
  nullable: boolean;
}
type Table = Map<string, Column>;

/** Column types (as knex's columnInfo names them on either backend) each field type may use. */
const TEXTUAL = ['character varying', 'varchar', 'text'];
const COMPATIBLE: Record<FieldDef['type'], string[]> = {
  char: TEXTUAL,
  selection: TEXTUAL,
  password: TEXTUAL,
  text: ['text'],
  html: ['text'],
  // pg returns int8 as a number (src/db/pg-types.ts), so bigint reads back the same as integer.
  integer: ['integer', 'bigint'],
  many2one: ['integer'],
  float: ['double precision', 'real', 'float', 'double', 'numeric'],
  boolean: ['boolean'],
  date: ['date'],
  datetime: ['timestamp without time zone', 'datetime', 'timestamp'],
  // Binaries are kept as base64 text (src/orm/fields/binary.ts); raw bytes are read too.
  binary: ['text', 'bytea', 'blob'],
  one2many: [],
  many2many: [],
};

/** Tables no model owns, each with why it exists. */
const TABLES_WITHOUT_MODEL: Record<string, string> = {
  [MIGRATIONS_TABLE]: 'the migrations runner records what it applied',
  mail_inbound: 'Message-IDs of incoming mail already processed; its unique index makes each count once (src/mail)',
  mail_notification: "who was notified of a message and their read flag (7.0's mail_notification), kept by src/mail",
  sqlite_sequence: "SQLite's own AUTOINCREMENT counters",
  sync_outbox: 'the queue of messages to peer centers, written in the caller\'s transaction (src/sync)',
  sync_peer: "each peer's delivery state as the sender sees it, with the sender's lease (src/sync)",
  sync_applied: 'keys of peer messages already applied here, so a redelivery is applied once (src/sync)',
  web_session: 'sessions of the JSON-RPC web API behind the session_id cookie (src/auth/sessions.ts)',
  ir_cache_signal: 'the counter that tells every server process to drop its per-database caches (src/db/cache-signal.ts)',
};
/**
 * SQLite keeps the full-text index of requests, and the trigram index of each field with
 * `trigramIndex`, in a virtual table and its shadow tables.
 */
const SQLITE_FTS = /^(helpdesk_request_fts|[a-z0-9_]+_trgm)(_data|_idx|_docsize|_config|_content)?$/;

/** Columns a model's table has that none of its fields describes, each with why. */
const COLUMNS_WITHOUT_FIELD: Record<string, string> = {
  'mail_mail.next_attempt_ms': "the sender's schedule of the next try, on the database's clock (src/mail/claim.ts)",
  'mail_mail.claimed_by': 'the sender process holding the lease on the row (src/mail/claim.ts)',
  'mail_mail.claimed_until_ms': "when that lease ends, so a crashed sender's rows are taken over",
};

/** Required fields whose column may hold NULL, each with why. */
const NULLABLE_REQUIRED: Record<string, string> = {};

function expectsNotNull(model: RuntimeModel, f: FieldDef): boolean {
  return Boolean(f.required) && !NULLABLE_REQUIRED[`${model.name}.${f.name}`];
}

function typeProblem(f: FieldDef, col: Column): string | null {
  if (!COMPATIBLE[f.type].includes(col.type)) {
    return `is ${col.type}, a ${f.type} field needs one of ${COMPATIBLE[f.type].join(', ')}`;
  }
  if (f.type === 'char' && f.size && col.maxLength !== null && col.maxLength < f.size) {
    return `holds ${col.maxLength} characters, the field allows ${f.size}`;
  }
  return null;
}

async function tableNames(db: ScratchDb): Promise<string[]> {
  if (db.backend === 'pg') {
    const res = await db.knex.raw(
      "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'",
    );
    return (res.rows as { name: string }[]).map((r) => r.name).sort();
  }
  const rows = (await db.knex.raw("SELECT name FROM sqlite_master WHERE type = 'table'")) as { name: string }[];
  return rows.map((r) => r.name).sort();
}

async function readSchema(db: ScratchDb): Promise<Map<string, Table>> {
  const out = new Map<string, Table>();
  for (const name of await tableNames(db)) {
    const info = await db.knex(name).columnInfo() as unknown as Record<string, Knex.ColumnInfo>;
    const table: Table = new Map();
    for (const [col, c] of Object.entries(info)) {
      table.set(col, { type: c.type.toLowerCase(), maxLength: c.maxLength === null ? null : Number(c.maxLength), nullable: c.nullable });
    }
    out.set(name, table);
  }
  return out;
}

/** For every column with a foreign key, the table it points to. */
async function foreignKeys(db: ScratchDb, tables: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (db.backend === 'pg') {
    const res = await db.knex.raw(
      `SELECT cl.relname AS t, a.attname AS col, rc.relname AS ref
         FROM pg_constraint k
         JOIN pg_class cl ON cl.oid = k.conrelid
         JOIN pg_class rc ON rc.oid = k.confrelid
         JOIN pg_namespace n ON n.oid = cl.relnamespace
         JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = ANY (k.conkey)
        WHERE k.contype = 'f' AND n.nspname = current_schema()`,
    );
    for (const r of res.rows as { t: string; col: string; ref: string }[]) out.set(`${r.t}.${r.col}`, r.ref);
    return out;
  }
  for (const t of tables) {
    if (SQLITE_FTS.test(t)) continue;
    const rows = (await db.knex.raw('SELECT "from" AS col, "table" AS ref FROM pragma_foreign_key_list(?)', [t])) as
      { col: string; ref: string }[];
    for (const r of rows) out.set(`${t}.${r.col}`, r.ref);
  }
  return out;
}

function storedFields(model: RuntimeModel): FieldDef[] {
  return Object.values(model.fields).filter((f) => isStored(f));
}

function linkTables(registry: Registry): { owner: string; field: FieldDef }[] {
  return [...registry.models.values()].flatMap((m) => Object.values(m.fields)
    .filter((f) => f.type === 'many2many' && !f.compute && f.store !== false)
    .map((field) => ({ owner: m.name, field })));
}

describe('the column type check', () => {
  const col = (type: string, maxLength: number | null = null): Column => ({ type, maxLength, nullable: true });
  it('refuses a column of the wrong type and a too short varchar', () => {
    expect(typeProblem({ type: 'float', name: 'cost' }, col('character varying', 255))).toMatch(/a float field needs/);
    expect(typeProblem({ type: 'many2one', name: 'user_id' }, col('text'))).toMatch(/a many2one field needs/);
    expect(typeProblem({ type: 'datetime', name: 'date' }, col('date'))).toMatch(/a datetime field needs/);
    expect(typeProblem({ type: 'char', name: 'code', size: 64 }, col('varchar', 2))).toMatch(/holds 2 characters/);
    expect(typeProblem({ type: 'char', name: 'code', size: 2 }, col('varchar', 2))).toBeNull();
  });
});

describe.each(BACKENDS)('models and schema on %s', (backend: Backend) => {
  let db: ScratchDb;
  let schema: Map<string, Table>;
  let fks: Map<string, string>;
  const registry = buildRegistry([...MODULES, buildWorkflows(MODULES).module]);
  const models = [...registry.models.values()];

  beforeAll(async () => {
    db = await createScratchDb(backend);
    await migrate(db.knex, backend);
    schema = await readSchema(db);
    fks = await foreignKeys(db, [...schema.keys()]);
  });
  afterAll(async () => {
    await db?.destroy();
  });

  it('has a table for every model and a column of a compatible type for every stored field', () => {
    expect(models.length).toBeGreaterThan(20);
    const problems: string[] = [];
    for (const model of models) {
      const table = schema.get(model.table);
      if (!table) {
        problems.push(`${model.name}: no table ${model.table}`);
        continue;
      }
      for (const f of storedFields(model)) {
        const column = table.get(f.name);
        if (!column) problems.push(`${model.name}.${f.name} (${f.type}): no column ${model.table}.${f.name}`);
        else {
          const wrong = typeProblem(f, column);
          if (wrong) problems.push(`${model.name}.${f.name}: column ${model.table}.${f.name} ${wrong}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('points each many2one foreign key at the table of its comodel', () => {
    const problems: string[] = [];
    for (const model of models) {
      for (const f of storedFields(model).filter((x) => x.type === 'many2one')) {
        const target = fks.get(`${model.table}.${f.name}`);
        const comodel = registry.model(f.comodel ?? '').table;
        if (target !== undefined && target !== comodel) {
          problems.push(`${model.name}.${f.name} points to ${f.comodel} (${comodel}) but its foreign key references ${target}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('has the link table of every many2many with both columns, as integers pointing at both models', () => {
    const problems: string[] = [];
    for (const { owner, field } of linkTables(registry)) {
      const where = `${owner}.${field.name} (${field.relation})`;
      const table = schema.get(field.relation ?? '');
      if (!table) {
        problems.push(`${where}: no table ${field.relation}`);
        continue;
      }
      const ends: [string | undefined, string][] = [[field.column1, owner], [field.column2, field.comodel ?? '']];
      for (const [column, model] of ends) {
        const c = table.get(column ?? '');
        if (!c) problems.push(`${where}: no column ${column}`);
        else if (c.type !== 'integer') problems.push(`${where}: column ${column} is ${c.type}, not integer`);
        const target = fks.get(`${field.relation}.${column}`);
        if (target !== undefined && target !== registry.model(model).table) {
          problems.push(`${where}: column ${column} references ${target}, not ${registry.model(model).table}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('makes every required stored field NOT NULL', () => {
    const problems: string[] = [];
    for (const model of models) {
      const table = schema.get(model.table);
      for (const f of storedFields(model)) {
        const column = table?.get(f.name);
        if (column && expectsNotNull(model, f) && column.nullable) {
          problems.push(`${model.name}.${f.name} is required but ${model.table}.${f.name} accepts NULL`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('has no column that its model does not know', () => {
    const known = new Map<string, Set<string>>();
    for (const model of models) {
      const names = known.get(model.table) ?? new Set<string>();
      for (const f of storedFields(model)) names.add(f.name);
      known.set(model.table, names);
    }
    const problems: string[] = [];
    for (const [table, names] of known) {
      for (const column of schema.get(table)?.keys() ?? []) {
        if (!names.has(column) && !COLUMNS_WITHOUT_FIELD[`${table}.${column}`]) {
          problems.push(`${table}.${column}: no field of ${models.filter((m) => m.table === table).map((m) => m.name).join(', ')}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('keeps a trigram index for every field that declares one, and none for the others', async () => {
    const declared = models.flatMap((m) => Object.values(m.fields).filter((f) => f.trigramIndex).map((f) => `${m.table}.${f.name}`)).sort();
    expect(declared).toEqual(['res_partner.complete_name', 'res_partner.email']);
    if (backend === 'pg') {
      const res = await db.knex.raw("SELECT tablename, indexdef FROM pg_indexes WHERE indexdef LIKE '%gin_trgm_ops%'");
      const indexed = (res.rows as { tablename: string; indexdef: string }[])
        .map((r) => `${r.tablename}.${/\((\w+) gin_trgm_ops\)/.exec(r.indexdef)![1]}`).sort();
      // res_partner.name's comes from migration 0320 and serves other searches of names
      expect(indexed).toEqual([...declared, 'res_partner.name'].sort());
      // each keeps a small pending list, which every search reads whole
      const opts = await db.knex.raw("SELECT relname, reloptions FROM pg_class WHERE relname LIKE '%\\_trgm\\_index' ORDER BY relname");
      expect(opts.rows).toEqual(['complete_name', 'email', 'name'].map((c) => ({ relname: `res_partner_${c}_trgm_index`, reloptions: ['gin_pending_list_limit=64'] })));
    } else {
      const rows = (await db.knex.raw("SELECT name, type, tbl_name FROM sqlite_master WHERE name LIKE '%\\_trgm%' ESCAPE '\\'")) as
        { name: string; type: string; tbl_name: string }[];
      const tables = rows.filter((r) => r.type === 'table' && r.name.endsWith('_trgm')).map((r) => r.name).sort();
      expect(tables).toEqual(declared.map((d) => trigramTable(d.split('.')[0], d.split('.')[1])));
      for (const t of tables) {
        expect(rows.filter((r) => r.type === 'trigger' && r.name.startsWith(`${t}_`)).map((r) => `${r.tbl_name}:${r.name}`).sort())
          .toEqual(['delete', 'insert', 'update'].map((k) => `res_partner:${t}_${k}`));
      }
    }
  });

  it('has no table that is neither a model, a link table nor listed with a reason', () => {
    const owned = new Set([...models.map((m) => m.table), ...linkTables(registry).map((l) => l.field.relation)]);
    const stray = [...schema.keys()].filter((t) => !owned.has(t) && !TABLES_WITHOUT_MODEL[t]
      && !(backend === 'sqlite' && SQLITE_FTS.test(t)));
    expect(stray).toEqual([]);
  });
});
