// Workers in their own processes, for the tests that kill one mid-work: starting a TypeScript
// script under node, killing it for good, and telling it where the database is.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { Knex } from 'knex';
import { PG_URL, type Backend } from './backends';

const TS_REGISTER = join(__dirname, 'ts-register.js');

/** Runs `script` under node with `arg` as JSON in argv[2]; its stderr goes to the test's. */
export function spawnScript(script: string, arg: unknown): ChildProcess {
  const child = spawn(process.execPath, ['-r', TS_REGISTER, script, JSON.stringify(arg)], { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stderr?.on('data', (d: Buffer) => process.stderr.write(d));
  return child;
}

/** SIGKILL: the process gets no chance to give anything back. Resolves once it is gone. */
export async function killHard(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await gone;
}

/** How another process opens the same database: the SQLite file, or the PostgreSQL URL. */
export function connectionOf(db: { backend: Backend; name: string; knex: Knex }): string {
  if (db.backend === 'sqlite') {
    return (db.knex.client.config as { connection: { filename: string } }).connection.filename;
  }
  const url = new URL(PG_URL);
  url.pathname = `/${db.name}`;
  return url.toString();
}
