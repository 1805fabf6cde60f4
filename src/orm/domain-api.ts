// The records service's door to the domain compiler (./domain): builds its context from an
// environment. Record rules of the models a domain reaches are fetched up front, because the
// compiler asks for them synchronously; field groups are checked for every field it names.
import type { DomainContext } from './domain';
import type { OrmEnv } from './env';
import type { RuntimeModel } from './registry';
import { isSuperuser } from './access-policy';
import { fieldAccessError } from './records/common-errors';

export { applyDomain, applyOrder, applyRuleDomain, parseOrder } from './domain';
export type { DomainContext, OrderTerm } from './domain';

export interface DomainContextOptions {
  activeTest?: boolean;
  /** Domains about to be applied: the models their paths reach get their rules fetched. */
  domains?: { model: RuntimeModel; domain: unknown }[];
}

/** Models a domain reaches through relational fields (where the compiler runs sub-searches). */
function reachedModels(env: OrmEnv, model: RuntimeModel, domain: unknown, out: Set<string>): void {
  if (!Array.isArray(domain)) return;
  for (const leaf of domain) {
    if (!Array.isArray(leaf) || typeof leaf[0] !== 'string') continue;
    const op = leaf[1];
    if (op === 'child_of' || op === 'parent_of') out.add(model.name);
    let current: RuntimeModel | undefined = model;
    for (const step of leaf[0].split('.')) {
      const f = current?.fields[step];
      if (!f?.comodel || !env.registry.has(f.comodel)) break;
      out.add(f.comodel);
      if (op === 'child_of' || op === 'parent_of') out.add(f.comodel);
      current = env.registry.model(f.comodel);
    }
  }
}

export async function domainContext(env: OrmEnv, opts: DomainContextOptions = {}): Promise<DomainContext> {
  const ctx: DomainContext = {
    getModel: (name) => env.registry.model(name),
    knex: env.cr,
    backend: env.backend,
    negativeOpsIncludeNull: env.compat.negativeOpsIncludeNull,
    activeTest: opts.activeTest ?? env.context.active_test !== false,
  };
  if (isSuperuser(env)) return ctx;
  const reached = new Set<string>();
  for (const { model, domain } of opts.domains ?? []) reachedModels(env, model, domain, reached);
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
