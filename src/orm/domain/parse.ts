// Second stage of the domain compiler: the normalised tree is resolved against the models
// into one expression (DomainExpr) that both the SQL compiler and the evaluator consume.
import { CallError } from '../../errors';
import { and, cmp, link, member, not, or, TRUE } from './expr';
import { comodelOf, findField, isRelational, isStored, isX2many } from './fields';
import { fieldType } from '../fields';
import { lowerHierarchy, lowerMany2one, lowerX2many, linkSpec, type RelLeaf, type SubSearcher } from './lower-relational';
import { lowerScalar } from './lower-scalar';
import { trigramTable } from '../../db/sqlite-trigrams';
import { domainNames, normalizeDomain, type Leaf, type Node } from './normalize';
import { leafRepr, pyRepr } from '../py-repr';
import type { DomainExpr, DomainModel, DomainParseContext, IdSet } from './types';

/** Sub-searches nest this deep at most (dotted paths, record rules that search, related fields). */
const MAX_DEPTH = 24;
const MAX_RELATED_HOPS = 8;

function withoutRules(ctx: DomainParseContext): DomainParseContext {
  const rest = { ...ctx };
  delete rest.ruleDomain;
  return rest;
}

class Parser implements SubSearcher {
  private depth = 0;

  parse(raw: unknown, model: DomainModel, ctx: DomainParseContext, implicitActive: boolean): DomainExpr {
    if (++this.depth > MAX_DEPTH) {
      this.depth = 0;
      throw new CallError(`Domain on model '${model.name}' nests sub-searches too deeply`);
    }
    try {
      const expr = this.lower(normalizeDomain(raw), model, ctx);
      const active = findField(model, 'active');
      // 7.0: added unless some leaf of the domain itself names `active`
      if (implicitActive && ctx.activeTest && active && isStored(active) && !domainNames(raw, 'active')) {
        return and(expr, cmp('active', '=', true));
      }
      return expr;
    } finally {
      this.depth = Math.max(0, this.depth - 1);
    }
  }

  search(model: DomainModel, raw: unknown[], ctx: DomainParseContext): IdSet {
    return { kind: 'search', model, where: and(this.parse(raw, model, ctx, true), this.rules(model, ctx)) };
  }

  baseFilter(model: DomainModel, ctx: DomainParseContext): DomainExpr {
    return and(this.parse([], model, ctx, true), this.rules(model, ctx));
  }

  /** Record rules are evaluated as the superuser would: no rules inside them, no implicit active. */
  rules(model: DomainModel, ctx: DomainParseContext): DomainExpr {
    const rules = ctx.ruleDomain?.(model.name);
    if (!rules || rules.length === 0) return TRUE;
    return this.parse(rules, model, withoutRules(ctx), false);
  }

  private lower(node: Node, model: DomainModel, ctx: DomainParseContext): DomainExpr {
    switch (node.kind) {
      case 'const':
        return node;
      case 'and':
      case 'or': {
        const items = node.items.map((n) => this.lower(n, model, ctx));
        return node.kind === 'and' ? and(...items) : or(...items);
      }
      case 'not':
        return not(this.lower(node.item, model, ctx));
      case 'leaf':
        return this.leaf(node.leaf, model, ctx, 0);
    }
  }

  private leaf(leaf: Leaf, model: DomainModel, ctx: DomainParseContext, hops: number): DomainExpr {
    const dot = leaf.path.indexOf('.');
    const head = dot < 0 ? leaf.path : leaf.path.slice(0, dot);
    const rest = dot < 0 ? '' : leaf.path.slice(dot + 1);
    const invalidField = () => new CallError(`Invalid field ${pyRepr(leaf.path)} in leaf ${leafRepr(leaf.raw)}`);
    const field = findField(model, head);
    if (!field) throw invalidField();
    ctx.checkField?.(model.name, head);
    if (!isStored(field)) {
      // a related field searches through its path (7.0 fields.related has a fnct_search)
      if (field.related && !fieldType(field).writeOnly) {
        if (hops >= MAX_RELATED_HOPS) throw new CallError(`Related field '${head}' on model '${model.name}' loops`);
        return this.leaf({ ...leaf, path: rest ? `${field.related}.${rest}` : field.related }, model, ctx, hops + 1);
      }
      return TRUE; // 7.0 ignores non-searchable computed fields (and logs an error)
    }
    if (rest) {
      if (!isRelational(field)) throw invalidField();
      const comodel = comodelOf(field, ctx.getModel);
      const found = this.search(comodel, [[rest, leaf.op, leaf.value]], ctx);
      return fieldType(field).holdsId ? member(head, found) : link(linkSpec(model, field, comodel), found);
    }
    let { op, value } = leaf;
    if (op === '=?') {
      if (value === null || value === undefined || value === false) return TRUE;
      op = Array.isArray(value) ? 'in' : '=';
    }
    const l: RelLeaf = { column: head, field, op, value, model, ctx, bad: () => new CallError(`Invalid leaf ${leafRepr(leaf.raw)}`) };
    if (op === 'child_of' || op === 'parent_of') return lowerHierarchy(l, this);
    if (fieldType(field).holdsId) return lowerMany2one(l, this);
    if (isX2many(field)) return lowerX2many(l, this);
    const trigrams = field.trigramIndex ? trigramTable(model.table, head) : undefined;
    return lowerScalar(head, field, op, value, ctx.negativeOpsIncludeNull, l.bad, trigrams);
  }
}

/** Validates, normalises and resolves a domain, adding the implicit `active` filter. */
export function parseDomain(raw: unknown, model: DomainModel, ctx: DomainParseContext): DomainExpr {
  return new Parser().parse(raw, model, ctx, true);
}

/** A record-rule domain: no implicit `active` filter, and no rules inside its own sub-searches. */
export function parseRuleDomain(raw: unknown, model: DomainModel, ctx: DomainParseContext): DomainExpr {
  return new Parser().parse(raw, model, withoutRules(ctx), false);
}

/**
 * The models whose record rules compiling this domain will ask `ctx.ruleDomain` for (the targets
 * of its sub-searches), so that a caller can fetch them before compiling.
 */
export function modelsSearched(raw: unknown, model: DomainModel, ctx: DomainParseContext): string[] {
  const seen = new Set<string>();
  const probe: DomainParseContext = { ...ctx, ruleDomain: (name) => (seen.add(name), null) };
  new Parser().parse(raw, model, probe, true);
  return [...seen];
}
