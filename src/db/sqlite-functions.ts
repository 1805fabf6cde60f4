// SQL functions SQLite lacks, so that case-insensitive matching answers as PostgreSQL does
// (ILIKE with a UTF-8 ctype). The same matcher serves the in-memory domain evaluation.
import type { Database } from 'better-sqlite3';

/**
 * Lower-cases one code point at a time, as PostgreSQL's lower() does with a libc UTF-8 ctype:
 * no context rules (Greek final sigma), and a mapping that would give several code points
 * (only U+0130 'İ') keeps its first one, which is what towlower() returns.
 */
export function unicodeLower(text: string): string {
  let out = '';
  for (const ch of text) {
    const lower = ch.toLowerCase();
    out += lower.length === ch.length ? lower : String.fromCodePoint(lower.codePointAt(0) ?? 0);
  }
  return out;
}

export type Token = { kind: 'lit'; cp: number } | { kind: 'one' } | { kind: 'many' };

/** PostgreSQL LIKE syntax: `%` any run, `_` one character, backslash escapes the next one. */
export function tokenize(pattern: string): Token[] {
  const cps = Array.from(pattern, (c) => c.codePointAt(0) ?? 0);
  const out: Token[] = [];
  for (let i = 0; i < cps.length; i++) {
    const cp = cps[i];
    if (cp === 0x5c && i + 1 < cps.length) out.push({ kind: 'lit', cp: cps[++i] });
    else if (cp === 0x25) {
      if (out.length === 0 || out[out.length - 1].kind !== 'many') out.push({ kind: 'many' });
    } else if (cp === 0x5f) out.push({ kind: 'one' });
    else out.push({ kind: 'lit', cp });
  }
  return out;
}

/** Lower-cases as unicodeLower does; ASCII text (most of it) takes the engine's own, faster path. */
function lowerFast(text: string): string {
  return /^[\x00-\x7f]*$/.test(text) ? text.toLowerCase() : unicodeLower(text);
}

/**
 * A pattern ready to match: without `_`, the literal runs between its `%` (`segments`, the first
 * anchored at the start and the last at the end) are found with indexOf, leftmost first, which
 * is exact for such patterns; with `_`, the tokens go to the general matcher.
 */
type Compiled = { segments: string[]; tokens: null } | { segments: null; tokens: Token[] };

const compiled = new Map<string, Compiled>();
const COMPILED_MAX = 256;

function compile(pattern: string, caseInsensitive: boolean): Compiled {
  const key = `${caseInsensitive ? 'i' : 's'}${pattern}`;
  const known = compiled.get(key);
  if (known) return known;
  const tokens = tokenize(caseInsensitive ? unicodeLower(pattern) : pattern);
  let out: Compiled;
  if (tokens.some((t) => t.kind === 'one')) out = { segments: null, tokens };
  else {
    const segments = [''];
    for (const t of tokens) {
      if (t.kind === 'many') segments.push('');
      else if (t.kind === 'lit') segments[segments.length - 1] += String.fromCodePoint(t.cp);
    }
    out = { segments, tokens: null };
  }
  if (compiled.size >= COMPILED_MAX) compiled.clear();
  compiled.set(key, out);
  return out;
}

function matchSegments(v: string, segs: string[]): boolean {
  if (segs.length === 1) return v === segs[0];
  if (!v.startsWith(segs[0])) return false;
  let pos = segs[0].length;
  for (let i = 1; i < segs.length - 1; i++) {
    const at = v.indexOf(segs[i], pos);
    if (at < 0) return false;
    pos = at + segs[i].length;
  }
  const tail = segs[segs.length - 1];
  return v.length - tail.length >= pos && v.endsWith(tail);
}

/**
 * Matches a value against LIKE tokens. Greedy with a single backtrack point (the last `%`),
 * so the work is bounded by value length times pattern length whatever the input.
 */
function matchTokens(v: string, t: Token[]): boolean {
  const s = Array.from(v, (c) => c.codePointAt(0) ?? 0);
  let si = 0;
  let ti = 0;
  let starTi = -1;
  let starSi = 0;
  while (si < s.length) {
    const tok = t[ti];
    if (tok && (tok.kind === 'one' || (tok.kind === 'lit' && tok.cp === s[si]))) {
      si++;
      ti++;
    } else if (tok && tok.kind === 'many') {
      starTi = ti++;
      starSi = si;
    } else if (starTi >= 0) {
      ti = starTi + 1;
      si = ++starSi;
    } else {
      return false;
    }
  }
  while (ti < t.length && t[ti].kind === 'many') ti++;
  return ti === t.length;
}

/** Matches `value` against a LIKE pattern (compiled patterns are kept for the next rows). */
export function likeMatch(value: string, pattern: string, caseInsensitive: boolean): boolean {
  const c = compile(pattern, caseInsensitive);
  const v = caseInsensitive ? lowerFast(value) : value;
  return c.segments ? matchSegments(v, c.segments) : matchTokens(v, c.tokens);
}

/**
 * PostgreSQL refuses a pattern that ends with a lone escape character; we make that final
 * backslash literal instead, on every backend, so both answer the same.
 */
export function closeLikePattern(pattern: string): string {
  let n = 0;
  for (let i = pattern.length - 1; i >= 0 && pattern[i] === '\\'; i--) n++;
  return n % 2 === 1 ? `${pattern}\\` : pattern;
}

function asText(v: unknown): string {
  return typeof v === 'string' ? v : String(v);
}

/**
 * Registers `unicode_lower(text)` and `unicode_like(value, pattern, case_insensitive)` on a
 * connection. Both return NULL when an argument is NULL, like the SQL operators they replace.
 * Must run on every new connection (knex pool `afterCreate`).
 */
export function installSqliteFunctions(db: Database): void {
  db.function('unicode_lower', { deterministic: true }, (v: unknown) =>
    v === null || v === undefined ? null : unicodeLower(asText(v)),
  );
  db.function('unicode_like', { deterministic: true }, (v: unknown, pattern: unknown, ci: unknown) => {
    if (v === null || v === undefined || pattern === null || pattern === undefined) return null;
    return likeMatch(asText(v), asText(pattern), Boolean(ci)) ? 1 : 0;
  });
}

/** A knex pool `afterCreate` hook that installs the functions. */
export function sqliteAfterCreate(conn: Database, done: (err: Error | null, conn: Database) => void): void {
  installSqliteFunctions(conn);
  done(null, conn);
}
