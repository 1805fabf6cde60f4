// Seeded random XML-RPC values for the round-trip tests against Python. Two flavours:
// values we send (JS values, including text our serializer must clean), and values Python
// sends (tagged JSON, limited to what xmlrpc.client can write as valid XML).
import { Double, newStruct, RpcValue } from '../../../src/values';
import { mulberry32 } from '../../support/seeded-random';

export type Tagged =
  | { t: 'int'; v: number } | { t: 'bool'; v: boolean } | { t: 'double'; v: string }
  | { t: 'str'; v: string } | { t: 'nil' } | { t: 'array'; v: Tagged[] }
  | { t: 'struct'; v: [string, Tagged][] } | { t: 'datetime'; v: string } | { t: 'base64'; v: string };

/** Seeded (mulberry32): the same sequence on every run for a given seed. */
export class Rng {
  private readonly random: () => number;
  constructor(seed: number) {
    this.random = mulberry32(seed);
  }
  next(): number {
    return this.random();
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(0, items.length - 1)];
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

const INT_BOUNDS = [0, 1, -1, 2147483647, -2147483648, 2147483646, -2147483647, 42];
const WIDE_INTS = [2147483648, -2147483649, 4294967296, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, 1e15 + 7];
const DOUBLES = [0, -0, 0.1, 0.5, 1 / 3, -2.5, 1e16, 1e21, 1e-7, 5e-324, 2.2250738585072014e-308,
  1.7976931348623157e308, 3, 123456789.125, NaN, Infinity, -Infinity];

// Text pieces: ASCII, markup characters, XML whitespace, Latin-1, other BMP scripts, astral.
const SAFE_PIECES = ['a', 'Z', '0', ' ', '&', '<', '>', '"', "'", ']]>', '&amp;', '\t', '\n', '\r', '\r\n',
  'é', 'ñ', 'ü', '\u00a0', '€', 'Ω', 'ж', '日本', '한', '\u2028', '\ufeff', '😀', '𝄞', '🎉👍🏽', '\u{10FFFD}'];
// What only we may be asked to write: characters XML 1.0 cannot carry, which we strip.
const UNSAFE_PIECES = ['\u0000', '\u0001', '\u0008', '\u000b', '\u000c', '\u001f', '\ud800', '\udfff',
  '\ufffe', '\uffff', '\ud83d'];

export function randomText(rng: Rng, unsafe: boolean): string {
  if (rng.chance(0.08)) return '';
  const n = rng.chance(0.05) ? rng.int(200, 3000) : rng.int(1, 12);
  const parts: string[] = [];
  for (let i = 0; i < n; i++) {
    if (unsafe && rng.chance(0.1)) parts.push(rng.pick(UNSAFE_PIECES));
    else if (rng.chance(0.5)) parts.push(String.fromCharCode(rng.int(0x20, 0x7e)));
    else parts.push(rng.pick(SAFE_PIECES));
  }
  return parts.join('');
}

function randomDouble(rng: Rng): number {
  if (rng.chance(0.4)) return rng.pick(DOUBLES);
  if (rng.chance(0.5)) return (rng.next() - 0.5) * 10 ** rng.int(-5, 12);
  const bits = new DataView(new ArrayBuffer(8));
  bits.setUint32(0, rng.int(0, 0xffffffff));
  bits.setUint32(4, rng.int(0, 0xffffffff));
  return bits.getFloat64(0); // anything a double can be, NaN payloads and subnormals included
}

/** A value for our serializer to write (and Python to read). */
export function ourValue(rng: Rng, depth: number): RpcValue {
  const containers = depth > 0 ? 2 : 0;
  switch (rng.int(0, 7 + containers)) {
    case 0: return rng.chance(0.5) ? rng.pick(INT_BOUNDS) : rng.int(-2147483648, 2147483647);
    case 1: return rng.pick(WIDE_INTS);
    case 2: return rng.chance(0.5);
    case 3: return new Double(rng.chance(0.3) ? rng.int(-1000, 1000) : randomDouble(rng));
    case 4: return randomDouble(rng);
    case 5: return null;
    case 6: case 7: return randomText(rng, true);
    case 8: return Array.from({ length: rng.int(0, 5) }, () => ourValue(rng, depth - 1));
    default: {
      const s = newStruct();
      for (let i = rng.int(0, 5); i > 0; i--) s[randomText(rng, true)] = ourValue(rng, depth - 1);
      return s;
    }
  }
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** A value for Python's marshaller to write (and our parser to read). */
export function pythonValue(rng: Rng, depth: number): Tagged {
  const containers = depth > 0 ? 2 : 0;
  switch (rng.int(0, 8 + containers)) {
    case 0: return { t: 'int', v: rng.chance(0.5) ? rng.pick(INT_BOUNDS) : rng.int(-2147483648, 2147483647) };
    case 1: return { t: 'bool', v: rng.chance(0.5) };
    case 2: {
      const x = randomDouble(rng);
      return { t: 'double', v: Number.isNaN(x) ? 'nan' : String(x) };
    }
    case 3: return { t: 'nil' };
    case 4: {
      const [y, mo] = [rng.int(1, 9999), rng.int(1, 12)];
      const d = rng.int(1, new Date(Date.UTC(2000, mo, 0)).getUTCDate() - (mo === 2 ? 1 : 0));
      const iso = `${pad(y, 4)}-${pad(mo, 2)}-${pad(d, 2)}T${pad(rng.int(0, 23), 2)}:${pad(rng.int(0, 59), 2)}:${pad(rng.int(0, 59), 2)}`;
      return { t: 'datetime', v: iso };
    }
    case 5: {
      const bytes = Buffer.from(Array.from({ length: rng.chance(0.2) ? rng.int(58, 400) : rng.int(0, 20) }, () => rng.int(0, 255)));
      return { t: 'base64', v: bytes.toString('base64') };
    }
    case 6: case 7: case 8: return { t: 'str', v: randomText(rng, false) };
    case 9: return { t: 'array', v: Array.from({ length: rng.int(0, 5) }, () => pythonValue(rng, depth - 1)) };
    default: {
      const members = new Map<string, Tagged>();
      for (let i = rng.int(0, 5); i > 0; i--) members.set(randomText(rng, false), pythonValue(rng, depth - 1));
      return { t: 'struct', v: [...members] };
    }
  }
}

/** Deep chains of arrays and structs, up to the default depth limit. */
export function deepOurValue(rng: Rng, depth: number): RpcValue {
  let v: RpcValue = rng.chance(0.5) ? 'leaf' : 1;
  for (let i = 0; i < depth; i++) {
    if (rng.chance(0.5)) v = [v];
    else {
      const s = newStruct();
      s[`k${i}`] = v;
      v = s;
    }
  }
  return v;
}

export function deepPythonValue(rng: Rng, depth: number): Tagged {
  let v: Tagged = { t: 'str', v: 'leaf' };
  for (let i = 0; i < depth; i++) v = rng.chance(0.5) ? { t: 'array', v: [v] } : { t: 'struct', v: [[`k${i}`, v]] };
  return v;
}
