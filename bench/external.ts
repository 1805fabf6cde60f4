// A server that is already running on this machine (an Odoo to compare with, or ours started
// by hand), measured the same way as the ones the benchmark starts; nothing is stopped or dropped.
import type { RpcStruct } from '../src/values';
import { RpcClient } from './client';
import type { ExternalTarget } from './options';
import type { BenchServer } from './server';

export function attachServer(target: ExternalTarget): BenchServer {
  return {
    backend: 'external', host: target.host, port: target.port, db: target.db,
    adminLogin: target.adminLogin, adminPassword: target.adminPassword,
    logTail: () => [],
    async engineVersion() {
      const rpc = new RpcClient(target.host, target.port, 1);
      try {
        const v = await rpc.call('/xmlrpc/2/common', 'version', []) as RpcStruct;
        return `external server ${String(v.server_version)} at ${target.host}:${target.port}`;
      } finally {
        rpc.close();
      }
    },
    stop: async () => undefined,
  };
}
