// Outgoing text: characters XML 1.0 cannot carry are dropped (so every client can parse the
// answer, as Odoo does), and the rest is escaped. Plain text takes a single regex test.

// Anything that needs work: C0 controls, markup characters, CR, any surrogate, U+FFFE/U+FFFF.
const NEEDS_WORK = /[\x00-\x08\x0B\x0C\x0E-\x1F&<>\r\uD800-\uDFFF\uFFFE\uFFFF]/;
// With the `u` flag a well-formed surrogate pair is one code point, so only lone halves match.
const NOT_XML_CHAR = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF\uD800-\uDFFF]/gu;
const MARKUP = /[&<>\r]/g;
// CR as a character reference: a literal CR would be read back as LF.
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '\r': '&#13;' };
const escapeOne = (ch: string) => ESCAPES[ch];

/** XML character data for `text`, with characters XML cannot carry removed. */
export function xmlText(text: string): string {
  if (!NEEDS_WORK.test(text)) return text;
  return text.replace(NOT_XML_CHAR, '').replace(MARKUP, escapeOne);
}

/** The text a client reads back after `xmlText` (for callers that need to predict it). */
export function cleanText(text: string): string {
  return text.replace(NOT_XML_CHAR, '');
}

/**
 * A double as text Python's float() reads back to the same value: shortest round-trip digits,
 * whole numbers with `.0`, and Python's own `nan`, `inf`, `-inf` for non-finite values.
 */
export function formatDouble(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (x === Infinity) return 'inf';
  if (x === -Infinity) return '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const s = String(x);
  return s.includes('.') || s.includes('e') ? s : `${s}.0`;
}
