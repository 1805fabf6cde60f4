// Values that cross the RPC boundary. Plain JS values map to XML-RPC types directly; `Double`
// marks a number that must travel as <double> even when it is whole (float fields, aggregates).

export class Double {
  constructor(readonly value: number) {}
  valueOf(): number {
    return this.value;
  }
  toJSON(): number {
    return this.value;
  }
}

/** A struct: an object with no prototype, so member names like `__proto__` are inert data. */
export interface RpcStruct {
  [key: string]: RpcValue;
}

export type RpcValue = null | boolean | number | string | Double | RpcValue[] | RpcStruct;

export function newStruct(): RpcStruct {
  return Object.create(null) as RpcStruct;
}

/** A lookup table that finds only its own entries: names every JavaScript object has
 * (`constructor`, `toString`, `__proto__`...) are simply absent, as any unknown name. */
export function ownTable<T>(entries: Record<string, T> = {}): Record<string, T> {
  return Object.assign(Object.create(null) as Record<string, T>, entries);
}

/** `table[key]` when it is the table's own entry, else undefined. */
export function ownEntry<T>(table: Record<string, T>, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
}

export function isStruct(v: unknown): v is RpcStruct {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Double);
}
