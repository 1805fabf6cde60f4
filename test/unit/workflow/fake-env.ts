// An in-memory stand-in for the ORM, enough for the workflow engine: records are plain objects,
// `read` returns the asked fields, and the store writes straight into them.
import type { Env, ModelApi, Vals } from '../../../src/orm/env-types';
import { COMPAT_70 } from '../../../src/orm/env-types';
import { CacheView } from '../../../src/db/cache-signal';
import type { WorkflowStore } from '../../../src/workflow/engine';

export type Tables = Record<string, Record<number, Vals>>;

export interface FakeWorld {
  tables: Tables;
  /** Every write the store made, in order, as [model, id, vals, uid, su]. */
  writes: [string, number, Vals, number, boolean][];
  groups: Record<number, string[]>;
  /** When given, every read through the records API, as [model, fields, su]. */
  reads?: [string, string[] | undefined, boolean][];
}

function modelApi(world: FakeWorld, name: string, su: boolean): ModelApi {
  const table = () => world.tables[name] ?? {};
  const unsupported = async (): Promise<never> => {
    throw new Error(`not in the fake: ${name}`);
  };
  return {
    name,
    async read(ids: number[], fields?: string[]) {
      world.reads?.push([name, fields, su]);
      return ids.filter((id) => table()[id]).map((id) => {
        const row: Vals = { id };
        for (const f of fields ?? Object.keys(table()[id])) row[f] = table()[id][f] ?? false;
        return row;
      });
    },
    create: unsupported, write: unsupported, unlink: unsupported, search: unsupported,
    searchCount: unsupported, searchRead: unsupported, exists: unsupported, call: unsupported,
    createInternal: unsupported, writeInternal: unsupported, nameGet: unsupported,
    nameSearch: unsupported, defaultGet: unsupported, copy: unsupported,
  };
}

export function fakeEnv(world: FakeWorld, uid: number, context: Vals = {}, su = false): Env {
  return {
    cr: undefined as never, uid, su, context, compat: COMPAT_70, dbName: 'fake', backend: 'sqlite', registry: null,
    model: (name) => modelApi(world, name, su),
    sudo: () => fakeEnv(world, uid, context, true),
    withContext: (extra) => fakeEnv(world, uid, { ...context, ...extra }, su),
    withUser: (other) => fakeEnv(world, other, context, false),
    afterCommit: () => undefined,
    userGroups: async () => new Set(world.groups[uid] ?? []),
    cache: CacheView.private(), readOnly: false, autocommit: false, signalChange: async () => undefined,
  };
}

export const fakeStore = (world: FakeWorld): WorkflowStore => ({
  async readState(_env, model, field, id) {
    const row = world.tables[model]?.[id];
    return row ? String(row[field]) : null;
  },
  async write(env, model, id, vals) {
    world.writes.push([model, id, { ...vals }, env.uid, env.su]);
    Object.assign(world.tables[model][id], vals);
  },
});
