// The SQL statements a piece of work sends through one knex handle, as text with its bindings:
// what the query-count tests count and print when they fail.
import type { Knex } from 'knex';

export async function statementsOf(knex: Knex, fn: () => Promise<unknown>): Promise<string[]> {
  const seen: string[] = [];
  const listener = (q: { sql: string; bindings?: unknown[] }) => { seen.push(`${q.sql} ${JSON.stringify(q.bindings ?? [])}`); };
  knex.on('query', listener);
  try {
    await fn();
  } finally {
    knex.removeListener('query', listener);
  }
  return seen;
}
