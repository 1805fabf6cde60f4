// Starts the floor (bench/floor-server.ts) on the database our server was seeded in, hands it our
// server's answer to each call it knows, and gives the benchmark the same calls against it: the
// same request bytes sent, the same answer bytes read and parsed by the same client.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { RpcClient } from './client';
import { FLOOR_CALLS } from './floor-server';
import type { Scenario } from './scenarios';
import { listening, stopChild } from './server';

export interface Floor {
  /** The floor's twin of each scenario it knows, by scenario name. */
  twins: Map<string, Scenario>;
  /** The floor's process id (for its CPU time). */
  pid?: number;
  stop(): Promise<void>;
}

const STARTED = /floor listening on (\d+)/;

/**
 * `ours` runs each scenario once against our server (through `rpc`) to learn the request and the
 * answer bytes; the floor then answers those bytes for every call of that scenario.
 */
export async function startFloor(databaseUrl: string, ours: Scenario[], rpc: RpcClient, clients: number): Promise<Floor> {
  const child = spawn(process.execPath, [join(__dirname, 'floor-server.js')], {
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', FLOOR_PG_URL: databaseUrl },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stop = () => stopChild(child);
  try {
    const port = await listening(child, STARTED);
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
    return { twins, pid: child.pid, stop: async () => { floor.close(); await stop(); } };
  } catch (err) {
    await stop();
    throw err;
  }
}
