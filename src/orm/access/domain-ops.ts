// Combining domains the way OpenERP does (expression.AND / OR / normalize_domain), used to merge
// record rules. Works on raw prefix-notation domains; parsing and compiling live in ../domain.
import { explicitAnds } from '../domain/normalize';

export const TRUE_LEAF: unknown[] = [1, '=', 1];
export const FALSE_LEAF: unknown[] = [0, '=', 1];

function sameLeaf(token: unknown, leaf: unknown[]): boolean {
  return Array.isArray(token) && token.length === 3 && token.every((v, i) => v === leaf[i]);
}

/** The implicit '&' operators written out (the domain compiler's normaliser); [] becomes TRUE. */
export function normalizeDomain(domain: unknown[]): unknown[] {
  return domain.length ? explicitAnds(domain).tokens : [TRUE_LEAF];
}

function isTrue(domain: unknown[]): boolean {
  return domain.length === 1 && sameLeaf(domain[0], TRUE_LEAF);
}

function isFalse(domain: unknown[]): boolean {
  return domain.length === 1 && sameLeaf(domain[0], FALSE_LEAF);
}

function combine(op: '&' | '|', unit: unknown[], zero: unknown[], domains: unknown[][]): unknown[] {
  const parts: unknown[][] = [];
  for (const d of domains) {
    const n = normalizeDomain(d);
    const nIsUnit = op === '&' ? isTrue(n) : isFalse(n);
    const nIsZero = op === '&' ? isFalse(n) : isTrue(n);
    if (nIsUnit) continue;
    if (nIsZero) return [zero];
    parts.push(n);
  }
  if (parts.length === 0) return [unit];
  const ops: unknown[] = Array.from({ length: parts.length - 1 }, () => op);
  return [...ops, ...parts.flat(1)];
}

/** All of the domains (TRUE when none). */
export function andDomains(domains: unknown[][]): unknown[] {
  return combine('&', TRUE_LEAF, FALSE_LEAF, domains);
}

/** Any of the domains (FALSE when none). */
export function orDomains(domains: unknown[][]): unknown[] {
  return combine('|', FALSE_LEAF, TRUE_LEAF, domains);
}
