// The data the benchmark reads and writes, made over XML-RPC as the administrator: a user with
// the support center's rights, 30 companies and 270 contacts (or as many as asked) with countries
// and tags.
import { randomBytes } from 'node:crypto';
import { CallError } from '../src/errors';
import type { RpcValue } from '../src/values';
import { type RpcClient, Session } from './client';
import type { BenchServer } from './server';

export interface Fixture {
  /** The user every measured call runs as (not the superuser, so access rules apply). */
  user: Session;
  login: string;
  password: string;
  partnerIds: number[];
  categoryIds: number[];
  countryIds: number[];
  /** Whether the helpdesk modules are loaded (the request workflow is measured only then). */
  helpdesk: boolean;
}

const COMPANIES = 30;

export interface SeedOptions {
  /** Partners in all, companies included (default 300). */
  partners: number;
  /** Contacts created at once (default 1: one after the other). */
  parallel: number;
}
const CITIES = ['La Habana', 'Santiago', 'Camagüey', 'Holguín', 'Matanzas', 'Cienfuegos', 'Pinar del Río', 'Bayamo'];

function ids(v: RpcValue): number[] {
  if (!Array.isArray(v) || !v.every((x) => typeof x === 'number')) throw new CallError('expected a list of ids', 'AssertionError');
  return v as number[];
}

/** The id behind an external id, by a plain search (get_object_reference left Odoo in 15). */
async function xmlid(admin: Session, module: string, name: string): Promise<number> {
  const rows = await admin.call('ir.model.data', 'search_read', [[['module', '=', module], ['name', '=', name]]], { fields: ['res_id'] });
  const first: RpcValue = Array.isArray(rows) ? rows[0] ?? null : null;
  const id = first !== null && typeof first === 'object' && !Array.isArray(first) ? (first as Record<string, RpcValue>).res_id : null;
  if (typeof id !== 'number') throw new CallError(`no record ${module}.${name}`, 'AssertionError');
  return id;
}

export async function seed(rpc: RpcClient, server: BenchServer, opts: SeedOptions = { partners: 300, parallel: 1 }): Promise<Fixture> {
  const admin = await Session.login(rpc, server.db, server.adminLogin, server.adminPassword);
  const helpdesk = ids(await admin.call('ir.model', 'search', [[['model', '=', 'helpdesk.request']]])).length > 0;
  const groups = [await xmlid(admin, 'base', 'group_user'), await xmlid(admin, 'base', 'group_partner_manager')];
  if (helpdesk) groups.push(await xmlid(admin, 'helpdesk_master', 'group_support_center'));
  // Unique per run, so that a long-lived database (an external server's) can be seeded again.
  const login = `bench_analyst_${randomBytes(3).toString('hex')}`;
  const password = `pw-${randomBytes(6).toString('hex')}`;
  await admin.call('res.users', 'create', [{
    name: 'Bench Analyst', login, password, groups_id: [[6, 0, groups]],
  }]);

  const countryIds = ids(await admin.call('res.country', 'search', [[]], { limit: 12 }));
  const categoryIds: number[] = [];
  for (const name of ['Customer', 'Supplier', 'Hospital', 'School', 'Ministry', 'Factory']) {
    categoryIds.push(await admin.call('res.partner.category', 'create', [{ name }]) as number);
  }
  const companies: number[] = [];
  for (let i = 0; i < COMPANIES; i++) {
    companies.push(await admin.call('res.partner', 'create', [{
      name: `Empresa ${i + 1}`, is_company: true, city: CITIES[i % CITIES.length],
      country_id: countryIds.length ? countryIds[i % countryIds.length] : false,
      category_id: [[6, 0, [categoryIds[i % categoryIds.length]]]], email: `info${i + 1}@empresa.example`,
    }]) as number);
  }
  const contact = (i: number) => admin.call('res.partner', 'create', [{
    name: `Contacto ${i + 1} Pérez`, parent_id: companies[i % COMPANIES], city: CITIES[(i * 3) % CITIES.length],
    country_id: countryIds.length ? countryIds[(i * 5) % countryIds.length] : false, phone: `+53 7 ${100000 + i}`,
    category_id: [[6, 0, [categoryIds[i % categoryIds.length], categoryIds[(i + 2) % categoryIds.length]]]],
    email: `contacto${i + 1}@empresa.example`,
  }]);
  const contacts = opts.partners - COMPANIES;
  for (let from = 0; from < contacts; from += opts.parallel) {
    const batch = Array.from({ length: Math.min(opts.parallel, contacts - from) }, (_, k) => from + k);
    await Promise.all(batch.map(contact));
  }
  const user = await Session.login(rpc, server.db, login, password);
  const partnerIds = ids(await user.call('res.partner', 'search', [[]], { order: 'id' }));
  return { user, login, password, partnerIds, categoryIds, countryIds, helpdesk };
}
