// The records service's door to the domain compiler (./domain): builds its context from an
// environment. Record rules of the models a domain searches are fetched up front (the compiler
// lists them), because it asks for them synchronously; field groups are checked for every field it names.
import { modelsSearched, type DomainContext } from './domain';
import type { CallEnv } from './call-env';
import type { RuntimeModel } from './registry';
import { isSuperuser } from './access-policy';
import { fieldAccessError } from './records/common-errors';

export { applyDomain, applyOrder, applyRuleDomain, badOrder, parseOrder } from './domain';
export type { DomainContext, OrderTerm } from './domain';

export interface DomainContextOptions {
  activeTest?: boolean;
  /** Domains about to be applied: the models their paths reach get their rules fetched. */
  domains?: { model: RuntimeModel; domain: unknown }[];
}

export async function domainContext(env: CallEnv, opts: DomainContextOptions = {}): Promise<DomainContext> {
  const ctx: DomainContext = {
    getModel: (name) => env.registry.model(name),
    knex: env.cr,
    backend: env.backend,
    negativeOpsIncludeNull: env.compat.negativeOpsIncludeNull,
    activeTest: opts.activeTest ?? env.context.active_test !== false,
  };
  if (isSuperuser(env)) return ctx;
  // The compiler itself says which models it will search (dotted paths, related fields, name
  // look-ups, hierarchies): walking paths here would miss the ones reached through related fields.
  const reached = new Set<string>();
  for (const { model, domain } of opts.domains ?? []) {
    for (const name of modelsSearched(domain, model, ctx)) reached.add(name);
  }
  const rules = new Map<string, unknown[] | null>();
  for (const name of reached) rules.set(name, await env.access.ruleDomain(env, name, 'read'));
  const groups = await env.userGroups();
  ctx.ruleDomain = (name) => rules.get(name) ?? null;
  ctx.checkField = (modelName, fieldName) => {
    const model = env.registry.model(modelName);
    const f = model.fields[fieldName];
    if (f?.groups?.length && !f.groups.some((g) => groups.has(g))) throw fieldAccessError(env, model, [fieldName], 'read');
  };
  return ctx;
}
