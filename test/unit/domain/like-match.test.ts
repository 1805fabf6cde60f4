// The LIKE matcher shared by SQLite and the in-memory evaluation: PostgreSQL's syntax, its case
// folding, and bounded work on hostile patterns.
import { closeLikePattern, likeMatch, unicodeLower } from '../../../src/db/sqlite-functions';

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
