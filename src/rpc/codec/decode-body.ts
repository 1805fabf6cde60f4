// Turns the raw request bytes into text before XML parsing: UTF-8 by default (strictly
// validated), or the ISO-8859-1 / US-ASCII an XML declaration names. Anything else is refused.
import { isUtf8 } from 'node:buffer';
import { quote, xmlError } from './codec-errors';

export type Charset = 'utf8' | 'latin1' | 'ascii';

// The encodings expat knows natively, under the names clients use for them.
const CHARSETS = new Map<string, Charset>([
  ['utf-8', 'utf8'], ['utf8', 'utf8'],
  ['iso-8859-1', 'latin1'], ['iso8859-1', 'latin1'], ['iso_8859-1', 'latin1'],
  ['latin1', 'latin1'], ['latin-1', 'latin1'],
  ['us-ascii', 'ascii'], ['ascii', 'ascii'],
]);

export function charsetOf(encodingName: string): Charset | undefined {
  return CHARSETS.get(encodingName.toLowerCase());
}

const DECLARED_ENCODING = /^<\?xml[^>]*?\sencoding\s*=\s*(["'])([^"']*)\1/;
// A declaration is short; the parser re-checks the encoding it reports against this guess.
const DECLARATION_SCAN_BYTES = 512;

export interface DecodedBody {
  text: string;
  charset: Charset;
}

export interface CheckedBody {
  /** The document's bytes (without a UTF-8 byte order mark), valid in `charset`. */
  bytes: Buffer;
  charset: Charset;
}

export function decodeBody(body: Buffer): DecodedBody {
  const { bytes, charset } = checkBody(body);
  return { text: textOf(bytes, charset), charset };
}

/** The text of checked bytes (ISO-8859-1 and US-ASCII alike map each byte to one character). */
export function textOf(bytes: Buffer, charset: Charset): string {
  return bytes.toString(charset === 'utf8' ? 'utf8' : 'latin1');
}

/** Checks the encoding of a body without decoding it (the quick reader decodes only what it needs). */
export function checkBody(body: Buffer): CheckedBody {
  if ((body[0] === 0xfe && body[1] === 0xff) || (body[0] === 0xff && body[1] === 0xfe)) {
    throw xmlError('unsupported encoding: UTF-16 (send UTF-8)', 1, 0);
  }
  const hasBom = body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf;
  const declared = declaredEncoding(hasBom ? body.subarray(3) : body);
  let charset: Charset = 'utf8';
  if (declared !== undefined) {
    const known = charsetOf(declared);
    if (known === undefined) throw xmlError(`unknown encoding ${quote(declared)}`, 1, 0);
    if (hasBom && known !== 'utf8') throw xmlError('encoding specified in XML declaration is incorrect', 1, 0);
    charset = known;
  }
  if (charset === 'latin1') return { bytes: body, charset };
  if (charset === 'ascii') {
    const bad = body.findIndex((b) => b > 0x7f);
    if (bad >= 0) throw invalidTokenAt(body, bad);
    return { bytes: body, charset };
  }
  // isUtf8 checks strictly (no overlongs, no surrogates) and far faster than a fatal decoder.
  if (!isUtf8(body)) throw invalidTokenAt(body, firstInvalidUtf8(body));
  return { bytes: hasBom ? body.subarray(3) : body, charset };
}

function declaredEncoding(bytes: Buffer): string | undefined {
  if (bytes[0] !== 0x3c || bytes[1] !== 0x3f) return undefined; // '<?'
  const head = bytes.subarray(0, DECLARATION_SCAN_BYTES).toString('latin1');
  return DECLARED_ENCODING.exec(head)?.[2];
}

/** Expat's wording, with the line and (byte-based) column of the offending byte. */
function invalidTokenAt(body: Buffer, offset: number) {
  let line = 1;
  let lineStart = 0;
  for (let i = body.indexOf(0x0a); i >= 0 && i < offset; i = body.indexOf(0x0a, i + 1)) {
    line += 1;
    lineStart = i + 1;
  }
  return xmlError('not well-formed (invalid token)', line, offset - lineStart);
}

/** Byte offset of the first byte that breaks UTF-8 (only called once decoding has failed). */
function firstInvalidUtf8(b: Buffer): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i];
    let need = 0;
    let min = 0;
    if (c < 0x80) { i += 1; continue; }
    if (c >= 0xc2 && c <= 0xdf) { need = 1; min = 0x80; }
    else if (c >= 0xe0 && c <= 0xef) { need = 2; min = 0x800; }
    else if (c >= 0xf0 && c <= 0xf4) { need = 3; min = 0x10000; }
    else return i;
    if (i + need >= b.length) return i;
    let cp = c & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      if ((b[i + k] & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (b[i + k] & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return b.length;
}
