// A direct reader for XML-RPC documents in the plain form that clients and servers write:
// no attributes, comments, CDATA or DOCTYPE; text with the five entities and character references.
// It builds values straight from the text; on anything else, or any error, it gives up (null)
// and the strict parser reads the document again, so errors are worded and placed in one place.
// A body is read through its bytes seen one character per byte (markup is ASCII, so offsets are
// byte offsets); only text runs holding other bytes are decoded as UTF-8.
import type { CallError } from '../../errors';
import { newStruct, RpcStruct, RpcValue } from '../../values';
import { limitError } from './codec-errors';
import { charsetOf, type Charset } from './decode-body';
import { FORBIDDEN_MEMBER_NAMES, SCALARS } from './grammar';
import type { CodecLimits } from './limits';
import type { RootTag } from './rpc-builder';
import { trimXmlSpace } from './scalars';

export interface DocumentParts {
  methodName: string | null;
  params: RpcValue[] | null;
  fault: RpcValue | undefined;
}

const DECLARATION =
  /^<\?xml[ \t\r\n]+version[ \t\r\n]*=[ \t\r\n]*(["'])1\.0\1(?:[ \t\r\n]+encoding[ \t\r\n]*=[ \t\r\n]*(["'])([A-Za-z][A-Za-z0-9._-]*)\2)?(?:[ \t\r\n]+standalone[ \t\r\n]*=[ \t\r\n]*(["'])(?:yes|no)\4)?[ \t\r\n]*\?>/;
// In a text that holds characters above 0x7F: U+FFFE, U+FFFF (XML forbids them) and lone
// surrogates. Control characters, CR (which XML would normalise) and "]]>" are found by the scan
// of each text; markup never holds any of them, so the strict parser is left every such case.
const NOT_PLAIN_WIDE = /[\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
interface TypedTag { open: string; close: string; read: ((text: string) => RpcValue) | 'array' | 'struct' | 'nil' }
// The elements a <value> may hold, by the code of the first letter of their name.
const TYPED_TAGS: (TypedTag[] | undefined)[] = [];
function addTyped(name: string, read: TypedTag['read'], open = `<${name}>`): void {
  const tags = TYPED_TAGS[name.charCodeAt(0)] ??= [];
  tags.push({ open, close: `</${name}>`, read });
}
for (const [name, read] of SCALARS) addTyped(name, read);
addTyped('array', 'array');
addTyped('struct', 'struct');
addTyped('nil', 'nil', '<nil/>');
addTyped('ex:nil', 'nil', '<ex:nil/>');

class GiveUp extends Error {}
const GIVE_UP = new GiveUp();

/**
 * A limit reached on a prefix read so far: the strict parser would stop at the same element with
 * the same words (limit errors carry no position), so it is reported at once instead of reading
 * a huge hostile body twice.
 */
class LimitReached {
  constructor(readonly error: CallError) {}
}

function isXmlChar(cp: number): boolean {
  return cp === 0x09 || cp === 0x0a || cp === 0x0d || (cp >= 0x20 && cp <= 0xd7ff)
    || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff);
}

function isSpaceOnly(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0x0a && c !== 0x09) return false;
  }
  return true;
}

/** Text with its references replaced (the caller saw an '&' in it); gives up on a bad one. */
function decodeReferences(raw: string): string {
  let out = '';
  let from = 0;
  for (let at = raw.indexOf('&'); at >= 0; at = raw.indexOf('&', from)) {
    out += raw.slice(from, at);
    from = referenceEnd(raw, at + 1);
    out += referenceText(raw, at + 1, from - 1);
  }
  return out + raw.slice(from);
}

const NAMED_REFERENCES: [string, string][] = [['amp;', '&'], ['lt;', '<'], ['gt;', '>'], ['quot;', '"'], ['apos;', "'"]];

/** The offset just past the ';' of the reference whose name starts at `at`. */
function referenceEnd(raw: string, at: number): number {
  if (raw.charCodeAt(at) !== 0x23) { // not '#': one of the five names
    for (const [name] of NAMED_REFERENCES) if (raw.startsWith(name, at)) return at + name.length;
    throw GIVE_UP;
  }
  const hex = raw.charCodeAt(at + 1) === 0x78; // 'x'
  const first = hex ? at + 2 : at + 1;
  let i = first;
  while (i < raw.length && (hex ? isHexDigit(raw.charCodeAt(i)) : isDigit(raw.charCodeAt(i)))) i++;
  if (i === first || i - first > (hex ? 6 : 7) || raw.charCodeAt(i) !== 0x3b) throw GIVE_UP;
  return i + 1;
}

