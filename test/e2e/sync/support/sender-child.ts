// A sync sender in its own process, for the test that kills it: it drains one center's database
// until it is killed, printing what it does as JSON lines.
import knexFactory from 'knex';
import { openSqliteFile } from '../../../../src/db/sqlite-storage';
import { startSyncWorker } from '../../../../src/sync/worker';
import type { SyncServerConfig } from '../../../../src/sync/sync-config';

interface ChildOptions {
  backend: 'sqlite' | 'pg';
  /** The SQLite file, or the PostgreSQL connection string. */
  connection: string;
  name: string;
  worker: string;
  config: SyncServerConfig;
}

const opts = JSON.parse(process.argv[2]) as ChildOptions;
const knex = opts.backend === 'sqlite'
  ? openSqliteFile(opts.connection)
  : knexFactory({ client: 'pg', connection: opts.connection, pool: { min: 0, max: 3 } });
const db = { name: opts.name, knex, backend: opts.backend };
const say = (message: string, meta?: Record<string, unknown>) => {
  process.stdout.write(`${JSON.stringify({ message, ...meta })}\n`);
};

startSyncWorker({
  dbm: { list: async () => [db.name], get: async () => db },
  config: opts.config,
  logger: { info: say, warn: say, error: say },
  worker: opts.worker,
});
say('started');
