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

export function isStruct(v: unknown): v is RpcStruct {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Double);
}
