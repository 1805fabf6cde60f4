// Access to every helpdesk model, for every group, for every operation: what each role may do
// and what it is refused (DOMAIN.md "Groups"), on both backends.
import { AccessError } from '../../../src/errors';
import { BACKENDS } from '../../support/backends';
import { helpdeskDbForSuite, type HelpdeskDb, type Role, type Tx } from './support';

type Op = 'create' | 'read' | 'write' | 'unlink' | 'search';
const OPS: Op[] = ['create', 'read', 'write', 'unlink', 'search'];

/** The expected rights, written from DOMAIN.md: r(ead, search) w(rite) c(reate) u(nlink). */
const EXPECTED: Record<string, Record<Exclude<Role, 'otherHelp'>, string>> = {
  'helpdesk.request': { help: 'rwc', support: 'rwcu', manager: 'rwcu', peer: 'rwc', nobody: '' },
  'helpdesk.solution': { help: 'rwc', support: 'rwcu', manager: 'rwcu', peer: 'r', nobody: '' },
  'helpdesk.problem': { help: 'r', support: 'rwcu', manager: 'rwcu', peer: '', nobody: '' },
  'helpdesk.task': { help: 'r', support: 'rwcu', manager: 'rwcu', peer: '', nobody: '' },
  'helpdesk.resource': { help: 'r', support: 'rwcu', manager: 'rwcu', peer: '', nobody: '' },
  'helpdesk.server': { help: 'r', support: 'r', manager: 'rwcu', peer: '', nobody: '' },
};
const LETTER: Record<Op, string> = { create: 'c', read: 'r', write: 'w', unlink: 'u', search: 'r' };

/** Values for a new record of each model, and the harmless change a write makes. */
function newVals(model: string, h: HelpdeskDb, server: number): Record<string, unknown> {
  switch (model) {
    case 'helpdesk.request': return { subject: 'Pantalla en negro', category: 'technical', origin_server_id: server };
    case 'helpdesk.solution': return { name: 'Cambiar el cable', date_deadline: '2030-01-01' };
    case 'helpdesk.problem': return { name: 'Cable suelto', request_category: 'technical', category: 'installation' };
    case 'helpdesk.task': return { name: 'Revisar el cable' };
    case 'helpdesk.resource': return { name: 'Cable nuevo', category: 'material', cost: 5 };
    default: return { company_id: h.mainCompany, code: `C${Math.random().toString(36).slice(2, 8)}`,
      url: 'http://peer.example', database: 'peer', login: 'center', password: 'secret' };
  }
}
const CHANGE: Record<string, Record<string, unknown>> = {
  'helpdesk.request': { description: 'Más detalles' },
  'helpdesk.solution': { description: 'Más detalles' },
  'helpdesk.problem': { name: 'Cable roto' },
  'helpdesk.task': { name: 'Cambiar el cable' },
  'helpdesk.resource': { cost: 6 },
  'helpdesk.server': { url: 'http://peer2.example' },
};

async function attempt(t: Tx, h: HelpdeskDb, role: Role, model: string, op: Op): Promise<void> {
  const server = await t.su().model('helpdesk.server').create(newVals('helpdesk.server', h, 0));
  const record = await t.su().model(model).create(newVals(model, h, server));
  const api = t.env(role).model(model);
  switch (op) {
    case 'create': await api.create(newVals(model, h, server)); break;
    case 'read': expect(await api.read([record], ['id'])).toHaveLength(1); break;
    case 'write': await api.write([record], CHANGE[model]); break;
    case 'unlink': await api.unlink([record]); break;
    case 'search': expect(await api.search([['id', '=', record]])).toEqual([record]); break;
  }
}

const cases = Object.entries(EXPECTED).flatMap(([model, byRole]) =>
  (Object.keys(byRole) as (keyof typeof byRole)[]).flatMap((role) =>
    OPS.map((op) => [model, op, role, byRole[role].includes(LETTER[op])] as const)));

describe.each(BACKENDS)('helpdesk access rights on %s', (backend) => {
  const h = helpdeskDbForSuite(backend);

  it.each(cases)('%s: %s by %s allowed=%s', async (model, op, role, allowed) => {
    await h.inTransaction(async (t) => {
      const run = attempt(t, h, role, model, op);
      if (allowed) await run;
      else await expect(run).rejects.toThrow(AccessError);
    });
  });
});
