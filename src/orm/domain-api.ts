// The records service's door to the domain compiler (./domain): one place that builds its
// context from an environment.
import type { OrmEnv } from './env';
import type { DomainContext } from './domain-shim';

export { applyDomain, applyOrder, parseOrder } from './domain-shim';
export type { DomainContext } from './domain-shim';

export function domainContext(env: OrmEnv, opts: { activeTest?: boolean } = {}): DomainContext {
  return {
    getModel: (name) => env.registry.model(name),
    knex: env.cr,
    backend: env.backend,
    negativeOpsIncludeNull: env.compat.negativeOpsIncludeNull,
    activeTest: opts.activeTest ?? env.context.active_test !== false,
  };
}
