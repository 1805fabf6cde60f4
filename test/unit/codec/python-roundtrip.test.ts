// Property test against Python's own xmlrpc.client (test/python/codec_roundtrip.py): hundreds
// of seeded random values, (1) written by us and read by Python, (2) written by Python and read
// by us, must arrive equal. One Python process per direction carries the whole batch.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import {
  cleanText, parseMethodCall, parseMethodResponse, serializeFault, serializeMethodCall, serializeResponse,
} from '../../../src/rpc/codec';
import { Double, isStruct, RpcValue } from '../../../src/values';
import { deepOurValue, deepPythonValue, ourValue, pythonValue, randomText, Rng, Tagged } from './value-generator';

const SCRIPT = join(__dirname, '..', '..', 'python', 'codec_roundtrip.py');

function python<T>(mode: 'load' | 'dump', request: unknown): T {
  const run = spawnSync('python3', [SCRIPT, mode], {
    input: JSON.stringify(request), encoding: 'utf8', maxBuffer: 512 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(`python3 ${mode} failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as T;
}

// Canonical forms: struct members sorted, numbers as text (NaN and -0 included) so that
// jest's equality and diffs work; `num` when JS cannot tell int from float.
type Canon = null | { [tag: string]: unknown };
const num = (x: number) => (Number.isNaN(x) ? 'nan' : Object.is(x, -0) ? '-0' : String(x));
const pyFloat = (repr: string) => (repr === 'nan' ? NaN : repr === 'inf' ? Infinity : repr === '-inf' ? -Infinity : Number(repr));
const sorted = (pairs: [string, Canon][]) => pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
const lf = (s: string) => s.replace(/\r\n?/g, '\n');

/** What Python should read for a value we write (our output rules, in Python's types). */
function expectedInPython(v: RpcValue | undefined): Canon {
  if (v === null || v === undefined || v === false) return { bool: false };
  if (v === true) return { bool: true };
  if (typeof v === 'number') {
    return Number.isInteger(v) && v >= -2147483648 && v <= 2147483647 ? { int: v === 0 ? 0 : v } : { double: num(v) };
  }
  if (v instanceof Double) return { double: num(v.value) };
  if (typeof v === 'string') return { str: cleanText(v) };
  if (Array.isArray(v)) return { array: v.map(expectedInPython) };
  const members = new Map<string, Canon>(); // Python's dict: a repeated (cleaned) name keeps the last value
  for (const k of Object.keys(v)) members.set(cleanText(k), expectedInPython(v[k]));
  return { struct: sorted([...members]) };
}

function fromPython(t: Tagged): Canon {
  switch (t.t) {
    case 'int': return { int: t.v };
    case 'bool': return { bool: t.v };
    case 'double': return { double: num(pyFloat(t.v)) };
    case 'str': return { str: t.v };
    case 'nil': return { nil: true };
    case 'array': return { array: t.v.map(fromPython) };
    case 'struct': return { struct: sorted(t.v.map(([k, v]) => [k, fromPython(v)])) };
    default: return { unexpected: t };
  }
}

/** What we should read for a value Python writes (dates and bytes arrive as strings). */
function expectedInOurs(t: Tagged): Canon {
  switch (t.t) {
    case 'int': return { num: num(t.v) };
    case 'double': return { num: num(pyFloat(t.v)) };
    case 'bool': return { bool: t.v };
    case 'nil': return null;
    case 'str': return { str: lf(t.v) }; // XML parsers turn raw CR and CRLF into LF
    case 'datetime': return { str: t.v.replace('T', ' ') };
    case 'base64': return { str: t.v };
    case 'array': return { array: t.v.map(expectedInOurs) };
    case 'struct': return { struct: sorted(t.v.map(([k, v]) => [lf(k), expectedInOurs(v)])) };
  }
}

function fromOurs(v: RpcValue): Canon {
  if (v === null) return null;
  if (typeof v === 'boolean') return { bool: v };
  if (typeof v === 'number') return { num: num(v) };
  if (typeof v === 'string') return { str: v };
  if (Array.isArray(v)) return { array: v.map(fromOurs) };
  if (isStruct(v)) return { struct: sorted(Object.keys(v).map((k) => [k, fromOurs(v[k])])) };
  return { unexpected: String(v) };
}

describe('round trip with Python xmlrpc.client', () => {
  it('Python reads back every value we write', () => {
    const rng = new Rng(20261127);
    const docs: { xml: string; expected: unknown }[] = [];
    for (let i = 0; i < 200; i++) {
      const v = i < 20 ? deepOurValue(rng, rng.int(30, 64)) : ourValue(rng, 4);
      docs.push({ xml: serializeResponse(v), expected: { method: null, params: [expectedInPython(v)] } });
    }
    for (let i = 0; i < 120; i++) {
      const params = Array.from({ length: rng.int(0, 6) }, () => ourValue(rng, 3));
      const method = rng.pick(['execute_kw', 'login', 'object.execute', 'a_b:c/d']);
      docs.push({ xml: serializeMethodCall(method, params), expected: { method, params: params.map(expectedInPython) } });
    }
    for (let i = 0; i < 40; i++) {
      const code = rng.chance(0.5) ? rng.int(1, 4) : randomText(rng, true);
      const message = randomText(rng, true);
      docs.push({
        xml: serializeFault(code, message),
        expected: { fault: { code: expectedInPython(code), string: expectedInPython(message) } },
      });
    }
    const results = python<Record<string, unknown>[]>('load', {
      bodies: docs.map((d) => Buffer.from(d.xml, 'utf8').toString('base64')),
    });
    expect(results).toHaveLength(docs.length);
    results.forEach((r, i) => {
      const actual = 'params' in r ? { method: r.method, params: (r.params as Tagged[]).map(fromPython) }
        : 'fault' in r ? { fault: { code: fromPython((r.fault as { code: Tagged }).code), string: fromPython((r.fault as { string: Tagged }).string) } }
          : r;
      expect({ doc: i, ...actual }).toEqual({ doc: i, ...(docs[i].expected as object) });
    });
  });

  it('we read back every value Python writes', () => {
    const rng = new Rng(7);
    type Doc = { kind: 'call' | 'response' | 'fault'; method?: string; params?: Tagged[]; code?: Tagged; string?: string; encoding: string };
    const docs: Doc[] = [];
    const encoding = () => (rng.chance(0.25) ? 'iso-8859-1' : 'utf-8');
    for (let i = 0; i < 200; i++) {
      const params = Array.from({ length: rng.int(1, 5) }, () => (i < 20 ? deepPythonValue(rng, rng.int(30, 64)) : pythonValue(rng, 4)));
      docs.push({ kind: 'call', method: rng.pick(['execute_kw', 'login', 'version']), params, encoding: encoding() });
    }
    for (let i = 0; i < 80; i++) docs.push({ kind: 'response', params: [pythonValue(rng, 4)], encoding: encoding() });
    for (let i = 0; i < 40; i++) {
      const code: Tagged = rng.chance(0.5) ? { t: 'int', v: rng.int(1, 4) } : { t: 'str', v: randomText(rng, false) };
      docs.push({ kind: 'fault', code, string: randomText(rng, false), encoding: encoding() });
    }
    const bodies = python<string[]>('dump', { docs });
    expect(bodies).toHaveLength(docs.length);
    bodies.forEach((b64, i) => {
      const body = Buffer.from(b64, 'base64');
      const doc = docs[i];
      if (doc.kind === 'call') {
        const parsed = parseMethodCall(body);
        expect({ doc: i, method: parsed.methodName, params: parsed.params.map(fromOurs) })
          .toEqual({ doc: i, method: doc.method, params: (doc.params as Tagged[]).map(expectedInOurs) });
      } else if (doc.kind === 'response') {
        const parsed = parseMethodResponse(body);
        expect({ doc: i, value: parsed.ok ? fromOurs(parsed.value) : parsed })
          .toEqual({ doc: i, value: expectedInOurs((doc.params as Tagged[])[0]) });
      } else {
        const code = doc.code as Tagged;
        expect({ doc: i, ...parseMethodResponse(body) }).toEqual({
          doc: i, ok: false, faultCode: code.t === 'str' ? lf(code.v) : (code as { v: number }).v,
          faultString: lf(doc.string as string),
        });
      }
    });
  });
});
