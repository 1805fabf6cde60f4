// A seeded generator of test data and of domains over it: every operator, nested & | !, dotted
// paths, names, hierarchies, NULLs and False. Values are well typed for each column, so both
// databases accept every query.
import type { InMemoryData } from '../../../src/orm/domain';
import { mulberry32 } from '../../support/seeded-random';

export type Rng = () => number;

export const rng: (seed: number) => Rng = mulberry32;

const pick = <T>(r: Rng, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
const maybe = <T>(r: Rng, p: number, v: () => T): T | null => (r() < p ? v() : null);
const int = (r: Rng, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));

const WORDS = [
  'École', 'ÉCOLE primaire', 'école', 'Ärzte', 'ärzte', 'Zoë', 'ZOË', 'café', 'CAFÉ', 'Niño', 'niño',
  'a%b', 'a_b', 'x\\y', 'Alpha', 'alpha', 'beta', 'Beta Gamma', '', 'Ωmega', 'Straße',
];
const DATES = ['2023-12-31', '2024-01-01', '2024-01-02', '2024-02-29', '2024-03-15'];
const TIMES = ['00:00:00', '08:30:00', '12:00:00', '23:59:59'];
const datetime = (r: Rng) => `${pick(r, DATES)} ${pick(r, TIMES)}`;
const tri = (r: Rng) => pick(r, [true, true, false, false, null]);

export interface Sizes { categories: number; tags: number; partners: number }

export function makeData(r: Rng, size: Sizes = { categories: 12, tags: 8, partners: 40 }): InMemoryData {
  const category = [];
  for (let id = 1; id <= size.categories; id++) {
    // mostly earlier parents; now and then a later one, which may close a cycle
    const parent = r() < 0.25 ? null : r() < 0.85 && id > 1 ? int(r, 1, id - 1) : int(r, 1, size.categories);
    category.push({ id, name: maybe(r, 0.92, () => pick(r, WORDS)), active: pick(r, [true, true, true, false, null]), parent_id: parent });
  }
  const tag = [];
  for (let id = 1; id <= size.tags; id++) {
    tag.push({ id, name: maybe(r, 0.9, () => pick(r, WORDS)), active: pick(r, [true, true, false]), color: maybe(r, 0.8, () => int(r, 0, 5)) });
  }
  const partner = [];
  const tagLinks = [];
  const catLinks = [];
  for (let id = 1; id <= size.partners; id++) {
    partner.push({
      id,
      name: maybe(r, 0.9, () => pick(r, WORDS)),
      ref: maybe(r, 0.5, () => pick(r, WORDS)),
      note: maybe(r, 0.5, () => pick(r, WORDS) + ' ' + pick(r, WORDS)),
      active: pick(r, [true, true, true, false, null]),
      is_company: tri(r),
      birthday: maybe(r, 0.7, () => pick(r, DATES)),
      last_seen: maybe(r, 0.7, () => datetime(r)),
      credit: maybe(r, 0.7, () => int(r, -8, 8) / 4),
      visits: maybe(r, 0.7, () => int(r, 0, 5)),
      kind: maybe(r, 0.7, () => pick(r, ['person', 'company'])),
      category_id: maybe(r, 0.8, () => int(r, 1, size.categories)),
      parent_id: id > 1 && r() < 0.5 ? int(r, 1, id - 1) : null,
      create_uid: maybe(r, 0.8, () => int(r, 1, 3)),
      create_date: maybe(r, 0.9, () => datetime(r)),
    });
    const tags = new Set<number>();
    for (let k = int(r, 0, 3); k > 0; k--) tags.add(int(r, 1, size.tags));
    for (const t of tags) tagLinks.push({ partner_id: id, tag_id: t });
    const cats = new Set<number>();
    for (let k = int(r, 0, 2); k > 0; k--) cats.add(int(r, 1, size.categories));
    for (const c of cats) catLinks.push({ partner_id: id, category_id: c });
  }
  return {
    rows: { 'test.category': category, 'test.tag': tag, 'test.partner': partner },
    links: { test_partner_tag_rel: tagLinks, test_partner_category_rel: catLinks },
  };
}

