// A text that tells two call values apart exactly as the domain compiler would (types included:
// a Double is not an int, a struct is not a list), for keys of statements compiled once per shape.
import { Double } from '../values';

/** The key of `value`, or null for a value of no plain shape (then nothing is kept under it). */
export function shapeKey(value: unknown): string | null {
  switch (typeof value) {
    case 'string': return JSON.stringify(value);
    case 'number': return Number.isInteger(value) ? `i${value}` : `f${value}`;
    case 'boolean': return value ? 'T' : 'F';
    case 'undefined': return 'U';
    case 'object': break;
    default: return null;
  }
  if (value === null) return 'N';
  if (Array.isArray(value)) {
    let out = '[';
    for (const item of value) {
      const k = shapeKey(item);
      if (k === null) return null;
      out += `${k},`;
    }
    return `${out}]`;
  }
  if (value instanceof Double) return `d${value.value}`;
  if (value instanceof Date) return `D${value.getTime()}`;
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return null;
  let out = '{';
  for (const [k, v] of Object.entries(value)) {
    const vk = shapeKey(v);
    if (vk === null) return null;
    out += `${JSON.stringify(k)}:${vk},`;
  }
  return `${out}}`;
}
