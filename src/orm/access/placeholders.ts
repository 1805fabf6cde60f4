// Record-rule domains are stored as JSON, never as Python: values that depend on the current user
// are written as placeholders such as {"$user": "company_id"} and resolved here, per call.
import { UserError } from '../../errors';

/** What a placeholder may read about the current user. */
export interface UserFacts {
  id: number;
  /** The user's groups, implied ones included. */
  groupIds: number[];
  /** Stored columns of the user's res_users row (many2one columns hold ids). */
  row: Record<string, unknown>;
}

function placeholderField(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const keys = Object.keys(value);
  if (keys.length !== 1 || keys[0] !== '$user') return null;
  const field = (value as Record<string, unknown>).$user;
  if (typeof field !== 'string') throw new UserError(`Invalid record rule placeholder: ${JSON.stringify(value)}`);
  return field;
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

/** Returns a copy of the domain with every {"$user": field} replaced by the user's value. */
export function resolvePlaceholders(value: unknown, user: UserFacts): unknown {
  const field = placeholderField(value);
  if (field !== null) return userValue(field, user);
  if (Array.isArray(value)) return value.map((v) => resolvePlaceholders(v, user));
  return value;
}

/** Parses a stored `domain_force`; an empty or missing one is the empty domain (everything). */
export function parseRuleDomain(raw: unknown, ruleName: string): unknown[] {
  if (raw === null || raw === undefined || raw === false || raw === '') return [];
  let parsed: unknown = raw;
  if (typeof raw === 'string') {
    try {
      parsed = JSON.parse(raw);
    } catch {
      throw new UserError(`The record rule "${ruleName}" has an invalid domain: it must be a JSON list.`);
    }
  }
  if (!Array.isArray(parsed)) {
    throw new UserError(`The record rule "${ruleName}" has an invalid domain: it must be a JSON list.`);
  }
  return parsed;
}
