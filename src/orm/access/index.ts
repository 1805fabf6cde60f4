// Access control (ir.model.access, ir.rule, implied groups) behind the AccessPolicy interface the
// records service calls. `createAccessPolicy()` is the entry point.
export { createAccessPolicy, isSuperuser, RecordAccessPolicy, DEFAULT_DOCUMENT_LINKS } from './policy';
export type { AccessPolicy, AccessPolicyOptions } from './policy';
export type { DocumentLink } from './document-links';
export { aclAllows, groupsGranting } from './acl';
export { combineRules } from './rules';
export type { RuleRow } from './rules';
export { resolvePlaceholders, parseRuleDomain } from './placeholders';
export type { UserFacts } from './placeholders';
export { andDomains, orDomains, normalizeDomain } from './domain-ops';
export { aclDenialMessage, ruleDenialMessage } from './messages';
