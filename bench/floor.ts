// Starts the floor (bench/floor-server.ts) on the database our server was seeded in, hands it our
// server's answer to each call it knows, and gives the benchmark the same calls against it: the
// same request bytes sent, the same answer bytes read and parsed by the same client.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { InternalError } from '../src/errors';
import { RpcClient } from './client';
import { FLOOR_CALLS } from './floor-server';
import type { Scenario } from './scenarios';

export interface Floor {
  /** The floor's twin of each scenario it knows, by scenario name. */
  twins: Map<string, Scenario>;
  stop(): Promise<void>;
}

const STARTED = /floor listening on (\d+)/;

function listening(child: ChildProcess): Promise<number> {
  let head = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new InternalError('bench-floor', `the floor did not start:\n${head}`)), 30_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      head += chunk.toString('utf8');
      const m = STARTED.exec(head);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => { head += chunk.toString('utf8'); });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new InternalError('bench-floor', `the floor exited (${String(code)}):\n${head}`));
    });
  });
}

/**
 * `ours` runs each scenario once against our server (through `rpc`) to learn the request and the
 * answer bytes; the floor then answers those bytes for every call of that scenario.
 */
export async function startFloor(databaseUrl: string, ours: Scenario[], rpc: RpcClient, clients: number): Promise<Floor> {
  const child = spawn(process.execPath, [join(__dirname, 'floor-server.js')], {
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', FLOOR_PG_URL: databaseUrl },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };
  try {
    const port = await listening(child);
    const floor = new RpcClient('127.0.0.1', port, clients);
    const twins = new Map<string, Scenario>();
    for (const s of ours.filter((o) => FLOOR_CALLS.includes(o.name))) {
      await s.op(0, 0);
      const request = rpc.lastRequest;
      await floor.post(`/canned/${encodeURIComponent(s.name)}`, `canned ${s.name}`, rpc.lastResponse);
      twins.set(s.name, {
        name: s.name, call: s.call,
        op: async (w, i) => {
          await floor.post(`/floor/${encodeURIComponent(s.name)}?w=${w}&i=${i}`, `floor ${s.name}`, request);
          return true;
        },
      });
    }
    return { twins, stop: async () => { floor.close(); await stop(); } };
  } catch (err) {
    await stop();
    throw err;
  }
}