type Gen = (r: Rng) => unknown[];

const word = (r: Rng) => pick(r, WORDS);
const fragment = (r: Rng) => pick(r, ['é', 'É', 'cole', 'COLE', 'a', 'ZO', '%', '_', 'a%', '_b', 'x\\', '\\y', '', 'ß', 'ω']);
const pattern = (r: Rng) => pick(r, ['%é%', 'É%', '%cole', 'a_b', 'a\\_b', '%', '_', '', 'zo%', '%Ë']);
const empty = (r: Rng) => pick(r, [false, null]);
const list = <T>(r: Rng, g: (r: Rng) => T, withFalse = 0.3): unknown[] => {
  const out: unknown[] = [];
  for (let k = int(r, 0, 3); k > 0; k--) out.push(g(r));
  if (r() < withFalse) out.splice(int(r, 0, out.length), 0, false);
  return out;
};

function textLeaf(path: string): Gen {
  return (r) => {
    const op = pick(r, ['=', '!=', '<>', '<', '<=', '>', '>=', '=?', 'like', 'not like', 'ilike', 'not ilike', '=like', '=ilike', 'in', 'not in']);
    if (op === 'in' || op === 'not in') return [path, op, list(r, word)];
    if (op === '=like' || op === '=ilike') return [path, op, pattern(r)];
    if (op.includes('like')) return [path, op, r() < 0.1 ? empty(r) : fragment(r)];
    return [path, op, r() < 0.15 ? empty(r) : word(r)];
  };
}

function numberLeaf(path: string, values: (r: Rng) => number, likeToo: boolean): Gen {
  return (r) => {
    const ops = ['=', '!=', '<', '<=', '>', '>=', '=?', 'in', 'not in', ...(likeToo ? ['like', 'not like'] : [])];
    const op = pick(r, ops);
    if (op === 'in' || op === 'not in') return [path, op, list(r, values)];
    if (op.includes('like')) return [path, op, String(int(r, 0, 5))];
    return [path, op, r() < 0.15 ? empty(r) : values(r)];
  };
}

function boolLeaf(path: string): Gen {
  return (r) => {
    const op = pick(r, ['=', '!=', 'in', 'not in']);
    if (op === '=' || op === '!=') return [path, op, pick(r, [true, false, null])];
    return [path, op, r() < 0.3 ? pick(r, [true, false]) : list(r, () => pick(r, [true, false]), 0.2)];
  };
}

function dateLeaf(path: string, values: (r: Rng) => string): Gen {
  return (r) => {
    const op = pick(r, ['=', '!=', '<', '<=', '>', '>=', 'in', 'not in', 'like']);
    if (op === 'in' || op === 'not in') return [path, op, list(r, values)];
    if (op === 'like') return [path, op, pick(r, ['2024-01', '-02-', '23:59'])];
    return [path, op, r() < 0.1 ? empty(r) : values(r)];
  };
}

function many2oneLeaf(path: string, max: number): Gen {
  return (r) => {
    const op = pick(r, ['=', '!=', 'in', 'not in', 'like', 'ilike', 'not ilike', '=ilike', '<', '>=']);
    if (op === 'in' || op === 'not in') {
      return [path, op, r() < 0.5 ? list(r, () => int(r, 1, max)) : list(r, word, 0)];
    }
    if (op.includes('like')) return [path, op, op === '=ilike' ? pattern(r) : fragment(r)];
    if (op === '<' || op === '>=') return [path, op, int(r, 1, max)];
    return [path, op, r() < 0.2 ? empty(r) : r() < 0.5 ? int(r, 1, max) : word(r)];
  };
}

