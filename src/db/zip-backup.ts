// Backups in Odoo's zip layout: `dump.sql` (pg_dump) for PostgreSQL or `database.sqlite` (SQLite's
// online backup) for SQLite, and `manifest.json`. The work runs in pg_dump/psql processes, in
// SQLite's stepwise backup and in zlib's thread pool, streaming, so other calls go on meanwhile.
import { spawn } from 'node:child_process';
import { createReadStream, createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Worker } from 'node:worker_threads';
import { crc32 } from 'node:zlib';
import BetterSqlite3 from 'better-sqlite3';
import type { Knex } from 'knex';
// The zip libraries are loaded by the first backup or restore, not with the server.
import type yauzl from 'yauzl';
import { UserError } from '../errors';
import { appliedMigrations } from './migrate';
import type { BackendKind, Database } from './types';

export const ZIP_FORMAT = 'openerp-support-center-zip';
const SQLITE_ENTRY = 'database.sqlite';
const PG_ENTRY = 'dump.sql';
const MANIFEST = 'manifest.json';
/** Pages copied per step of SQLite's backup: the event loop runs between steps. */
const SQLITE_PAGES_PER_STEP = 256;

export interface ZipManifest {
  format: string;
  odoo_dump: '1';
  db_name: string;
  version: string;
  backend: BackendKind;
  migrations: string[];
  modules: Record<string, string>;
}

export type Progress = (done: number, total: number) => void;

/** A zip archive starts with a local file header. */
export function isZip(head: Buffer): boolean {
  return head.length >= 4 && head.readUInt32LE(0) === 0x04034b50;
}

function invalidArchive(why: string): UserError {
  return new UserError(`This is not a usable backup archive (${why}).`, 'Invalid dump');
}

const sqliteFile = (knex: Knex): string => (knex.client.config.connection as { filename: string }).filename;
const pgUrl = (knex: Knex): string => (knex.client.config.connection as { connectionString: string }).connectionString;

async function installedModules(knex: Knex, version: string): Promise<Record<string, string>> {
  const rows = await knex('ir_module_module').where({ state: 'installed' }).select('name', 'latest_version')
    .catch(() => [] as { name: string; latest_version: string | null }[]);
  return Object.fromEntries(rows.map((r: { name: string; latest_version: string | null }) => [r.name, r.latest_version ?? version]));
}

/** Runs a program, feeding `input` to its stdin; resolves with its stdout stream's end, rejects on a non-zero exit. */
function run(program: string, args: string[], opts: { stdin?: Readable; stdout?: (out: Readable) => void }): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { stdio: [opts.stdin ? 'pipe' : 'ignore', opts.stdout ? 'pipe' : 'ignore', 'pipe'] });
    let errors = '';
    child.stderr!.on('data', (d: Buffer) => { if (errors.length < 4000) errors += d.toString('utf8'); });
    if (opts.stdin) {
      child.stdin!.on('error', () => undefined);
      opts.stdin.on('error', (err) => { child.kill(); reject(err); });
      opts.stdin.pipe(child.stdin!);
    }
    if (opts.stdout) opts.stdout(child.stdout!);
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve();
      else reject(new UserError(`${program} failed: ${errors.split('\n').find((l) => l.trim() !== '') ?? `exit code ${code}`}`, 'Backup'));
    });
  });
}

/** SQLite's online backup of the live file into `copy`, a few pages per step. */
async function sqliteSnapshot(file: string, copy: string, progress?: Progress): Promise<void> {
  const source = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  try {
    // SQLite reports before each step; the last step's end is the backup's own.
    const { totalPages } = await source.backup(copy, {
      progress: ({ totalPages: total, remainingPages }) => {
        progress?.(total - remainingPages, total);
        return SQLITE_PAGES_PER_STEP;
      },
    });
    progress?.(totalPages, totalPages);
  } finally {
    source.close();
  }
}

/** Writes the zip backup of `db` to `out`; on failure `out` is destroyed (a download ends cut short). */
export async function writeZipBackup(db: Database, out: Writable, serverVersion: string, progress?: Progress): Promise<void> {
  const manifest: ZipManifest = {
    format: ZIP_FORMAT, odoo_dump: '1', db_name: db.name, version: serverVersion, backend: db.backend,
    migrations: await appliedMigrations(db.knex), modules: await installedModules(db.knex, serverVersion),
  };
  const { default: yazl } = await import('yazl');
  const zip = new yazl.ZipFile();
  const written = pipeline(zip.outputStream, out);
  // Awaited below; a failure before then must not go unhandled.
  written.catch(() => undefined);
  const copy = db.backend === 'sqlite' ? join(dirname(sqliteFile(db.knex)), `.backup-${randomBytes(6).toString('hex')}.tmp`) : null;
  try {
    zip.addBuffer(Buffer.from(JSON.stringify(manifest, null, 2)), MANIFEST);
    let dumped: Promise<void> = Promise.resolve();
    if (copy) {
      await sqliteSnapshot(sqliteFile(db.knex), copy, progress);
      zip.addReadStream(createReadStream(copy), SQLITE_ENTRY);
    } else {
      // The text dump's size is not known ahead: the database's size on disk stands in for it.
      const size = Number((await db.knex.raw('SELECT pg_database_size(current_database()) AS size')).rows[0].size);
      let done = 0;
      dumped = run('pg_dump', ['--no-owner', '--no-privileges', '--format=plain', `--dbname=${pgUrl(db.knex)}`], {
        stdout: (stream) => {
          stream.on('data', (chunk: Buffer) => { done += chunk.length; progress?.(done, size); });
          zip.addReadStream(stream, PG_ENTRY);
        },
      });
    }
    zip.end();
    const [dump, write] = await Promise.allSettled([dumped, written]);
    if (dump.status === 'rejected') throw dump.reason;
    if (write.status === 'rejected') throw write.reason;
  } catch (err) {
    out.destroy();
    throw err;
  } finally {
    if (copy) await rm(copy, { force: true });
  }
}

