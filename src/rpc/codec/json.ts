// JSON bodies <-> RPC values, under the same limits as the XML codec: strict UTF-8, bounded
// nesting, element count and string length, and objects as null-prototype structs, so keys such
// as `__proto__` or `constructor` are plain data exactly as in an XML-RPC <struct>.
import { CallError } from '../../errors';
import { newStruct, type RpcValue } from '../../values';
import { type CodecLimits, resolveLimits } from './limits';

/**
 * The JSON-RPC envelope and its params hold the values an XML-RPC call carries at its top level
 * (`{"params": {"args": [value]}}`): these levels do not count against maxDepth.
 */
export const JSON_ENVELOPE_DEPTH = 3;

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** Parses a JSON body into RPC values; throws CallError (ValueError) for anything malformed. */
export function parseJsonBody(body: Buffer, limits?: Partial<CodecLimits>): RpcValue {
  const lim = resolveLimits(limits);
  if (body.length > lim.maxBodyBytes) throw new CallError('Request body too large', 'ValueError');
  let text: string;
  try {
    text = UTF8.decode(body);
  } catch {
    throw new CallError('Invalid JSON data: the body is not valid UTF-8', 'ValueError');
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new CallError('Invalid JSON data', 'ValueError');
  }
  return toRpcValue(raw, lim);
}

/** Plain parsed JSON -> RPC values, counting and bounding as it goes (iteration depth is bounded). */
function toRpcValue(raw: unknown, lim: CodecLimits): RpcValue {
  let elements = 0;
  const maxDepth = lim.maxDepth + JSON_ENVELOPE_DEPTH;
  const text = (s: string): string => {
    if (s.length > lim.maxStringLength) throw new CallError(`String longer than ${lim.maxStringLength} characters`, 'ValueError');
    return s;
  };
  const walk = (v: unknown, depth: number): RpcValue => {
    elements += 1;
    if (elements > lim.maxElements) throw new CallError(`More than ${lim.maxElements} values in one request`, 'ValueError');
    if (v === null || typeof v === 'boolean' || typeof v === 'number') return v;
    if (typeof v === 'string') return text(v);
    if (depth >= maxDepth) throw new CallError(`Values nested deeper than ${lim.maxDepth} levels`, 'ValueError');
    if (Array.isArray(v)) return v.map((item) => walk(item, depth + 1));
    const out = newStruct();
    for (const key of Object.keys(v as object)) out[text(key)] = walk((v as Record<string, unknown>)[key], depth + 1);
    return out;
  };
  return walk(raw, 0);
}

/** RPC values -> JSON text (Double serialises as its number; non-finite numbers as null). */
export function serializeJson(value: unknown): string {
  return JSON.stringify(value);
}
