// res.partner's stored complete name ("Company, Contact") as name_search sees it: written on
// create, made again when the partner is renamed, moved to another company, made a company or
// left without one, and when its company is renamed; clients cannot write it themselves.
import { callModelMethod } from '../../../src/orm/call-method';
import { BACKENDS } from '../../support/backends';
import { makeUser, openBaseDb, type BaseDb } from './support';

describe.each(BACKENDS)('the complete name of partners on %s', (backend) => {
  let base: BaseDb;
  let clerk: number;
  beforeAll(async () => {
    base = await openBaseDb(backend);
    clerk = await makeUser(base, 'clerk', ['base.group_user', 'base.group_partner_manager']);
  });
  afterAll(async () => { await base?.destroy(); });

  const partners = () => base.env(1).model('res.partner');
  /** What the column holds, read past the ORM. */
  const stored = async (...ids: number[]) => {
    const rows = await base.db.knex('res_partner').whereIn('id', ids).select('id', 'complete_name') as { id: number; complete_name: string }[];
    return ids.map((id) => rows.find((r) => Number(r.id) === id)?.complete_name);
  };
  /** What a clerk's name_search finds for `term` among `ids`. */
  const found = async (term: string, ids: number[]) => callModelMethod(base.env(clerk), 'res.partner', 'name_search', [term, [['id', 'in', ids]]], { limit: 20 });

  it('is written on create: "Company, Contact" for a contact, the name for the others', async () => {
    const acme = await partners().create({ name: 'Acme Tools', is_company: true });
    const joe = await partners().create({ name: 'Joe', parent_id: acme });
    const solo = await partners().create({ name: 'Solo' });
    const branch = await partners().create({ name: 'Acme South', is_company: true, parent_id: acme });
    // one2many lines are created after their parent, and named after it
    const withLines = await partners().create({ name: 'Lined Co', is_company: true, child_ids: [[0, 0, { name: 'Line' }]] });
    const [line] = (await partners().read([withLines], ['child_ids']))[0].child_ids as number[];
    expect(await stored(joe, solo, branch, acme, line)).toEqual(['Acme Tools, Joe', 'Solo', 'Acme South', 'Acme Tools', 'Lined Co, Line']);
    expect(await partners().read([joe], ['complete_name'])).toEqual([{ id: joe, complete_name: 'Acme Tools, Joe' }]);
    expect(await found('tools, jo', [joe, solo, branch, acme])).toEqual([[joe, 'Acme Tools, Joe']]);
  });

  it('follows a rename, a move to another company, a change to a company and the loss of the company', async () => {
    const acme = await partners().create({ name: 'Acme', is_company: true });
    const globex = await partners().create({ name: 'Globex', is_company: true });
    const joe = await partners().create({ name: 'Joe', parent_id: acme });
    await partners().write([joe], { name: 'Joseph' });
    expect(await stored(joe)).toEqual(['Acme, Joseph']);
    await partners().write([joe], { parent_id: globex });
    expect(await stored(joe)).toEqual(['Globex, Joseph']);
    expect(await found('acme', [joe])).toEqual([]);
    expect(await found('globex, jos', [joe])).toEqual([[joe, 'Globex, Joseph']]);
    await partners().write([joe], { is_company: true });
    expect(await stored(joe)).toEqual(['Joseph']);
    await partners().write([joe], { is_company: false });
    expect(await stored(joe)).toEqual(['Globex, Joseph']);
    await partners().write([joe], { parent_id: false });
    expect(await stored(joe)).toEqual(['Joseph']);
    // a write of other fields leaves it alone
    await partners().write([joe], { city: 'Lima' });
    expect(await stored(joe)).toEqual(['Joseph']);
  });

  it('follows a company\'s rename into each of its contacts, not into their own contacts', async () => {
    const acme = await partners().create({ name: 'Acme', is_company: true });
    const contacts: number[] = [];
    for (let i = 0; i < 5; i++) contacts.push(await partners().create({ name: `Contact ${i}`, parent_id: acme }));
    const kid = await partners().create({ name: 'Kid', parent_id: contacts[0] });
    const other = await partners().create({ name: 'Other', parent_id: await partners().create({ name: 'Other Co', is_company: true }) });
    await partners().write([acme], { name: 'Acme Corporación' });
    expect(await stored(acme, ...contacts)).toEqual(['Acme Corporación', ...contacts.map((_, i) => `Acme Corporación, Contact ${i}`)]);
    expect(await stored(kid, other)).toEqual(['Contact 0, Kid', 'Other Co, Other']);
    expect((await found('CORPORACIÓN, contact', [...contacts, kid, other]) as [number, string][]).map(([id]) => id)).toEqual(contacts);
    expect(await found('acme, contact', contacts)).toEqual([]);
    // the display names agree
    expect(await callModelMethod(base.env(1), 'res.partner', 'name_get', [[contacts[2]]])).toEqual([[contacts[2], 'Acme Corporación, Contact 2']]);
  });

  it('drops the company\'s name when the company is deleted', async () => {
    const gone = await partners().create({ name: 'Gone Inc', is_company: true });
    const left = await partners().create({ name: 'Left', parent_id: gone });
    await partners().unlink([gone]);
    expect(await stored(left)).toEqual(['Left']);
    expect(await found('gone', [left])).toEqual([]);
  });

  it('is made again for a copy, and is not the client\'s to write', async () => {
    const acme = await partners().create({ name: 'Copy Co', is_company: true });
    const joe = await partners().create({ name: 'Joe', parent_id: acme });
    const copy = Number(await callModelMethod(base.env(1), 'res.partner', 'copy', [joe]));
    expect(await stored(copy)).toEqual(['Copy Co, Joe (copy)']);
    await expect(callModelMethod(base.env(clerk), 'res.partner', 'write', [[joe], { complete_name: 'Forged' }]))
      .rejects.toThrow('The field "Complete Name" (complete_name) of Contact (res.partner) is read-only and cannot be written.');
    await expect(callModelMethod(base.env(clerk), 'res.partner', 'create', [{ name: 'Fake', complete_name: 'Forged' }]))
      .rejects.toThrow(/read-only/);
    expect(await stored(joe)).toEqual(['Copy Co, Joe']);
  });
});
