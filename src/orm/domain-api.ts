// The records service's door to the domain compiler (./domain): builds its context from an
// environment. Record rules of the models a domain searches are fetched up front (the compiler
// lists them), because it asks for them synchronously; field groups are checked for every field it names.
import { modelsSearched, type DomainContext } from './domain';
import type { CallEnv } from './call-env';
import type { RuntimeModel } from './registry';
import { isSuperuser } from './access-policy';
import { fieldAccessError } from './records/common-errors';
import { shapeKey } from './shape-key';

export { applyDomain, applyOrder, applyRuleDomain, badOrder, orderClauses, parseOrder } from './domain';
export type { DomainContext, OrderTerm } from './domain';

export interface DomainContextOptions {
  activeTest?: boolean;
  /** Domains about to be applied: the models their paths reach get their rules fetched. */
  domains?: { model: RuntimeModel; domain: unknown }[];
}

/** Models reached by a domain, per registry and (model, domain, flags); a domain parsed once. */
const reachedByRegistry = new WeakMap<object, Map<string, string[]>>();
/** Domains remembered per registry (x2many fields' own domains, the searches clients repeat). */
const MAX_REACHED = 500;

function searchedModels(env: CallEnv, domain: unknown, model: RuntimeModel, ctx: DomainContext): string[] {
  // An empty domain searches nothing (most x2many fields and plain searches).
  if (Array.isArray(domain) && domain.length === 0) return [];
  const shape = shapeKey(domain);
  if (shape === null) return modelsSearched(domain, model, ctx);
  let memo = reachedByRegistry.get(env.registry);
  if (!memo) {
    memo = new Map();
    reachedByRegistry.set(env.registry, memo);
  }
  const key = `${model.name}:${ctx.shape ?? ''}:${shape}`;
  let names = memo.get(key);
  if (!names) {
    names = modelsSearched(domain, model, ctx);
    if (memo.size >= MAX_REACHED) memo.clear();
    memo.set(key, names);
  }
  return names;
}

export async function domainContext(env: CallEnv, opts: DomainContextOptions = {}): Promise<DomainContext> {
  const ctx: DomainContext = {
    getModel: (name) => env.registry.model(name),
    knex: env.cr,
    backend: env.backend,
    negativeOpsIncludeNull: env.compat.negativeOpsIncludeNull,
    activeTest: opts.activeTest ?? env.context.active_test !== false,
  };
  ctx.shape = `${ctx.activeTest ? 'a' : '-'}${ctx.negativeOpsIncludeNull ? 'n' : '-'}`;
  if (isSuperuser(env)) return ctx;
  // The compiler itself says which models it will search (dotted paths, related fields, name
  // look-ups, hierarchies): walking paths here would miss the ones reached through related fields.
  const reached = new Set<string>();
  for (const { model, domain } of opts.domains ?? []) {
    for (const name of searchedModels(env, domain, model, ctx)) reached.add(name);
  }
  const rules = new Map<string, unknown[] | null>();
  for (const name of reached) rules.set(name, await env.access.ruleDomain(env, name, 'read'));
  const groups = await env.userGroups();
  if (rules.size) {
    const key = shapeKey([...rules]);
    ctx.shape = key === null ? undefined : ctx.shape + key;
  }
  ctx.ruleDomain = (name) => rules.get(name) ?? null;
  ctx.checkField = (modelName, fieldName) => {
    const model = env.registry.model(modelName);
    const f = model.fields[fieldName];
    if (f?.groups?.length && !f.groups.some((g) => groups.has(g))) throw fieldAccessError(env, model, [fieldName], 'read');
  };
  return ctx;
}
