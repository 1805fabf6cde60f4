// Odoo's streamed backup forms: POST /web/database/backup (master_pwd, name, backup_format) answers
// the archive as a download, POST /web/database/restore (multipart: master_pwd, name, backup_file)
// streams the upload to disk and restores it. A large backup never sits in memory as base64.
import { createWriteStream } from 'node:fs';
import { open, rm } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import busboy from 'busboy';
import express, { type Request, type Response, type Router } from 'express';
import type { ProgressBoard } from '../../db/progress';
import type { DatabaseManager } from '../../db/types';
import { isZip } from '../../db/zip-backup';
import { AccessDenied, CallError, UserError } from '../../errors';
import { dumpFormat, restoreFromPath, tempPath, tracked } from '../services/db-archives';

export interface WebDatabaseOptions {
  dbm: DatabaseManager;
  serverVersion: string;
  /** Resolves for the right master password; AccessDenied otherwise (and counts the failure). */
  checkMasterPassword: (password: string, ip: string) => Promise<void>;
  logger: { info(message: string, meta?: Record<string, unknown>): unknown };
  /** Where db.get_progress reads how far a backup or restore is. */
  progress?: ProgressBoard;
}

/** The answer to a refused request: a status and the reason, as JSON. */
function refuse(res: Response, err: unknown): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const [status, message] = err instanceof AccessDenied ? [403, 'Access Denied']
    : err instanceof UserError || err instanceof CallError ? [400, err.message]
      : [500, 'Internal server error'];
  res.status(status).set('Content-Type', 'application/json').send(JSON.stringify({ error: message }));
}

const field = (body: unknown, key: string): string => {
  const v = (body as Record<string, unknown> | undefined)?.[key];
  return typeof v === 'string' ? v : '';
};

const stamp = (): string => new Date().toISOString().replace(/[-:]/g, '').replace('T', '_').slice(0, 15);

async function firstBytes(path: string): Promise<Buffer> {
  const file = await open(path, 'r');
  try {
    const head = Buffer.alloc(4);
    await file.read(head, 0, 4, 0);
    return head;
  } finally {
    await file.close();
  }
}

export function webDatabaseRoutes(opts: WebDatabaseOptions): Router {
  const router = express.Router();
  const ipOf = (req: Request): string => req.socket.remoteAddress ?? '?';

  router.post('/web/database/backup', express.urlencoded({ extended: false, limit: '16kb' }), (req: Request, res: Response) => {
    const name = field(req.body, 'name');
    void (async () => {
      await opts.checkMasterPassword(field(req.body, 'master_pwd'), ipOf(req));
      const format = dumpFormat(field(req.body, 'backup_format') || 'zip');
      if (!(await opts.dbm.exists(name))) throw new UserError(`Database "${name.slice(0, 64)}" does not exist.`, 'Warning');
      opts.logger.info(`Backup of ${name} (${format}) to ${ipOf(req)}`, { db: name, name: 'db' });
      const filename = `${name}_${stamp()}.${format === 'zip' ? 'zip' : 'dump.gz'}`;
      res.status(200).set({
        'Content-Type': format === 'zip' ? 'application/zip' : 'application/octet-stream',
        'Content-Disposition': `attachment; filename="${filename}"`,
      });
      if (format === 'zip') await tracked(opts.progress, name, 'backup', (p) => opts.dbm.dumpZip(name, res, opts.serverVersion, p));
      else res.end(await opts.dbm.dump(name));
    })().catch((err: unknown) => refuse(res, err));
  });

  router.post('/web/database/restore', (req: Request, res: Response) => {
    const fields: Record<string, string> = {};
    const path = tempPath('upload');
    let upload: Promise<void> | null = null;
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: req.headers, limits: { fields: 10, fieldSize: 4096, files: 1 } });
    } catch {
      return refuse(res, new UserError('Send the backup as multipart/form-data.', 'Warning'));
    }
    parser.on('field', (key, value) => { fields[key] = value; });
    parser.on('file', (key, stream) => {
      if (key !== 'backup_file' || upload) return void stream.resume();
      // The password is checked before a byte is written: a stranger cannot fill the disk.
      upload = (async () => {
        if (fields.master_pwd === undefined || fields.name === undefined) {
          stream.resume();
          throw new UserError('Send master_pwd and name before backup_file.', 'Warning');
        }
        try {
          await opts.checkMasterPassword(fields.master_pwd, ipOf(req));
        } catch (err) {
          stream.resume();
          throw err;
        }
        await pipeline(stream, createWriteStream(path));
      })();
      upload.catch(() => undefined);
    });
    parser.on('close', () => {
      void (async () => {
        if (!upload) throw new UserError('No backup_file in the form.', 'Warning');
        await upload;
        const name = fields.name;
        await restoreFromPath(opts.dbm, name, path, isZip(await firstBytes(path)), opts.progress);
        opts.logger.info(`Restored ${name} from an upload of ${ipOf(req)}`, { db: name, name: 'db' });
        res.status(200).set('Content-Type', 'application/json').send(JSON.stringify({ result: true }));
      })().catch((err: unknown) => refuse(res, err)).finally(() => void rm(path, { force: true }));
    });
    parser.on('error', () => refuse(res, new UserError('The upload is not a readable multipart form.', 'Warning')));
    req.pipe(parser);
  });
  return router;
}
