// The LIKE matcher shared by SQLite and the in-memory evaluation: PostgreSQL's syntax, its case
// folding, and bounded work on hostile patterns.
import { closeLikePattern, likeMatch, unicodeLower } from '../../../src/db/sqlite-functions';
import { mulberry32 } from '../../support/seeded-random';

describe('likeMatch', () => {
  test.each([
    ['école', '%col%', false, true],
    ['ÉCOLE', '%école%', false, false],
    ['ÉCOLE', '%école%', true, true],
    ['abc', 'a_c', false, true],
    ['abc', 'a_', false, false],
    ['a%c', 'a\\%c', false, true],
    ['abc', 'a\\%c', false, false],
    ['a_c', 'a\\_c', false, true],
    ['abc', 'a\\_c', false, false],
    ['a\\c', 'a\\\\c', false, true],
    ['xy', 'x\\y', false, true],
    ['', '%', false, true],
    ['', '_', false, false],
    ['abc', '', false, false],
    ['', '', false, true],
    ['aXbXc', '%b%c', false, true],
    ['mississippi', '%iss%ipp%', false, true],
    ['mississippi', '%iss%ipq%', false, false],
    ['😀x', '_x', false, true],
    ['ΣΊΣΥΦΟΣ', '%ς', true, false],
    ['ΣΊΣΥΦΟΣ', '%σ', true, true],
  ])('%j like %j (ci %s) is %s', (value, pattern, ci, want) => {
    expect(likeMatch(value, pattern, ci)).toBe(want);
  });

  test('a pattern made to backtrack still answers at once', () => {
    const value = 'a'.repeat(5000);
    expect(likeMatch(value, `${'%a'.repeat(200)}b`, false)).toBe(false);
    expect(likeMatch(value, `${'%a'.repeat(200)}%`, false)).toBe(true);
  });
});

describe('unicodeLower', () => {
  test.each([
    ['ÉCOLE', 'école'],
    ['ÀÉÎÕÜ Ç', 'àéîõü ç'],
    ['ΣΟΦΟΣ', 'σοφοσ'],
    ['İ', 'i'],
    ['Straße', 'straße'],
  ])('%s -> %s', (input, want) => {
    expect(unicodeLower(input)).toBe(want);
  });
});

describe('closeLikePattern', () => {
  test.each([
    ['abc', 'abc'],
    ['abc\\', 'abc\\\\'],
    ['abc\\\\', 'abc\\\\'],
    ['%a\\%', '%a\\%'],
  ])('%j -> %j', (input, want) => {
    expect(closeLikePattern(input)).toBe(want);
  });
});

describe('likeMatch against a regular expression built from the pattern', () => {
  /** The reference: `%` any run, `_` one code point, backslash escapes, over lower-cased text. */
  function oracle(value: string, pattern: string, ci: boolean): boolean {
    const cps = Array.from(ci ? unicodeLower(pattern) : pattern);
    let re = '';
    for (let i = 0; i < cps.length; i++) {
      const c = cps[i];
      if (c === '\\' && i + 1 < cps.length) re += cps[++i].replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
      else if (c === '%') re += '[\\s\\S]*';
      else if (c === '_') re += '.';
      else re += c.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
    }
    return new RegExp(`^${re}$`, 'su').test(ci ? unicodeLower(value) : value);
  }

  test('agrees on thousands of random values and patterns, compiled once and reused', () => {
    const r = mulberry32(4242);
    const alphabet = ['a', 'b', 'A', 'é', 'É', 'ß', ' ', '%', '_', '\\', '😀'];
    const text = (n: number) => Array.from({ length: Math.floor(r() * n) }, () => alphabet[Math.floor(r() * alphabet.length)]).join('');
    const bad: unknown[] = [];
    let matched = 0;
    for (let i = 0; i < 4000; i++) {
      const value = text(8);
      const pattern = text(6);
      const ci = r() < 0.5;
      const want = oracle(value, pattern, ci);
      if (want) matched++;
      if (likeMatch(value, pattern, ci) !== want) bad.push({ value, pattern, ci });
    }
    expect(bad.slice(0, 5)).toEqual([]);
    expect(matched).toBeGreaterThan(100);
  });
});
