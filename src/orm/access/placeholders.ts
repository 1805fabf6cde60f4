// Record-rule domains are stored as JSON, or as the Python literal text 7.0 clients write: values
// that depend on the current user are placeholders such as {"$user": "company_id"} (and the date,
// {"$time": "%Y-%m-%d"}), resolved here per call. Both forms evaluate to the same domain.
import { AppError, UserError } from '../../errors';
import { readPyDomain, type PyUserRef } from './py-domain';
import { strftimeUtc } from './strftime';

/** What a placeholder may read about the current user. */
export interface UserFacts {
  id: number;
  /** The user's groups, implied ones included. */
  groupIds: number[];
  /** Stored columns of the user's res_users row (many2one columns hold ids). */
  row: Record<string, unknown>;
}

/** `{"$user": ...}` or `{"$time": ...}` with what it holds (any type), or null for other values. */
export function placeholderOf(value: unknown): { kind: '$user' | '$time'; arg: unknown } | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const keys = Object.keys(value);
  if (keys.length !== 1 || (keys[0] !== '$user' && keys[0] !== '$time')) return null;
  return { kind: keys[0], arg: (value as Record<string, unknown>)[keys[0]] };
}

/** The text a placeholder of `kind` holds (a field name, a format), or null for other values. */
function placeholderText(value: unknown, kind: '$user' | '$time'): string | null {
  const p = placeholderOf(value);
  if (!p || p.kind !== kind) return null;
  if (typeof p.arg !== 'string') throw new UserError(`Invalid record rule placeholder: ${JSON.stringify(value)}`);
  return p.arg;
}

function placeholderField(value: unknown): string | null {
  return placeholderText(value, '$user');
}

/** The user fields a domain's placeholders name (invalid ones included, to fail later). */
export function placeholderFields(value: unknown, out: Set<string> = new Set()): Set<string> {
  const field = placeholderField(value);
  if (field !== null) out.add(field);
  else if (Array.isArray(value)) for (const v of value) placeholderFields(v, out);
  return out;
}

/** Placeholders answered without reading the user's row. */
export const ROWLESS_FIELDS = new Set(['id', 'groups_id']);

function userValue(field: string, user: UserFacts): unknown {
  if (field === 'id') return user.id;
  if (field === 'groups_id') return [...user.groupIds];
  if (!Object.prototype.hasOwnProperty.call(user.row, field)) {
    throw new UserError(`Invalid record rule placeholder: the user has no field '${field}'`);
  }
  const v = user.row[field];
  return v === null || v === undefined ? false : v;
}

function timePlaceholder(value: unknown): string | null {
  return placeholderText(value, '$time');
}

/** Returns a copy of the domain with every {"$user": field} replaced by the user's value. */
export function resolvePlaceholders(value: unknown, user: UserFacts, now: Date = new Date()): unknown {
  const field = placeholderField(value);
  if (field !== null) return userValue(field, user);
  const fmt = timePlaceholder(value);
  if (fmt !== null) return strftimeUtc(fmt, now);
  if (Array.isArray(value)) return value.map((v) => resolvePlaceholders(v, user, now));
  return value;
}

/** A stored domain text as read, and the user values it names (asked for only by the ir.rule check). */
export interface RuleText {
  domain: unknown;
  userRefs(): PyUserRef[];
}

/**
 * The one reader of a stored `domain_force` text: JSON first (what this server writes), else a
 * 7.0 Python literal. Text valid in both reads the same in both. Python errors propagate.
 */
export function readRuleText(text: string): RuleText {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    const { domain, userRefs } = readPyDomain(text);
    return { domain, userRefs: () => userRefs };
  }
  const userRefs = () => [...placeholderFields(json)]
    .filter((f) => f !== 'id')
    .map((field): PyUserRef => ({ field, form: 'value' }));
  return { domain: json, userRefs };
}

/** A stored `domain_force` as a list. Empty or missing is the empty domain. */
export function parseRuleDomain(raw: unknown, ruleName: string): unknown[] {
  if (raw === null || raw === undefined || raw === false || raw === '') return [];
  let parsed: unknown = raw;
  if (typeof raw === 'string') {
    try {
      parsed = readRuleText(raw).domain;
    } catch (e) {
      const why = e instanceof AppError ? e.message : String(e);
      throw new UserError(`The record rule "${ruleName}" has an invalid domain: ${why}.`);
    }
  }
  if (!Array.isArray(parsed)) {
    throw new UserError(`The record rule "${ruleName}" has an invalid domain: it must be a list.`);
  }
  return parsed;
}
