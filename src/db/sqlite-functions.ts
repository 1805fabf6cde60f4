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

type Token = { kind: 'lit'; cp: number } | { kind: 'one' } | { kind: 'many' };

/** PostgreSQL LIKE syntax: `%` any run, `_` one character, backslash escapes the next one. */
function tokenize(pattern: string): Token[] {
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

/**
 * Matches `value` against a LIKE pattern. Greedy with a single backtrack point (the last `%`),
 * so the work is bounded by value length times pattern length whatever the input.
 */
export function likeMatch(value: string, pattern: string, caseInsensitive: boolean): boolean {
  const v = caseInsensitive ? unicodeLower(value) : value;
  const p = caseInsensitive ? unicodeLower(pattern) : pattern;
  const s = Array.from(v, (c) => c.codePointAt(0) ?? 0);
  const t = tokenize(p);
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
