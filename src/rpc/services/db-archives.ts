// Dump formats of the `db` service: `zip` (Odoo's layout, src/db/zip-backup.ts) and `portable`
// (our JSON dump, which moves a database between SQLite and PostgreSQL). A restore tells them
// apart by their first bytes.
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DatabaseManager } from '../../db/types';
import { isZip } from '../../db/zip-backup';
import { UserError } from '../../errors';

export const DUMP_FORMATS = ['zip', 'portable'] as const;
export type DumpFormat = typeof DUMP_FORMATS[number];

/** The format a `db.dump` call asks for: absent (and 7.0/Odoo's `dump`) keep the portable dump of old. */
export function dumpFormat(asked: string | null): DumpFormat {
  if (asked === null || asked === 'dump' || asked === 'portable') return 'portable';
  if (asked === 'zip') return 'zip';
  throw new UserError(`Unknown backup format "${asked.slice(0, 40)}": use zip or portable.`, 'Warning');
}

export function tempPath(what: string): string {
  return join(tmpdir(), `ocsc-${what}-${randomBytes(8).toString('hex')}`);
}

export async function dumpToBuffer(dbm: DatabaseManager, name: string, format: DumpFormat, serverVersion: string): Promise<Buffer> {
  if (format === 'portable') return dbm.dump(name);
  const path = tempPath('dump.zip');
  try {
    await dbm.dumpZip(name, createWriteStream(path), serverVersion);
    return await readFile(path);
  } finally {
    await rm(path, { force: true });
  }
}

export async function restoreFromBuffer(dbm: DatabaseManager, name: string, data: Buffer): Promise<void> {
  if (!isZip(data)) return dbm.restore(name, data);
  const path = tempPath('restore.zip');
  try {
    await writeFile(path, data);
    await dbm.restoreZip(name, path);
  } finally {
    await rm(path, { force: true });
  }
}
