// First stage of the domain compiler: the raw list in Polish notation becomes a tree of
// validated leaves, with the implicit '&' added and every '!' pushed down to the leaves
// (OpenERP's normalize_domain, normalize_leaf and distribute_not).
import { CallError } from '../../errors';
import { Double } from '../../values';
import { leafRepr, pyRepr } from '../py-repr';

export const TERM_OPERATORS = new Set([
  '=', '!=', '<=', '<', '>', '>=', '=?', '=like', '=ilike', 'like', 'not like', 'ilike',
  'not ilike', 'in', 'not in', 'child_of', 'parent_of',
]);

export interface Leaf {
  path: string;
  op: string;
  value: unknown;
  /** The leaf as the client wrote it, for messages. */
  raw: unknown[];
}

export type Node =
  | { kind: 'const'; value: boolean }
  | { kind: 'and' | 'or'; items: Node[] }
  | { kind: 'not'; item: Node }
  | { kind: 'leaf'; leaf: Leaf };

const NEGATION: Record<string, string> = {
  '<': '>=', '>': '<=', '<=': '>', '>=': '<', '=': '!=', '!=': '=',
  in: 'not in', 'not in': 'in', like: 'not like', 'not like': 'like', ilike: 'not ilike', 'not ilike': 'ilike',
};

/** Operators whose leaf also matches rows where the field is empty only if the compat flag says so. */
export const NEGATIVE_OPERATORS = new Set(['!=', 'not like', 'not ilike', 'not in']);

function unwrap(v: unknown): unknown {
  if (v instanceof Double) return v.value;
  if (Array.isArray(v)) return v.map(unwrap);
  return v;
}

function isConstLeaf(t: unknown[], left: number): boolean {
  const l = t[0] === true ? 1 : t[0] === false ? 0 : t[0];
  const r = t[2] === true ? 1 : t[2];
  return t[1] === '=' && l === left && r === 1;
}

/** OpenERP's is_leaf + normalize_leaf: validates the shape and canonicalises the operator. */
function toLeaf(t: unknown): Node {
  const bad = () => new CallError(`Invalid leaf ${leafRepr(t)}`);
  if (!Array.isArray(t) || t.length !== 3 || typeof t[1] !== 'string') throw bad();
  if (isConstLeaf(t, 1)) return { kind: 'const', value: true };
  if (isConstLeaf(t, 0)) return { kind: 'const', value: false };
  const op0 = t[1] === '<>' ? '!=' : t[1];
  if (!TERM_OPERATORS.has(op0) || typeof t[0] !== 'string' || t[0] === '') throw bad();
  let op = op0;
  const value = unwrap(t[2]);
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) throw bad();
  if ((op === 'in' || op === 'not in') && (value === null || typeof value === 'boolean')) {
    op = op === 'in' ? '=' : '!=';
  } else if (Array.isArray(value) && (op === '=' || op === '!=')) {
    op = op === '=' ? 'in' : 'not in';
  }
  const normValue = (op === 'in' || op === 'not in') && !Array.isArray(value) ? [value] : value;
  return { kind: 'leaf', leaf: { path: t[0], op, value: normValue, raw: t } };
}

/** Pushes a negation down to the leaves (De Morgan), as OpenERP's distribute_not. */
export function negate(n: Node): Node {
  switch (n.kind) {
    case 'const':
      return { kind: 'const', value: !n.value };
    case 'not':
      return n.item;
    case 'and':
      return { kind: 'or', items: n.items.map(negate) };
    case 'or':
      return { kind: 'and', items: n.items.map(negate) };
    case 'leaf': {
      const op = NEGATION[n.leaf.op];
      return op ? { kind: 'leaf', leaf: { ...n.leaf, op } } : { kind: 'not', item: n };
    }
  }
}

function combine(kind: 'and' | 'or', a: Node, b: Node): Node {
  const items: Node[] = [];
  for (const x of [a, b]) {
    if (x.kind === kind) items.push(...x.items);
    else items.push(x);
  }
  return { kind, items };
}

const arity = (tok: unknown): number => (tok === '!' ? 1 : tok === '&' || tok === '|' ? 2 : 0);

/**
 * OpenERP's normalize_domain on the raw list: every implicit '&' written out in front, so the
 * domain is one prefix expression. `balanced` is false when operators and leaves do not add up.
 */
export function explicitAnds(raw: readonly unknown[]): { tokens: unknown[]; balanced: boolean } {
  const ands: unknown[] = [];
  const tokens: unknown[] = [];
  let expected = 1;
  for (const tok of raw) {
    if (expected === 0) {
      ands.push('&');
      expected = 1;
    }
    tokens.push(tok);
    expected += arity(tok) - 1;
  }
  return { tokens: [...ands, ...tokens], balanced: expected === 0 };
}

/**
 * Parses a raw domain. Falsy means "everything" (clients send False for no domain). The tree is
 * built from the right with a stack, so long chains of '|' cost no recursion.
 */
export function normalizeDomain(raw: unknown): Node {
  if (raw === null || raw === undefined || raw === false) return { kind: 'const', value: true };
  if (!Array.isArray(raw)) throw new CallError(`Invalid domain ${pyRepr(raw)}`);
  if (raw.length === 0) return { kind: 'const', value: true };
  const { tokens, balanced } = explicitAnds(raw);
  if (!balanced) throw new CallError(`This domain is syntactically not correct: ${pyRepr(raw)}`, 'AssertionError');
  const stack: Node[] = [];
  for (let i = tokens.length - 1; i >= 0; i--) {
    const tok = tokens[i];
    const n = arity(tok);
    if (n === 0) stack.push(toLeaf(tok));
    else if (n === 1) stack.push(negate(stack.pop() as Node));
    else {
      const a = stack.pop() as Node;
      const b = stack.pop() as Node;
      stack.push(combine(tok === '&' ? 'and' : 'or', a, b));
    }
  }
  return stack.pop() as Node;
}

/** Whether some leaf of the domain names `field` exactly (OpenERP's test for `active`). */
export function domainNames(raw: unknown, field: string): boolean {
  return Array.isArray(raw) && raw.some((t) => Array.isArray(t) && t[0] === field);
}
