// The tokens of Python literal domains: names, numbers, quoted strings (with Python 2's u''/r''
// prefixes and escapes) and punctuation. One pass, no regular expression that can backtrack.
import { ValidationError } from '../../errors';

export interface PyToken {
  /** `bad`: the text cannot be read here; `value` says why (reported when the parser gets to it). */
  kind: 'name' | 'number' | 'string' | 'op' | 'end' | 'bad';
  value: string | number;
  start: number;
  end: number;
}

const OPS = new Set(['[', ']', '(', ')', ',', '.', '-', '+']);
const SIMPLE_ESCAPES: Record<string, string> = {
  '\\': '\\', "'": "'", '"': '"', n: '\n', r: '\r', t: '\t', a: '\x07', b: '\b', f: '\f', v: '\v',
};

const isDigit = (c: string): boolean => c >= '0' && c <= '9';
const isNameStart = (c: string): boolean => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_';
const isNameChar = (c: string): boolean => isNameStart(c) || isDigit(c);

function fail(text: string, at: number, reason: string): never {
  throw new ValidationError(`${reason} at position ${at} (near "${text.slice(at, at + 30).replace(/\s+/g, ' ')}")`);
}

function skipBlank(text: string, pos: number): number {
  let i = pos;
  while (i < text.length) {
    const c = text[i];
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f') i++;
    else if (c === '\\' && (text[i + 1] === '\n' || text[i + 1] === '\r')) i += 2;
    else if (c === '#') while (i < text.length && text[i] !== '\n') i++;
    else break;
  }
  return i;
}

/** Reads `count` hex digits at `i` as a code point. */
function hexAt(text: string, i: number, count: number, start: number): number {
  const digits = text.slice(i, i + count);
  if (digits.length !== count || !/^[0-9a-fA-F]+$/.test(digits)) fail(text, start, 'invalid escape in a string');
  const code = parseInt(digits, 16);
  if (code > 0x10ffff) fail(text, start, 'invalid escape in a string');
  return code;
}

function readString(text: string, start: number, quoteAt: number, raw: boolean): PyToken {
  const q = text[quoteAt];
  const triple = text[quoteAt + 1] === q && text[quoteAt + 2] === q;
  let i = quoteAt + (triple ? 3 : 1);
  let out = '';
  for (;;) {
    if (i >= text.length) fail(text, start, 'unterminated string');
    const c = text[i];
    if (c === q && (!triple || (text[i + 1] === q && text[i + 2] === q))) {
      return { kind: 'string', value: out, start, end: i + (triple ? 3 : 1) };
    }
    if ((c === '\n' || c === '\r') && !triple) fail(text, start, 'unterminated string');
    if (c !== '\\') {
      out += c;
      i++;
      continue;
    }
    const e = text[i + 1] ?? '';
    if (raw) {
      out += e === q || e === '\\' ? `\\${e}` : '\\';
      i += e === q || e === '\\' ? 2 : 1;
    } else if (e in SIMPLE_ESCAPES) {
      out += SIMPLE_ESCAPES[e];
      i += 2;
    } else if (e === '\n') {
      i += 2;
    } else if (e === 'x' || e === 'u' || e === 'U') {
      const n = e === 'x' ? 2 : e === 'u' ? 4 : 8;
      out += String.fromCodePoint(hexAt(text, i + 2, n, start));
      i += 2 + n;
    } else if (e >= '0' && e <= '7') {
      let j = i + 1;
      while (j < i + 4 && text[j] >= '0' && text[j] <= '7') j++;
      out += String.fromCharCode(parseInt(text.slice(i + 1, j), 8));
      i = j;
    } else {
      out += '\\'; // Python keeps an unknown escape as written
      i++;
    }
  }
}

function readNumber(text: string, start: number): PyToken {
  let i = start;
  while (isDigit(text[i] ?? '')) i++;
  let isFloat = false;
  if (text[i] === '.' && !isNameStart(text[i + 1] ?? '')) {
    isFloat = true;
    i++;
    while (isDigit(text[i] ?? '')) i++;
  }
  if (text[i] === 'e' || text[i] === 'E') {
    let j = i + 1;
    if (text[j] === '+' || text[j] === '-') j++;
    if (!isDigit(text[j] ?? '')) fail(text, start, 'invalid number');
    while (isDigit(text[j] ?? '')) j++;
    isFloat = true;
    i = j;
  }
  if (text[i] === 'L' || text[i] === 'l') i++; // Python 2 long: 3L
  const body = text.slice(start, i).replace(/[lL]$/, '');
  if (isNameChar(text[i] ?? '')) fail(text, start, 'invalid number');
  if (!isFloat && body.length > 1 && body[0] === '0') fail(text, start, 'numbers with a leading zero are ambiguous');
  const value = Number(body);
  if (!Number.isFinite(value) || (!isFloat && !Number.isSafeInteger(value))) fail(text, start, 'number out of range');
  return { kind: 'number', value, start, end: i };
}

/** The token starting at or after `pos` (blanks and comments skipped). */
export function readPyToken(text: string, pos: number): PyToken {
  const start = skipBlank(text, pos);
  try {
    return readAt(text, start);
  } catch (e) {
    if (!(e instanceof ValidationError)) throw e;
    return { kind: 'bad', value: e.message, start, end: start };
  }
}

function readAt(text: string, start: number): PyToken {
  if (start >= text.length) return { kind: 'end', value: '', start, end: start };
  const c = text[start];
  if (c === '"' || c === "'") return readString(text, start, start, false);
  if (isDigit(c) || (c === '.' && isDigit(text[start + 1] ?? ''))) return readNumber(text, start);
  if (isNameStart(c)) {
    let i = start + 1;
    while (i < text.length && isNameChar(text[i])) i++;
    const name = text.slice(start, i);
    const prefix = name.toLowerCase();
    if ((text[i] === '"' || text[i] === "'") && ['u', 'r', 'ur'].includes(prefix)) {
      return readString(text, start, i, prefix.includes('r'));
    }
    return { kind: 'name', value: name, start, end: i };
  }
  if (OPS.has(c)) return { kind: 'op', value: c, start, end: start + 1 };
  return fail(text, start, `unexpected character "${c}"`);
}
