// Constructors of resolved domain expressions. They fold constants as they build, with rules
// that hold in three-valued logic (FALSE AND x = FALSE, TRUE OR x = TRUE, NOT NOT x = x).
import type { CmpOp, DomainExpr, IdSet, LinkSpec, Scalar } from './types';

export const TRUE: DomainExpr = { kind: 'const', value: true };
export const FALSE: DomainExpr = { kind: 'const', value: false };

export const isTrue = (e: DomainExpr) => e.kind === 'const' && e.value;
export const isFalse = (e: DomainExpr) => e.kind === 'const' && !e.value;

function junction(kind: 'and' | 'or', parts: DomainExpr[]): DomainExpr {
  const absorbing = kind === 'and' ? isFalse : isTrue;
  const neutral = kind === 'and' ? isTrue : isFalse;
  const items: DomainExpr[] = [];
  for (const p of parts) {
    if (absorbing(p)) return p;
    if (neutral(p)) continue;
    if (p.kind === kind) items.push(...p.items);
    else items.push(p);
  }
  if (items.length === 0) return kind === 'and' ? TRUE : FALSE;
  return items.length === 1 ? items[0] : { kind, items };
}

export const and = (...parts: DomainExpr[]) => junction('and', parts);
export const or = (...parts: DomainExpr[]) => junction('or', parts);

export function not(e: DomainExpr): DomainExpr {
  if (e.kind === 'const') return e.value ? FALSE : TRUE;
  if (e.kind === 'not') return e.item;
  return { kind: 'not', item: e };
}

export const isNull = (column: string): DomainExpr => ({ kind: 'null', column });
export const cmp = (column: string, op: CmpOp, value: Scalar): DomainExpr => ({ kind: 'cmp', column, op, value });

export function inList(column: string, values: Scalar[]): DomainExpr {
  return values.length === 0 ? FALSE : { kind: 'in', column, values };
}

/** Whether a set is known to be empty without asking the database. */
export function isEmptySet(s: IdSet): boolean {
  if (s.kind === 'ids') return s.ids.length === 0;
  if (s.kind === 'search') return isFalse(s.where);
  return isFalse(s.seed);
}

export function member(column: string, set: IdSet): DomainExpr {
  if (isEmptySet(set)) return FALSE;
  if (set.kind === 'ids') return inList(column, set.ids);
  return { kind: 'member', column, set };
}

export function link(spec: LinkSpec, set: IdSet | null): DomainExpr {
  if (set && isEmptySet(set)) return FALSE;
  return { kind: 'link', link: spec, set };
}