/** Each entry of the archive, streamed to `onEntry`, its CRC-32 and size checked at its end. */
async function readEntries(path: string, onEntry: (name: string, stream: Readable, size: number) => Promise<void>): Promise<void> {
  const { default: unzip } = await import('yauzl');
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) => {
    unzip.open(path, { lazyEntries: true, validateEntrySizes: true }, (err, z) => (err ? reject(invalidArchive(err.message)) : resolve(z)));
  });
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on('error', (err: Error) => reject(invalidArchive(err.message)));
      zip.on('end', () => resolve());
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (err, stream) => {
          if (err) return reject(invalidArchive(err.message));
          let crc = 0;
          stream.on('data', (chunk: Buffer) => { crc = crc32(chunk, crc); });
          const checked = new Promise<void>((ok, bad) => {
            stream.on('end', () => (crc >>> 0 === entry.crc32 ? ok() : bad(invalidArchive(`${entry.fileName} is damaged`))));
            stream.on('error', (e: Error) => bad(invalidArchive(`${entry.fileName}: ${e.message}`)));
          });
          Promise.all([onEntry(entry.fileName, stream, entry.uncompressedSize), checked]).then(() => zip.readEntry(), reject);
        });
      });
      zip.readEntry();
    });
  } finally {
    zip.close();
  }
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

/** The manifest of the archive at `path`, checked against this server's backend and migrations. */
export async function readZipManifest(path: string, backend: BackendKind, knownMigrations: Set<string>): Promise<ZipManifest> {
  let manifest: ZipManifest | null = null;
  await readEntries(path, async (name, stream) => {
    if (name !== MANIFEST) return void stream.resume();
    try {
      manifest = JSON.parse((await readAll(stream)).toString('utf8')) as ZipManifest;
    } catch {
      throw invalidArchive('manifest.json is not JSON');
    }
  });
  const m = manifest as ZipManifest | null;
  if (!m || m.format !== ZIP_FORMAT || !Array.isArray(m.migrations)) throw invalidArchive('no manifest.json of this server');
  if (m.backend !== backend) {
    throw new UserError(`This zip backup was made on ${m.backend === 'pg' ? 'PostgreSQL' : 'SQLite'}: restore it on the same kind `
      + 'of server, or move the database with the portable format.', 'Invalid dump');
  }
  const unknown = m.migrations.find((n) => !knownMigrations.has(n));
  if (unknown !== undefined) throw new UserError(`The backup needs migration ${unknown}, which this server does not have.`, 'Invalid dump');
  return m;
}

/**
 * Fills the hidden, empty database `target` from the archive at `path` (its manifest already
 * checked). The caller discards the target when this throws.
 */
export async function restoreZipInto(path: string, target: Knex, backend: BackendKind, progress?: Progress): Promise<void> {
  const wanted = backend === 'sqlite' ? SQLITE_ENTRY : PG_ENTRY;
  let found = false;
  const file = backend === 'sqlite' ? sqliteFile(target) : null;
  // The empty SQLite file made for the target is replaced by the archived one.
  if (file) await target.destroy();
  await readEntries(path, async (name, stream, size) => {
    if (name !== wanted) return void stream.resume();
    found = true;
    let done = 0;
    stream.on('data', (chunk: Buffer) => { done += chunk.length; progress?.(done, size); });
    if (file) {
      await pipeline(stream, createWriteStream(file));
      return;
    }
    await run('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '--single-transaction', `--dbname=${pgUrl(target)}`], { stdin: stream });
  });
  if (!found) throw invalidArchive(`${wanted} is missing`);
  if (file && (await integrityCheck(file)) !== 'ok') throw invalidArchive(`${SQLITE_ENTRY} is damaged or not a SQLite database`);
}

/** SQLite's integrity check reads every page: it runs in a worker thread, not on the event loop. */
function integrityCheck(file: string): Promise<string> {
  const code = `const { parentPort, workerData } = require('node:worker_threads');
    let answer;
    try {
      const db = new (require(workerData.module))(workerData.file, { readonly: true, fileMustExist: true });
      try { answer = String(db.pragma('integrity_check', { simple: true })); } finally { db.close(); }
    } catch (err) { answer = String(err && err.message); }
    parentPort.postMessage(answer);`;
  return new Promise((resolve) => {
    // An evaluated worker resolves modules from the working directory: give it the path itself.
    const worker = new Worker(code, { eval: true, workerData: { file, module: require.resolve('better-sqlite3') } });
    worker.once('message', (answer: string) => resolve(answer));
    worker.once('error', (err) => resolve(err.message));
    worker.once('exit', () => resolve('the check ended without an answer'));
  });
}