function x2manyLeaf(path: string, max: number): Gen {
  return (r) => {
    const op = pick(r, ['=', '!=', 'in', 'not in', 'ilike', 'not ilike', 'like', '<', '>']);
    if (op === 'in' || op === 'not in') {
      return [path, op, r() < 0.6 ? list(r, () => int(r, 1, max)) : list(r, word, 0.2)];
    }
    if (op.includes('like')) return [path, op, fragment(r)];
    if (op === '<' || op === '>') return [path, op, int(r, 1, max)];
    return [path, op, r() < 0.3 ? empty(r) : r() < 0.6 ? int(r, 1, max) : word(r)];
  };
}

function hierarchyLeaf(path: string, max: number): Gen {
  return (r) => {
    const op = pick(r, ['child_of', 'parent_of']);
    const roll = r();
    const value = roll < 0.4 ? int(r, 1, max) : roll < 0.7 ? list(r, () => int(r, 1, max), 0) : roll < 0.9 ? fragment(r) : [];
    return [path, op, value];
  };
}

const LEAVES: Gen[] = [
  textLeaf('name'), textLeaf('ref'), textLeaf('note'), textLeaf('kind'),
  textLeaf('category_id.name'), textLeaf('category_id.parent_id.name'), textLeaf('tag_ids.name'),
  textLeaf('child_ids.name'), textLeaf('parent_id.name'), textLeaf('category_name'), textLeaf('category_ids.name'),
  textLeaf('parent_id.category_id.name'), textLeaf('parent_id.parent_id.ref'), textLeaf('parent_id.tag_ids.name'),
  boolLeaf('parent_id.active'), boolLeaf('parent_id.category_id.active'), many2oneLeaf('parent_id.category_id', 12),
  numberLeaf('parent_id.visits', (r) => int(r, 0, 5), false),
  numberLeaf('visits', (r) => (r() < 0.8 ? int(r, 0, 5) : int(r, 0, 10) / 2), true),
  numberLeaf('credit', (r) => int(r, -8, 8) / 4, false),
  numberLeaf('id', (r) => (r() < 0.9 ? int(r, 1, 40) : int(r, 2, 80) / 2), true), numberLeaf('tag_ids.color', (r) => int(r, 0, 5), false),
  numberLeaf('create_uid', (r) => int(r, 1, 3), false),
  boolLeaf('active'), boolLeaf('is_company'), boolLeaf('category_id.active'), boolLeaf('tag_ids.active'),
  dateLeaf('birthday', (r) => (r() < 0.8 ? pick(r, DATES) : datetime(r))),
  dateLeaf('last_seen', (r) => (r() < 0.5 ? pick(r, DATES) : datetime(r))),
  dateLeaf('create_date', (r) => datetime(r)),
  many2oneLeaf('category_id', 12), many2oneLeaf('parent_id', 40),
  x2manyLeaf('tag_ids', 8), x2manyLeaf('child_ids', 40), x2manyLeaf('category_ids', 12),
  hierarchyLeaf('category_id', 12), hierarchyLeaf('id', 40), hierarchyLeaf('category_ids', 12),
  hierarchyLeaf('parent_id', 40),
  (r) => ['display', pick(r, ['=', 'ilike']), 'x'],
  (r) => (r() < 0.5 ? [1, '=', 1] : [0, '=', 1]),
];

/** One expression in Polish notation, as a flat list of tokens. */
function expression(r: Rng, depth: number): unknown[] {
  const roll = r();
  if (depth <= 0 || roll < 0.45) return [pick(r, LEAVES)(r)];
  if (roll < 0.6) return ['!', ...expression(r, depth - 1)];
  return [pick(r, ['&', '|']), ...expression(r, depth - 1), ...expression(r, depth - 1)];
}

/** A domain: one to three expressions side by side (implicitly ANDed). */
export function makeDomain(r: Rng): unknown[] {
  const out: unknown[] = [];
  for (let k = int(r, 1, 3); k > 0; k--) out.push(...expression(r, 3));
  return out;
}
