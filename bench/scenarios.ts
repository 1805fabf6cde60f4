// The calls the benchmark measures, each one XML-RPC call on the /xmlrpc/2 paths, with a check
// of its answer run before measuring (numbers of failing or empty calls would mean nothing).
import { CallError } from '../src/errors';
import type { RpcValue } from '../src/values';
import type { RpcClient } from './client';
import type { Fixture } from './seed';

export interface Scenario {
  name: string;
  /** The call as a client writes it, for the report. */
  call: string;
  /** One call; resolves false when there is nothing left to do (a pool ran out). */
  op(worker: number, i: number): Promise<boolean>;
}

const PARTNER_FIELDS = ['name', 'email', 'city', 'is_company', 'parent_id', 'country_id', 'category_id', 'child_ids'];
const FOUR_LEAVES: RpcValue[] = [
  '|', ['is_company', '=', true], ['city', 'ilike', 'an'],
  ['country_id', '!=', false], ['name', 'not ilike', 'zz'],
];

function check(ok: boolean, what: string): void {
  if (!ok) throw new CallError(`unexpected answer: ${what}`, 'AssertionError');
}

/** Requests waiting for the next step; each step takes one and hands it to the next pool. */
class Pool {
  private readonly ids: number[] = [];
  push(id: number): void { this.ids.push(id); }
  take(): number | undefined { return this.ids.shift(); }
}

export function scenarios(rpc: RpcClient, db: string, fx: Fixture): Scenario[] {
  const u = fx.user;
  const pick = (i: number, n: number): number[] => Array.from({ length: n }, (_, k) => fx.partnerIds[(i + k) % fx.partnerIds.length]);
  const list: Scenario[] = [
    {
      name: 'common.version', call: "common.version()",
      op: async () => { check(typeof (await rpc.call('/xmlrpc/2/common', 'version', [])) === 'object', 'version'); return true; },
    },
    {
      name: 'common.login', call: 'common.login(db, login, password)',
      op: async () => { check(await rpc.call('/xmlrpc/2/common', 'login', [db, fx.login, fx.password]) === u.uid, 'login'); return true; },
    },
    {
      name: 'search_read 80 partners', call: `res.partner search_read([], ${PARTNER_FIELDS.length} fields incl. 2 many2one + 2 x2many, limit=80)`,
      op: async (_w, i) => {
        const rows = await u.call('res.partner', 'search_read', [[]], { fields: PARTNER_FIELDS, limit: 80, offset: i % 4 });
        check(Array.isArray(rows) && rows.length === 80, 'search_read returns 80 rows');
        return true;
      },
    },
    {
      name: 'read 200 ids', call: `res.partner read(200 ids, same ${PARTNER_FIELDS.length} fields)`,
      op: async (_w, i) => {
        const rows = await u.call('res.partner', 'read', [pick(i, 200), PARTNER_FIELDS]);
        check(Array.isArray(rows) && rows.length === 200, 'read returns 200 rows');
        return true;
      },
    },
    {
      name: 'read 10 ids', call: `res.partner read(10 ids, same ${PARTNER_FIELDS.length} fields)`,
      op: async (_w, i) => {
        const rows = await u.call('res.partner', 'read', [pick(i * 10, 10), PARTNER_FIELDS]);
        check(Array.isArray(rows) && rows.length === 10, 'read returns 10 rows');
        return true;
      },
    },
    {
      name: 'search 4-leaf domain', call: "res.partner search(['|', is_company, city ilike, country_id != False, name not ilike])",
      op: async () => { check(Array.isArray(await u.call('res.partner', 'search', [FOUR_LEAVES])), 'search'); return true; },
    },
    {
      name: 'name_search', call: "res.partner name_search('contacto 1', limit=8)",
      op: async () => {
        const r = await u.call('res.partner', 'name_search', [], { name: 'contacto 1', limit: 8 });
        check(Array.isArray(r) && r.length > 0, 'name_search finds contacts');
        return true;
      },
    },
    {
      name: 'create partner', call: 'res.partner create({name, email, city, parent_id, country_id, category_id})',
      op: async (w, i) => {
        const id = await u.call('res.partner', 'create', [{
          name: `Nuevo ${w}-${i}`, email: `nuevo${w}-${i}@example.com`, city: 'Trinidad', parent_id: fx.partnerIds[i % 30],
          country_id: fx.countryIds[0] ?? false, category_id: [[6, 0, fx.categoryIds.slice(0, 2)]],
        }]);
        check(typeof id === 'number', 'create returns an id');
        return true;
      },
    },
    {
      name: 'write partner', call: 'res.partner write([id], {phone, city})',
      op: async (w, i) => {
        const id = fx.partnerIds[(w * 997 + i) % fx.partnerIds.length];
        check(await u.call('res.partner', 'write', [[id], { phone: `+53 5 ${i}`, city: `Ciudad ${i % 7}` }]) === true, 'write');
        return true;
      },
    },
  ];
  return fx.helpdesk ? [...list, ...requestFlow(fx)] : list;
}

/** A service request created, then notified, then reviewed: three measurements fed by pools. */
function requestFlow(fx: Fixture): Scenario[] {
  const u = fx.user;
  const drafts = new Pool();
  const notified = new Pool();
  const step = (signal: string, from: Pool, to: Pool | null) => async (): Promise<boolean> => {
    const id = from.take();
    if (id === undefined) return false;
    check(await u.signal('helpdesk.request', signal, id) !== false, `${signal} moves the request`);
    to?.push(id);
    return true;
  };
  return [
    {
      name: 'helpdesk.request create', call: "helpdesk.request create({subject, description, category: 'technical', partner_id})",
      op: async (w, i) => {
        const id = await u.call('helpdesk.request', 'create', [{
          subject: `La impresora ${w}-${i} no imprime`, description: 'Sale una hoja en blanco tras cada trabajo.',
          category: 'technical', partner_id: fx.partnerIds[i % fx.partnerIds.length],
        }]);
        check(typeof id === 'number', 'create returns an id');
        drafts.push(id as number);
        return true;
      },
    },
    { name: 'exec_workflow notify', call: "exec_workflow('helpdesk.request', 'notify', id)", op: step('notify', drafts, notified) },
    { name: 'exec_workflow review', call: "exec_workflow('helpdesk.request', 'review', id)", op: step('review', notified, null) },
  ];
}
