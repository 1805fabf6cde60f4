// A sync sender in its own process, for the test that kills it: it drains one center's database
// until it is killed, printing what it does as JSON lines.
import { startSyncWorker } from '../../../../src/sync/worker';
import type { SyncServerConfig } from '../../../../src/sync/sync-config';
import { jsonLineLogger, openChildDb, say, type ChildDbOptions } from '../../../support/child-db';

interface ChildOptions extends ChildDbOptions {
  worker: string;
  config: SyncServerConfig;
}

const opts = JSON.parse(process.argv[2]) as ChildOptions;
const db = openChildDb(opts);

startSyncWorker({
  dbm: { list: async () => [db.name], get: async () => db },
  config: opts.config,
  logger: jsonLineLogger,
  worker: opts.worker,
});
say('started');
