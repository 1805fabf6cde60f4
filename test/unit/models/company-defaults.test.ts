// Every company_id field of every module defaults to the user's company, so no record of any model
// waits for a company to be typed in (the behaviour itself is tested over RPC in test/python).
import { buildRegistry } from '../../../src/orm/registry';
import { MODULES } from '../../../models';

describe('company_id fields', () => {
  const registry = buildRegistry(MODULES);
  const companyFields = [...registry.models.values()].flatMap((model) => Object.values(model.fields)
    .filter((f) => f.name === 'company_id' && f.type === 'many2one' && f.comodel === 'res.company' && !f.related && !f.compute)
    .map((f) => [model.name, f] as const));

  it('exist in the base and helpdesk modules', () => {
    expect(companyFields.map(([m]) => m)).toEqual(expect.arrayContaining(['res.partner', 'helpdesk.server', 'helpdesk.request']));
  });

  it.each(companyFields.map(([m, f]) => [m, f]))('%s.company_id has a default', (_model, field) => {
    expect(typeof field.default).toBe('function');
  });
});
