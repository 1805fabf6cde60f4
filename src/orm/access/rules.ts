// Combining ir.rule domains as OpenERP 7.0 does: the global rules (no groups) are all ANDed; the
// rules of the user's groups are ORed together and that OR is ANDed with the globals. Rules of
// groups the user is not in are ignored. No applicable rule at all means no restriction (null).
import type { AccessMode } from '../env-types';
import { permColumn } from './acl';
import { andDomains, orDomains } from './domain-ops';
import { parseRuleDomain, resolvePlaceholders, UserFacts } from './placeholders';

export interface RuleRow {
  id: number;
  name: string;
  domain: unknown;
  groupIds: number[];
  perm_read: boolean;
  perm_write: boolean;
  perm_create: boolean;
  perm_unlink: boolean;
}

export function combineRules(
  rules: RuleRow[], mode: AccessMode, user: UserFacts,
): unknown[] | null {
  const col = permColumn(mode);
  const mine = new Set(user.groupIds);
  const globals: unknown[][] = [];
  const byGroup: unknown[][] = [];
  for (const rule of rules) {
    if (!rule[col]) continue;
    const isGlobal = rule.groupIds.length === 0;
    if (!isGlobal && !rule.groupIds.some((g) => mine.has(g))) continue;
    const domain = resolvePlaceholders(parseRuleDomain(rule.domain, rule.name), user) as unknown[];
    (isGlobal ? globals : byGroup).push(domain);
  }
  if (globals.length === 0 && byGroup.length === 0) return null;
  const parts = [...globals];
  if (byGroup.length > 0) parts.push(orDomains(byGroup));
  return andDomains(parts);
}
