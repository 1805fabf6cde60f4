// What ir.rule checks when a domain is written, so that a bad rule is refused then and not when a
// user searches: the text reads (JSON, or a 7.0 Python literal), its leaves have a valid shape
// and every user value it names is one the policy can resolve.
import { AppError } from '../../errors';
import type { Env } from '../env-types';
import type { Registry } from '../model-types';
import { fieldType, isStored, isX2many } from '../fields';
import { normalizeDomain } from '../domain/normalize';
import type { PyUserRef } from './py-domain';
import { placeholderOf, readRuleText } from './placeholders';
import { knownStrftime } from './strftime';

const QUOTE_MAX = 200;

/** Placeholders stand for scalars here: the shape check must not take them for bad values. */
function withoutPlaceholders(value: unknown, times: string[]): unknown {
  if (Array.isArray(value)) return value.map((v) => withoutPlaceholders(v, times));
  const p = placeholderOf(value);
  if (!p) return value;
  if (p.kind === '$time') times.push(typeof p.arg === 'string' ? p.arg : '%?');
  return 0;
}

function userRefProblem(registry: Registry, ref: PyUserRef): string | null {
  if (ref.field === 'id') return ref.form === 'value' ? null : 'user.id has no attributes';
  if (ref.field === 'groups_id' && ref.form !== 'id') return null;
  const field = registry.has('res.users') ? registry.model('res.users').fields[ref.field] : undefined;
  if (!field) return `the user has no field "${ref.field}"`;
  if (ref.form === 'ids') return `only user.groups_id may be listed ([g.id for g in user.groups_id])`;
  if (isX2many(field) || !isStored(field) || fieldType(field).writeOnly) {
    return `user.${ref.field} cannot be used in a record rule`;
  }
  if (ref.form === 'id' && !fieldType(field).holdsId) return `user.${ref.field} is not a relation: write user.${ref.field}`;
  return null;
}

function quote(raw: string): string {
  return raw.length > QUOTE_MAX ? `${raw.slice(0, QUOTE_MAX)}...` : raw;
}

/**
 * Why the domain text of the rule named `ruleName` cannot be used, or null when it can. The
 * message names the rule and quotes the text.
 */
export function ruleDomainProblem(env: Env, raw: unknown, ruleName: string): string | null {
  if (raw === null || raw === undefined || raw === false || raw === '') return null;
  const text = typeof raw === 'string' ? raw : JSON.stringify(raw);
  const refuse = (why: string) => `The record rule "${ruleName}" has an invalid domain: ${why}. Domain: ${quote(text)}`;
  if (typeof raw !== 'string') return refuse('it must be text');
  try {
    const read = readRuleText(raw);
    const domain = read.domain;
    if (!Array.isArray(domain)) return refuse('it must be a list');
    const times: string[] = [];
    normalizeDomain(withoutPlaceholders(domain, times));
    if (times.some((f) => !knownStrftime(f))) return refuse('a {"$time": ...} format may use only %Y %y %m %d %H %M %S %j %%');
    const registry = env.registry as Registry;
    for (const ref of read.userRefs()) {
      const why = userRefProblem(registry, ref);
      if (why) return refuse(why);
    }
    return null;
  } catch (e) {
    if (e instanceof AppError) return refuse(e.message);
    throw e;
  }
}
