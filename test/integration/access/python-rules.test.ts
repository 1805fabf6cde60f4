// Record rules written as 7.0 scripts write them, with domain_force as Python text: they read back
// as written, hide from a user exactly what their JSON twins hide, and a domain that cannot be
// read (or names what no user has) is refused when written, leaving the rules as they were.
import { ValidationError } from '../../../src/errors';
import { BACKENDS } from '../../support/backends';
import { makeUser, openBaseDb, type BaseDb } from '../base/support';

describe.each(BACKENDS)('record rules written in Python on %s', (backend) => {
  let base: BaseDb;
  let employee: number;
  let manager: number;
  let otherCompany: number;
  const rules: number[] = [];

  const modelId = async (model: string): Promise<number> =>
    (await base.env(1).model('ir.model').search([['model', '=', model]]))[0];
  const addRule = async (name: string, domain: string, model = 'res.partner.category'): Promise<number> => {
    const id = await base.env(1).model('ir.rule').create({ name, model_id: await modelId(model), domain_force: domain });
    rules.push(id);
    return id;
  };
  const names = async (uid: number, model: string, domain: unknown[] = []): Promise<string[]> => {
    const m = base.env(uid).model(model);
    return (await m.read(await m.search(domain), ['name'])).map((r) => String(r.name)).sort();
  };
  /** What employee and manager see of the tags under `domain` alone. */
  const seenUnder = async (domain: string, model = 'res.partner.category', filter: unknown[] = []) => {
    const id = await addRule(`rule ${rules.length}`, domain, model);
    try {
      return { employee: await names(employee, model, filter), manager: await names(manager, model, filter) };
    } finally {
      await base.env(1).model('ir.rule').unlink([id]);
      rules.splice(rules.indexOf(id), 1);
    }
  };

  beforeAll(async () => {
    base = await openBaseDb(backend);
    employee = await makeUser(base, 'employee', ['base.group_user']);
    manager = await makeUser(base, 'manager', ['base.group_user', 'base.group_partner_manager']);
    const su = base.env(1);
    for (const name of ['A1', 'A2', 'B1']) await su.model('res.partner.category').create({ name });
    await base.env(manager).model('res.partner.category').create({ name: 'M1' });
    const coPartner = await su.model('res.partner').create({ name: 'Other Co' });
    otherCompany = await su.model('res.company').create({ name: 'Other Co', partner_id: coPartner });
    const [mainCompany] = await su.model('res.company').search([['id', '!=', otherCompany]]);
    await su.model('res.partner').create({ name: 'PyRule home', company_id: mainCompany });
    await su.model('res.partner').create({ name: 'PyRule away', company_id: otherCompany });
  });
  afterEach(async () => {
    await base.env(1).model('ir.rule').unlink(rules.splice(0));
  });
  afterAll(async () => { await base?.destroy(); });

  it('reads back the Python text exactly as written', async () => {
    const text = "['|',('name','like','A'),\n ('create_uid','=',user.id)]";
    const id = await addRule('as written', text);
    const [row] = await base.env(1).model('ir.rule').read([id], ['domain_force']);
    expect(row.domain_force).toBe(text);
    // and what was read back can be written again
    await expect(base.env(1).model('ir.rule').write([id], { domain_force: row.domain_force })).resolves.toBe(true);
  });

  it.each([
    ["[('create_uid','=',user.id)]", [['create_uid', '=', { $user: 'id' }]], { employee: [], manager: ['M1'] }],
    ["['|',('name','like','A'),('name','=',u'B1')]", ['|', ['name', 'like', 'A'], ['name', '=', 'B1']], { employee: ['A1', 'A2', 'B1'], manager: ['A1', 'A2', 'B1'] }],
    ["[('name','in',('A1','M1'))]", [['name', 'in', ['A1', 'M1']]], { employee: ['A1', 'M1'], manager: ['A1', 'M1'] }],
    ['[(1,\'=\',1)]', [[1, '=', 1]], { employee: ['A1', 'A2', 'B1', 'M1'], manager: ['A1', 'A2', 'B1', 'M1'] }],
    // this year's first instant: everything was created after it
    ["[('create_date','<',time.strftime('%Y-01-01 00:00:00'))]", [['create_date', '<', { $time: '%Y-01-01 00:00:00' }]], { employee: [], manager: [] }],
    ["[('create_date','>=',time.strftime('%Y-01-01 00:00:00'))]", [['create_date', '>=', { $time: '%Y-01-01 00:00:00' }]], { employee: ['A1', 'A2', 'B1', 'M1'], manager: ['A1', 'A2', 'B1', 'M1'] }],
  ])('hides what its JSON twin hides: %s', async (py, json, expected) => {
    const byPython = await seenUnder(py);
    expect(byPython).toEqual(expected);
    expect(await seenUnder(JSON.stringify(json))).toEqual(byPython);
  });

  it("resolves user.company_id.id and user.partner_id.id for the calling user", async () => {
    const py = "['|',('company_id','child_of',[user.company_id.id]),('id','=',user.partner_id.id)]";
    const json = ['|', ['company_id', 'child_of', [{ $user: 'company_id' }]], ['id', '=', { $user: 'partner_id' }]];
    const filter = ['|', ['name', 'like', 'PyRule'], ['name', 'in', ['employee', 'manager']]];
    const byPython = await seenUnder(py, 'res.partner', filter);
    expect(byPython.employee).toContain('PyRule home');
    expect(byPython.employee).toContain('employee');
    expect(byPython.employee).not.toContain('PyRule away');
    expect(await seenUnder(JSON.stringify(json), 'res.partner', filter)).toEqual(byPython);
    // with the user moved to the other company, the same text follows the user
    const [row] = await base.env(1).model('res.users').read([employee], ['company_id']);
    await base.db.knex('res_users').where('id', employee).update({ company_id: otherCompany });
    try {
      const moved = await seenUnder(py, 'res.partner', filter);
      expect(moved.employee).toContain('PyRule away');
      expect(moved.employee).not.toContain('PyRule home');
    } finally {
      await base.db.knex('res_users').where('id', employee).update({ company_id: (row.company_id as [number, string])[0] });
    }
  });

  it.each([
    ["[('name','=',eval('1'))]", /unknown name "eval"/],
    ["[('name','=',__import__('os').getcwd())]", /unknown name "__import__"/],
    ["[('create_uid','=',user.nope.id)]", /the user has no field "nope"/],
    ["[('name','=',user.login.id)]", /user.login is not a relation/],
    ["[('name','=',user.password)]", /user.password cannot be used/],
    ["[('name','=','open)]", /unterminated string/],
    ["[('name','=')]", /Invalid leaf/],
  ])('refuses %s at write, leaving the rules unchanged', async (bad, why) => {
    const before = await base.db.knex('ir_rule').count<{ n: number | string }[]>('id as n');
    const err = await addRule('bad rule', bad).catch((e) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect(err.message).toContain('The record rule "bad rule" has an invalid domain');
    expect(err.message).toMatch(why);
    expect(err.message).toContain(`Domain: ${bad}`);
    expect(await base.db.knex('ir_rule').count<{ n: number | string }[]>('id as n')).toEqual(before);

    const good = await addRule('good rule', "[('name','like','A')]");
    await expect(base.env(1).model('ir.rule').write([good], { domain_force: bad })).rejects.toThrow(ValidationError);
    const [row] = await base.env(1).model('ir.rule').read([good], ['domain_force']);
    expect(row.domain_force).toBe("[('name','like','A')]");
    expect(await names(employee, 'res.partner.category')).toEqual(['A1', 'A2']);
  });
});
