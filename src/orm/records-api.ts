// The records API of one model for server code (`env.model(name)`): the same service the RPC
// methods use, with TypeScript-friendly signatures.
import type { Domain, ModelApi, SearchOptions, Vals } from './env-types';
import type { CallEnv } from './call-env';
import type { RuntimeModel } from './registry';
import { normalizeIds } from './records/common';
import { createRecord, writeRecords } from './records/save';
import { readRecords } from './records/read';
import { unlinkRecords } from './records/unlink';
import { searchCount, searchIds, searchRead } from './records/search';
import { existing } from './records/metadata';
import { nameGet, nameSearch } from './records/names';
import { defaultGet } from './records/defaults';
import { copyRecord } from './records/copy';
import { callNamed } from './call-method';

export class RecordsApi implements ModelApi {
  constructor(private readonly env: CallEnv, private readonly def: RuntimeModel) {}

  get name(): string { return this.def.name; }

  create(vals: Vals): Promise<number> { return createRecord(this.env, this.def, vals); }
  createInternal(vals: Vals): Promise<number> { return createRecord(this.env, this.def, vals, { internal: true }); }
  read(ids: number[], fields?: string[]): Promise<Vals[]> {
    return readRecords(this.env, this.def, normalizeIds(ids), fields ?? null, {});
  }
  write(ids: number[], vals: Vals): Promise<true> { return writeRecords(this.env, this.def, normalizeIds(ids), vals); }
  writeInternal(ids: number[], vals: Vals): Promise<true> {
    return writeRecords(this.env, this.def, normalizeIds(ids), vals, { internal: true });
  }
  unlink(ids: number[]): Promise<true> { return unlinkRecords(this.env, this.def, normalizeIds(ids)); }
  search(domain: Domain, opts: SearchOptions = {}): Promise<number[]> { return searchIds(this.env, this.def, domain, opts); }
  searchCount(domain: Domain): Promise<number> { return searchCount(this.env, this.def, domain); }
  searchRead(domain: Domain, fields?: string[], opts: SearchOptions = {}): Promise<Vals[]> {
    return searchRead(this.env, this.def, domain, fields ?? null, opts);
  }
  exists(ids: number[]): Promise<number[]> { return existing(this.env, this.def, normalizeIds(ids)); }
  nameGet(ids: number[]): Promise<[number, string][]> { return nameGet(this.env, this.def, normalizeIds(ids)); }
  nameSearch(name: string, domain: Domain = [], operator = 'ilike', limit = 100): Promise<[number, string][]> {
    return nameSearch(this.env, this.def, { name, args: domain, operator, limit });
  }
  defaultGet(fields: string[]): Promise<Vals> { return defaultGet(this.env, this.def, fields); }
  copy(id: number, defaults: Vals = {}): Promise<number> { return copyRecord(this.env, this.def, id, defaults); }
  call(method: string, args: Record<string, unknown>): Promise<unknown> {
    return callNamed(this.env, this.def, method, args);
  }
}
