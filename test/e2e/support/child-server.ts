// Runs src/main.ts as its own process (through a transpile-only require hook), for what only a
// real process shows: the first start, the printed admin password, signals and the exit code.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import knexFactory from 'knex';
import { PG_URL } from '../../support/backends';

const ROOT = join(__dirname, '..', '..', '..');

export interface ChildServer {
  child: ChildProcess;
  port: number;
  output(): string;
  exited: Promise<number | null>;
}

export interface ChildRun {
  code: number | null;
  output: string;
}

const running = new Set<ChildProcess>();

/** Removes what child servers made: their PostgreSQL databases (by name) and their data folder. */
export async function removeChildData(backend: string, databases: string[], dataDir: string): Promise<void> {
  if (backend === 'pg') {
    const admin = knexFactory({ client: 'pg', connection: PG_URL, pool: { min: 0, max: 1 } });
    try {
      for (const name of databases) await admin.raw('DROP DATABASE IF EXISTS ?? WITH (FORCE)', [name]);
    } finally {
      await admin.destroy();
    }
  }
  rmSync(dataDir, { recursive: true, force: true });
}

/** The environment a process started with, as `NAME=value` lines (Linux). */
export function processEnvironment(pid: number): string[] {
  return readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0').filter(Boolean);
}

/** Kills every server process still running (afterAll of suites that start them). */
export function killChildServers(): void {
  for (const child of running) child.kill('SIGKILL');
  running.clear();
}

function start(env: Record<string, string>, args: string[] = []): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  const child = spawn(process.execPath, ['-r', './test/support/ts-register.js', 'src/main.ts', ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  child.on('exit', () => running.delete(child));
  let out = '';
  child.stdout?.on('data', (d: Buffer) => { out += d.toString('utf8'); });
  child.stderr?.on('data', (d: Buffer) => { out += d.toString('utf8'); });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => out, exited };
}

/** Starts the server and resolves once it says it is listening (or rejects with its output). */
export function startChildServer(env: Record<string, string>, timeoutMs = 120_000, args: string[] = []): Promise<ChildServer> {
  const { child, output, exited } = start(env, args);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`server did not start:\n${output()}`)); }, timeoutMs);
    const check = () => {
      const m = /HTTP service \(XML-RPC\) running on [^\s]+:(\d+)/.exec(output());
      if (m) {
        clearTimeout(timer);
        resolve({ child, port: Number(m[1]), output, exited });
      }
    };
    child.stdout?.on('data', check);
    child.stderr?.on('data', check);
    void exited.then((code) => { clearTimeout(timer); reject(new Error(`server exited (${code}) before listening:\n${output()}`)); });
  });
}

/** Runs the server to its end (for starts that must fail). */
export async function runChildServer(env: Record<string, string>, args: string[] = []): Promise<ChildRun> {
  const { output, exited } = start(env, args);
  const code = await exited;
  return { code, output: output() };
}
