// The XML-RPC grammar as data: which elements may appear inside which, and how each scalar
// element's text becomes a value. Anything not listed here is refused.
import { RpcValue } from '../../values';
import { parseDateTime } from './datetime';
import { parseBase64, parseBoolean, parseDouble, parseI8, parseInt32 } from './scalars';

export type Kind =
  | 'methodCall' | 'methodResponse' | 'methodName' | 'params' | 'param' | 'fault'
  | 'value' | 'scalar' | 'nil' | 'array' | 'data' | 'struct' | 'member' | 'name';

export type ScalarReader = (text: string) => RpcValue;

const keepText: ScalarReader = (text) => text;

export const SCALARS: ReadonlyMap<string, ScalarReader> = new Map<string, ScalarReader>([
  ['int', parseInt32],
  ['i4', parseInt32],
  ['i8', parseI8],
  ['ex:i8', parseI8], // Apache XML-RPC's extension prefix
  ['boolean', parseBoolean],
  ['double', parseDouble],
  ['string', keepText],
  ['dateTime.iso8601', parseDateTime],
  ['base64', parseBase64],
]);

const NILS = new Set(['nil', 'ex:nil']);

/** What a `<value>` may hold, by element name. */
export function typedKind(tag: string): Kind | undefined {
  if (SCALARS.has(tag)) return 'scalar';
  if (NILS.has(tag)) return 'nil';
  if (tag === 'array') return 'array';
  if (tag === 'struct') return 'struct';
  return undefined;
}

/**
 * The kind of `tag` when it opens as child number `index` (0-based) of a `parent` element,
 * or undefined when it may not appear there.
 */
export function childKind(parent: Kind, tag: string, index: number): Kind | undefined {
  switch (parent) {
    case 'methodCall':
      if (index === 0 && tag === 'methodName') return 'methodName';
      if (index === 1 && tag === 'params') return 'params';
      return undefined;
    case 'methodResponse':
      if (index === 0 && (tag === 'params' || tag === 'fault')) return tag;
      return undefined;
    case 'params':
      return tag === 'param' ? 'param' : undefined;
    case 'param':
    case 'fault':
      return index === 0 && tag === 'value' ? 'value' : undefined;
    case 'value':
      return index === 0 ? typedKind(tag) : undefined;
    case 'array':
      return index === 0 && tag === 'data' ? 'data' : undefined;
    case 'data':
      return tag === 'value' ? 'value' : undefined;
    case 'struct':
      return tag === 'member' ? 'member' : undefined;
    case 'member':
      if (index === 0 && tag === 'name') return 'name';
      if (index === 1 && tag === 'value') return 'value';
      return undefined;
    default:
      return undefined; // methodName, name, scalars and nil hold text only
  }
}

/** Kinds whose text content is data; elsewhere only whitespace may appear between elements. */
export function holdsText(kind: Kind): boolean {
  return kind === 'scalar' || kind === 'value' || kind === 'name' || kind === 'methodName';
}

/** Member names refused outright, although structs have no prototype to pollute. */
export const FORBIDDEN_MEMBER_NAMES: ReadonlySet<string> = new Set([
  '__proto__', 'constructor', 'prototype',
]);