/** The character of the reference raw[at, semi) (without '&' and ';'). */
function referenceText(raw: string, at: number, semi: number): string {
  if (raw.charCodeAt(at) !== 0x23) {
    for (const [name, text] of NAMED_REFERENCES) if (name.length === semi - at + 1 && raw.startsWith(name, at)) return text;
    throw GIVE_UP;
  }
  const hex = raw.charCodeAt(at + 1) === 0x78;
  const cp = hex ? parseInt(raw.slice(at + 2, semi), 16) : Number(raw.slice(at + 1, semi));
  if (!isXmlChar(cp)) throw GIVE_UP;
  return String.fromCodePoint(cp);
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function isHexDigit(c: number): boolean {
  return isDigit(c) || (c >= 0x61 && c <= 0x66) || (c >= 0x41 && c <= 0x46);
}

class Reader {
  pos = 0;
  private elements = 0;
  /**
   * `utf8` is given when `text` shows the bytes of a UTF-8 body one per character: text runs
   * with bytes above 0x7F are then decoded from it. `checkWide` says whether such texts may hold
   * characters XML forbids (not so when each byte is an ISO-8859-1 character).
   */
  constructor(
    private readonly text: string, private readonly limits: CodecLimits,
    private readonly utf8: Buffer | null, private readonly checkWide: boolean,
  ) {}

  skipSpace(): void {
    const t = this.text;
    let p = this.pos;
    for (;;) {
      const c = t.charCodeAt(p);
      if (c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d) p++;
      else break;
    }
    this.pos = p;
  }

  /** Whether `tag` comes next (compared by hand: cheaper than startsWith for a few characters). */
  private at(tag: string): boolean {
    const t = this.text;
    const p = this.pos;
    for (let k = 0; k < tag.length; k++) if (t.charCodeAt(p + k) !== tag.charCodeAt(k)) return false;
    return true;
  }

  /** Consumes `tag` (an opening or closing tag written out in full) or gives up. */
  expect(tag: string): void {
    if (!this.at(tag)) throw GIVE_UP;
    this.pos += tag.length;
    if (tag.charCodeAt(1) !== 0x2f) this.counted();
  }

  /** Consumes `tag` when it comes next. */
  take(tag: string): boolean {
    if (!this.at(tag)) return false;
    this.pos += tag.length;
    if (tag.charCodeAt(1) !== 0x2f) this.counted();
    return true;
  }

  private counted(): void {
    if (++this.elements > this.limits.maxElements) {
      throw new LimitReached(limitError(`too many XML elements (limit ${this.limits.maxElements})`));
    }
  }

  private nested(nesting: number): void {
    if (nesting > this.limits.maxDepth) {
      throw new LimitReached(limitError(`arrays and structs nested too deeply (limit ${this.limits.maxDepth})`));
    }
  }

  /** The decoded text up to the next '<'. */
  textUntilTag(): string {
    const t = this.text;
    const start = this.pos;
    // One pass finds the end and what the text holds: references, "]" and wide characters.
    let amp = false;
    let bracket = false;
    let wide = false;
    let i = start;
    for (;; i++) {
      const c = t.charCodeAt(i);
      if (c === 0x3c) break;
      if (c < 0x20) {
        // Tab and LF only: other controls are forbidden, and CR would be normalised.
        if (c !== 0x0a && c !== 0x09) throw GIVE_UP;
      } else if (c === 0x26) amp = true;
      else if (c === 0x5d) bracket = true;
      else if (c > 0x7f) wide = true;
      else if (c !== c) throw GIVE_UP; // NaN: the document ended inside a text
    }
    this.pos = i;
    if (i === start) return '';
    let raw = wide && this.utf8 !== null ? this.utf8.toString('utf8', start, i) : t.slice(start, i);
    if (wide && this.checkWide && NOT_PLAIN_WIDE.test(raw)) throw GIVE_UP;
    if (bracket && raw.includes(']]>')) throw GIVE_UP;
    if (amp) raw = decodeReferences(raw);
    if (raw.length > this.limits.maxStringLength) {
      throw new LimitReached(limitError(`string too long (limit ${this.limits.maxStringLength} characters)`));
    }
    return raw;
  }

  atEnd(): boolean {
    return this.pos === this.text.length;
  }

  /** A whole `<value>` element; `<value/>` is the empty string. */
  valueElement(nesting: number): RpcValue {
    if (!this.at('<value')) throw GIVE_UP;
    const c = this.text.charCodeAt(this.pos + 6);
    if (c === 0x3e) { // '>'
      this.pos += 7;
      this.counted();
      return this.value(nesting);
    }
    this.expect('<value/>');
    return '';
  }

  /** A `<value>`'s content and its closing tag (the opening tag is already read). */
  value(nesting: number): RpcValue {
    const text = this.textUntilTag();
    if (this.take('</value>')) return text;
    if (!isSpaceOnly(text)) throw GIVE_UP;
    const value = this.typed(nesting);
    this.skipSpace();
    this.expect('</value>');
    return value;
  }

  private typed(nesting: number): RpcValue {
    const candidates = TYPED_TAGS[this.text.charCodeAt(this.pos + 1)];
    let tag: TypedTag | undefined;
    if (candidates !== undefined) {
      for (const t of candidates) {
        if (this.at(t.open)) {
          tag = t;
          break;
        }
      }
    }
    if (tag === undefined) throw GIVE_UP;
    this.pos += tag.open.length;
    this.counted();
    if (tag.read === 'nil') return null;
    if (tag.read === 'array') return this.array(nesting + 1);
    if (tag.read === 'struct') return this.struct(nesting + 1);
    const value = tag.read(this.textUntilTag());
    this.expect(tag.close);
    return value;
  }

  private array(nesting: number): RpcValue[] {
    this.nested(nesting);
    this.skipSpace();
    this.expect('<data>');
    const items: RpcValue[] = [];
    for (;;) {
      this.skipSpace();
      if (this.take('</data>')) break;
      items.push(this.valueElement(nesting));
    }
    this.skipSpace();
    this.expect('</array>');
    return items;
  }

  private struct(nesting: number): RpcStruct {
    this.nested(nesting);
    const struct = newStruct();
    for (;;) {
      this.skipSpace();
      if (this.take('</struct>')) return struct;
      this.expect('<member>');
      this.skipSpace();
      this.expect('<name>');
      const name = this.textUntilTag();
      if (FORBIDDEN_MEMBER_NAMES.has(name)) throw GIVE_UP;
      this.expect('</name>');
      this.skipSpace();
      struct[name] = this.valueElement(nesting);
      this.skipSpace();
      this.expect('</member>');
    }
  }
}

/**
 * The document's parts, or null when it is not in the plain form or not valid. Throws the
 * CallError of a limit reached (see LimitReached).
 */
export function readPlainDocument(text: string, charset: Charset, root: RootTag, limits: CodecLimits): DocumentParts | null {
  return attempt(() => read(new Reader(text, limits, null, true), text, charset, root));
}

/** As readPlainDocument, from a body's checked bytes (see decode-body.ts checkBody). */
export function readPlainBody(bytes: Buffer, charset: Charset, root: RootTag, limits: CodecLimits): DocumentParts | null {
  return attempt(() => {
    // One character per byte: a cheap copy, and a one-byte string that scans fast.
    const view = bytes.toString('latin1');
    const utf8 = charset === 'utf8' ? bytes : null;
    return read(new Reader(view, limits, utf8, utf8 !== null), view, charset, root);
  });
}

function attempt(fn: () => DocumentParts): DocumentParts | null {
  try {
    return fn();
  } catch (err) {
    if (err instanceof LimitReached) throw err.error;
    return null;
  }
}

function read(r: Reader, text: string, charset: Charset, root: RootTag): DocumentParts {
  if (text.startsWith('<?')) {
    const decl = DECLARATION.exec(text);
    if (decl === null) throw GIVE_UP;
    const declared = decl[3] === undefined ? 'utf8' : charsetOf(decl[3]);
    if (declared !== charset) throw GIVE_UP;
    r.pos = decl[0].length;
  }
  r.skipSpace();
  const parts: DocumentParts = { methodName: null, params: null, fault: undefined };
  if (root === 'methodResponse') readResponse(r, parts);
  else readCall(r, parts);
  r.skipSpace();
  if (!r.atEnd()) throw GIVE_UP;
  return parts;
}

function readResponse(r: Reader, parts: DocumentParts): void {
  r.expect('<methodResponse>');
  r.skipSpace();
  if (r.take('<params>')) {
    r.skipSpace();
    r.expect('<param>');
    r.skipSpace();
    parts.params = [r.valueElement(0)];
    r.skipSpace();
    r.expect('</param>');
    r.skipSpace();
    r.expect('</params>');
  } else {
    r.expect('<fault>');
    r.skipSpace();
    parts.fault = r.valueElement(0);
    r.skipSpace();
    r.expect('</fault>');
  }
  r.skipSpace();
  r.expect('</methodResponse>');
}

function readCall(r: Reader, parts: DocumentParts): void {
  r.expect('<methodCall>');
  r.skipSpace();
  r.expect('<methodName>');
  const name = trimXmlSpace(r.textUntilTag());
  if (name === '' || /[\s\x00-\x1f]/.test(name)) throw GIVE_UP;
  parts.methodName = name;
  r.expect('</methodName>');
  r.skipSpace();
  if (r.take('<params>')) {
    const params: RpcValue[] = [];
    for (;;) {
      r.skipSpace();
      if (r.take('</params>')) break;
      r.expect('<param>');
      r.skipSpace();
      params.push(r.valueElement(0));
      r.skipSpace();
      r.expect('</param>');
    }
    parts.params = params;
    r.skipSpace();
  }
  r.expect('</methodCall>');
}
