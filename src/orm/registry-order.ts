// Module load order: every module after the modules it depends on, otherwise in the order
// given. An unknown dependency or a cycle stops the load.
import { ValidationError } from '../errors';
import type { ModuleDef } from './model-types';

export const REGISTRY_ERROR = 'Registry Error';

export function orderModules(modules: ModuleDef[]): ModuleDef[] {
  const byName = new Map<string, ModuleDef>();
  for (const m of modules) {
    if (byName.has(m.name)) throw new ValidationError(`Module '${m.name}' is given twice`, REGISTRY_ERROR);
    byName.set(m.name, m);
  }
  for (const m of modules) {
    for (const dep of m.depends) {
      if (!byName.has(dep)) {
        throw new ValidationError(`Module '${m.name}' depends on unknown module '${dep}'`, REGISTRY_ERROR);
      }
    }
  }
  const done = new Set<string>();
  const visiting: string[] = [];
  const out: ModuleDef[] = [];
  const visit = (m: ModuleDef): void => {
    if (done.has(m.name)) return;
    if (visiting.includes(m.name)) {
      const cycle = [...visiting.slice(visiting.indexOf(m.name)), m.name].join(' -> ');
      throw new ValidationError(`Circular module dependency: ${cycle}`, REGISTRY_ERROR);
    }
    visiting.push(m.name);
    for (const dep of m.depends) visit(byName.get(dep)!);
    visiting.pop();
    done.add(m.name);
    out.push(m);
  };
  modules.forEach(visit);
  return out;
}

/** The module and everything it depends on, directly or not. */
export function dependencyClosure(name: string, byName: Map<string, ModuleDef>): Set<string> {
  const seen = new Set<string>();
  const walk = (n: string): void => {
    if (seen.has(n)) return;
    seen.add(n);
    for (const d of byName.get(n)?.depends ?? []) walk(d);
  };
  walk(name);
  return seen;
}
