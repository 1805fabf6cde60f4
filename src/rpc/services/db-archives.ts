// Dump formats of the `db` service: `zip` (Odoo's layout, src/db/zip-backup.ts) and `portable`
// (our JSON dump, which moves a database between SQLite and PostgreSQL). A restore tells them
// apart by their first bytes.
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ProgressBoard } from '../../db/progress';
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

/** Runs `work` with its progress shown on `board` under `name` (when there is a board). */
export async function tracked<T>(board: ProgressBoard | undefined, name: string, kind: 'backup' | 'restore',
  work: (progress?: (done: number, total: number) => void) => Promise<T>): Promise<T> {
  if (!board) return work();
  const tracker = board.track(name, kind);
  try {
    return await work(tracker.update);
  } finally {
    tracker.end();
  }
}

export async function dumpToBuffer(dbm: DatabaseManager, name: string, format: DumpFormat, serverVersion: string,
  board?: ProgressBoard): Promise<Buffer> {
  if (format === 'portable') return dbm.dump(name);
  const path = tempPath('dump.zip');
  try {
    await tracked(board, name, 'backup', (progress) => dbm.dumpZip(name, createWriteStream(path), serverVersion, progress));
    return await readFile(path);
  } finally {
    await rm(path, { force: true });
  }
}

export async function restoreFromPath(dbm: DatabaseManager, name: string, path: string, zip: boolean, board?: ProgressBoard): Promise<void> {
  if (!zip) return dbm.restore(name, await readFile(path));
  await tracked(board, name, 'restore', (progress) => dbm.restoreZip(name, path, progress));
}

export async function restoreFromBuffer(dbm: DatabaseManager, name: string, data: Buffer, board?: ProgressBoard): Promise<void> {
  if (!isZip(data)) return dbm.restore(name, data);
  const path = tempPath('restore.zip');
  try {
    await writeFile(path, data);
    await restoreFromPath(dbm, name, path, true, board);
  } finally {
    await rm(path, { force: true });
  }
}
