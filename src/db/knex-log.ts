// Knex's own warnings (a pooled connection lost while PostgreSQL restarts, a SQLite file locked by
// another program) go to the server's log as one line each, never to the console.
import type { Knex } from 'knex';
import type { Logger } from './types';

export function knexLog(logger?: Logger): Knex.Config['log'] {
  const line = (message: unknown): string => String(message).split('\n')[0].slice(0, 300);
  return {
    warn: (message: unknown) => logger?.warn(line(message), { name: 'db' }),
    error: (message: unknown) => logger?.error(line(message), { name: 'db' }),
    deprecate: (message: unknown) => logger?.warn(line(message), { name: 'db' }),
    debug: () => {},
  };
}
