// The schema, in order. Migrations are listed here (not discovered on disk) so that they run the
// same from TypeScript sources and from the compiled build.
import type { Knex } from 'knex';
import * as m0001 from './0001_base';

export interface Migration {
  name: string;
  up(knex: Knex): Promise<void>;
  down(knex: Knex): Promise<void>;
}

export const MIGRATIONS: Migration[] = [
  { name: '0001_base', ...m0001 },
];
