// What a worker process and the master process tell each other over the cluster's IPC channel.
// Kept to a few small messages: a heartbeat every fraction of a second is all the traffic.

/** Worker -> master. */
export type WorkerMessage =
  /** The worker's HTTP server is accepting connections. */
  | { kind: 'listening'; address: string; port: number }
  /** Still alive; `oldestCallStartedMs` is when its longest running call began (null: idle). */
  | { kind: 'beat'; oldestCallStartedMs: number | null }
  /** Past limit_memory_soft or limit_request: it asks for a replacement, then to be stopped. */
  | { kind: 'retire'; reason: string };

/** Master -> worker: stop accepting, finish the running calls, close the databases, exit 0. */
export type MasterMessage = { kind: 'stop' };

/** How often a worker beats; the master checks limit_time_real at the same pace. */
export const BEAT_MS = 250;

/** The environment variable through which the master gives its workers the port to listen on. */
export const WORKER_PORT_VARIABLE = 'CLUSTER_WORKER_PORT';

export function isWorkerMessage(m: unknown): m is WorkerMessage {
  return typeof m === 'object' && m !== null && ['listening', 'beat', 'retire'].includes((m as { kind?: string }).kind ?? '');
}

export function isMasterMessage(m: unknown): m is MasterMessage {
  return typeof m === 'object' && m !== null && (m as { kind?: string }).kind === 'stop';
}
