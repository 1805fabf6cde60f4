// Access control (ir.model.access, ir.rule, implied groups) behind the AccessPolicy interface the
// records service calls. `createAccessPolicy()` is the entry point.
export { createAccessPolicy, RecordAccessPolicy, DEFAULT_DOCUMENT_LINKS } from './policy';
export type { AccessPolicyOptions } from './policy';
export { isSuperuser, type AccessPolicy } from '../access-policy';
export type { DocumentLink } from './document-links';
export { DEFAULT_OWN_RECORDS, type OwnRecordPath } from './own-records';
export { DEFAULT_MENU_ACTIONS, type MenuActionLink } from './menu-actions';
export { aclAllows, groupsGranting } from './acl';
export { combineRules } from './rules';
export type { RuleRow } from './rules';
export { resolvePlaceholders, parseRuleDomain } from './placeholders';
export type { UserFacts } from './placeholders';
export { andDomains, orDomains, normalizeDomain } from './domain-ops';
export { aclDenialMessage, ruleDenialMessage } from './messages';
export { parsePyDomain, readPyDomain, PY_DOMAIN_MAX_DEPTH, PY_DOMAIN_MAX_LENGTH } from './py-domain';
export type { PyDomainReading, PyUserRef } from './py-domain';
export { ruleDomainProblem } from './rule-domain-check';
