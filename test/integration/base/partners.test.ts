// Partners and companies as clients see them: a contact of a company is named "Company, Contact",
// a website typed without a scheme reads back with http://, tags use 7.0's relation table, and a
// company created without a partner gets one.
import { COMPAT_ODOO } from '../../../src/orm/env-types';
import { callModelMethod } from '../../../src/orm/call-method';
import { BACKENDS } from '../../support/backends';
import { openBaseDb, type BaseDb } from './support';

describe.each(BACKENDS)('partners on %s', (backend) => {
  let base: BaseDb;
  beforeAll(async () => { base = await openBaseDb(backend); });
  afterAll(async () => { await base?.destroy(); });

  it('names a contact of a company "Company, Contact"', async () => {
    const su = base.env(1);
    const acme = await su.model('res.partner').create({ name: 'Acme', is_company: true });
    const joe = await su.model('res.partner').create({ name: 'Joe', parent_id: acme, function: 'Buyer' });
    expect(await callModelMethod(su, 'res.partner', 'name_get', [[joe, acme]])).toEqual([[joe, 'Acme, Joe'], [acme, 'Acme']]);
    const [row] = await su.model('res.partner').read([joe], ['display_name', 'parent_id']);
    expect(row).toEqual({ id: joe, display_name: 'Acme, Joe', parent_id: [acme, 'Acme'] });
    const [parent] = await su.model('res.partner').read([acme], ['child_ids']);
    expect(parent.child_ids).toEqual([joe]);
    // A many2one pointing at the contact shows the same name.
    const uid = await su.model('res.users').create({ login: 'joe', partner_id: joe });
    expect((await su.model('res.users').read([uid], ['partner_id']))[0].partner_id).toEqual([joe, 'Acme, Joe']);
  });

  it('finds a contact by its name, its email or its company\'s name in name_search (7.0)', async () => {
    const su = base.env(1);
    const company = await su.model('res.partner').create({ name: 'Zylofon Ltd', is_company: true });
    const ann = await su.model('res.partner').create({ name: 'Ann', parent_id: company, email: 'ann@quarkmail.test' });
    const other = await su.model('res.partner').create({ name: 'Bob Zylofonsky' });
    const byCompany = await callModelMethod(su, 'res.partner', 'name_search', ['Zylofon'], { limit: 10 });
    expect(byCompany).toEqual([[ann, 'Zylofon Ltd, Ann'], [other, 'Bob Zylofonsky'], [company, 'Zylofon Ltd']]);
    expect(await callModelMethod(su, 'res.partner', 'name_search', ['quarkmail'])).toEqual([[ann, 'Zylofon Ltd, Ann']]);
    // A negative operator keeps only partners matching on none of the paths.
    const notZ = (await callModelMethod(su, 'res.partner', 'name_search', ['Zylofon', [['id', 'in', [company, ann, other]]], 'not ilike'])) as unknown[];
    expect(notZ).toEqual([]);
  });

  it('reads a website typed without a scheme back with http://, as Odoo does', async () => {
    const su = base.env(1);
    const id = await su.model('res.partner').create({ name: 'Web', website: 'example.com' });
    expect((await su.model('res.partner').read([id], ['website']))[0].website).toBe('http://example.com');
    await su.model('res.partner').write([id], { website: 'https://secure.example.com' });
    expect((await su.model('res.partner').read([id], ['website']))[0].website).toBe('https://secure.example.com');
  });

  it('gives Odoo\'s defaults and refuses a bad address type', async () => {
    const su = base.env(1, { compat: COMPAT_ODOO });
    expect(await su.model('res.partner').defaultGet(['type', 'active', 'lang', 'is_company', 'notification_email_send']))
      .toEqual({ type: 'contact', active: true, lang: 'en_US', is_company: false, notification_email_send: 'comment' });
    await expect(su.model('res.partner').create({ name: 'Bad', type: 'bogus' })).rejects.toThrow("Wrong value for res.partner.type: 'bogus'");
  });

  it('links tags through res_partner_res_partner_category_rel', async () => {
    const su = base.env(1);
    const id = await su.model('res.partner').create({ name: 'Tagged', category_id: [[0, 0, { name: 'VIP' }]] });
    const [row] = await su.model('res.partner').read([id], ['category_id']);
    const links = await base.db.knex('res_partner_res_partner_category_rel').where('partner_id', id);
    expect(links.map((l: { category_id: number }) => Number(l.category_id))).toEqual(row.category_id);
    const [tag] = await su.model('res.partner.category').read(row.category_id as number[], ['name', 'partner_ids']);
    expect(tag).toMatchObject({ name: 'VIP', partner_ids: [id] });
  });

  it('finds countries by name and gives them their ISO code', async () => {
    const su = base.env(1);
    const found = await su.model('res.country').nameSearch('Belg');
    expect(found.map(([, name]) => name)).toEqual(['Belgium']);
    expect((await su.model('res.country').read([found[0][0]], ['code']))[0].code).toBe('BE');
    expect(await su.model('res.country').searchCount([])).toBeGreaterThan(240);
  });

  it('creates a partner with a company and renames it with the company', async () => {
    const su = base.env(1);
    const company = await su.model('res.company').create({ name: 'Havana Center', email: 'hc@example.com' });
    const [row] = await su.model('res.company').read([company], ['partner_id']);
    const partnerId = (row.partner_id as [number, string])[0];
    expect((await su.model('res.partner').read([partnerId], ['name', 'is_company', 'company_id', 'email']))[0])
      .toMatchObject({ name: 'Havana Center', is_company: true, company_id: [company, 'Havana Center'], email: 'hc@example.com' });
    await su.model('res.company').write([company], { name: 'Havana Support' });
    expect((await su.model('res.partner').read([partnerId], ['name']))[0].name).toBe('Havana Support');
  });
});
