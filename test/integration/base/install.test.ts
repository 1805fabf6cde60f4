// Installing the base module on a new database: the administrator as uid 1 with a hashed
// password, reflected models and fields, installed modules, groups; upgrades that restore module
// data but leave noupdate data alone; demo data only when asked; all or nothing.
import { CallError } from '../../../src/errors';
import { defineModule, ref } from '../../../src/orm/define';
import { createEnv } from '../../../src/orm/env';
import { installModules } from '../../../src/orm/data-loader';
import { verifyPassword } from '../../../src/orm/password';
import { migrate } from '../../../src/db/migrate';
import { BACKENDS, createScratchDb } from '../../support/backends';
import { baseRegistry, openBaseDb, ADMIN_PASSWORD, type BaseDb } from './support';

/** A module that adds a partner, a demo partner, and a group to the administrator. */
const extra = defineModule({
  name: 'test_extra', depends: ['base'],
  data: [
    { id: 'group_extra', model: 'res.groups', values: { name: 'Extra' } },
    { id: 'base.user_root', model: 'res.users', values: { groups_id: [[4, ref('test_extra.group_extra')]] } },
    { id: 'partner_kept', model: 'res.partner', noupdate: true, values: { name: 'Kept' } },
  ],
  demo: [{ id: 'partner_demo', model: 'res.partner', values: { name: 'Demo Partner', website: 'demo.example.com' } }],
});

describe.each(BACKENDS)('base module installed on %s', (backend) => {
  let base: BaseDb;
  beforeAll(async () => { base = await openBaseDb(backend, { modules: [extra], lang: 'es_ES' }); });
  afterAll(async () => { await base?.destroy(); });

  it('makes the administrator uid 1, login admin, with a hashed password and the asked language', async () => {
    const row = await base.db.knex('res_users').where('id', 1).first();
    expect(row.login).toBe('admin');
    expect(row.password).toMatch(/^\$pbkdf2-sha512\$1000\$/);
    expect(await verifyPassword(ADMIN_PASSWORD, row.password)).toBe(true);
    const [admin] = await base.env(1).model('res.users').read([1], ['name', 'company_id', 'password', 'lang']);
    expect(admin).toEqual({ id: 1, name: 'Administrator', company_id: [1, 'My Company'], password: false, lang: 'es_ES' });
    expect(await base.env(1).userGroups()).toEqual(new Set([
      'base.group_user', 'base.group_system', 'base.group_erp_manager', 'base.group_partner_manager',
      'base.group_no_one', 'test_extra.group_extra',
    ]));
  });

  it('reflects every model and field of the registry', async () => {
    const env = base.env(1);
    const [partner] = await env.model('ir.model').searchRead([['model', '=', 'res.partner']], ['name', 'modules', 'field_id']);
    expect(partner).toMatchObject({ name: 'Contact', modules: 'base' });
    expect((partner.field_id as number[]).length).toBe(Object.keys(base.registry.model('res.partner').fields).length);
    const [field] = await env.model('ir.model.fields').searchRead(
      [['model', '=', 'res.partner'], ['name', '=', 'category_id']],
      ['ttype', 'relation', 'relation_table', 'column1', 'column2', 'field_description'],
    );
    expect(field).toMatchObject({ ttype: 'many2many', relation: 'res.partner.category',
      relation_table: 'res_partner_res_partner_category_rel', column1: 'partner_id', column2: 'category_id', field_description: 'Tags' });
    expect(await env.model('ir.model').searchCount([])).toBe(base.registry.models.size);
  });

  it('gives every base model access rights', async () => {
    const rows: { model: string }[] = await base.db.knex('ir_model as m')
      .join('ir_model_access as a', 'a.model_id', 'm.id').distinct('m.model');
    const covered = new Set(rows.map((r) => r.model));
    const missing = [...base.registry.models.values()].filter((m) => m.module === 'base' && !covered.has(m.name));
    expect(missing.map((m) => m.name)).toEqual([]);
  });

  it('lists the installed modules with their dependencies', async () => {
    const env = base.env(1);
    const mods = await env.model('ir.module.module').searchRead([], ['name', 'state', 'latest_version', 'dependencies_id']);
    expect(mods.map((m) => [m.name, m.state])).toEqual([['base', 'installed'], ['test_extra', 'installed']]);
    const deps = await env.model('ir.module.module.dependency').read(mods[1].dependencies_id as number[], ['name']);
    expect(deps.map((d) => d.name)).toEqual(['base']);
    await expect(env.model('ir.module.module').write([mods[0].id as number], { state: 'uninstalled' })).rejects.toThrow('read-only');
  });

  it('leaves demo data out unless asked', async () => {
    expect(await base.env(1).model('res.partner').search([['name', '=', 'Demo Partner']])).toEqual([]);
  });

  it('restores module data on a full upgrade but leaves noupdate data and the password alone', async () => {
    const su = base.env(1);
    const employee = Number(await su.model('ir.model.data').call('xmlid_to_res_id', { xmlid: 'base.group_user' }));
    const kept = Number(await su.model('ir.model.data').call('xmlid_to_res_id', { xmlid: 'test_extra.partner_kept' }));
    const acl = Number(await su.model('ir.model.data').call('xmlid_to_res_id', { xmlid: 'base.access_res_partner_user' }));
    const before = await base.db.knex('ir_model_data').count({ n: '*' }).first();
    await su.model('res.groups').write([employee], { name: 'Staff' });
    await su.model('res.partner').write([kept], { name: 'Kept, edited' });
    await su.model('res.company').write([1], { name: 'Renamed Company' });
    await su.model('ir.model.access').unlink([acl]);

    // A start with unchanged module data loads nothing again.
    await installModules(base.env(1, { su: true }), base.registry, { adminPassword: 'ignored-on-upgrade' });
    expect((await su.model('res.groups').read([employee], ['name']))[0].name).toBe('Staff');
    await installModules(base.env(1, { su: true }), base.registry, { update: 'all' });

    expect((await su.model('res.groups').read([employee], ['name']))[0].name).toBe('Employee');
    expect((await su.model('res.partner').read([kept], ['name']))[0].name).toBe('Kept, edited');
    expect((await su.model('res.company').read([1], ['name']))[0].name).toBe('Renamed Company');
    const recreated = Number(await su.model('ir.model.data').call('xmlid_to_res_id', { xmlid: 'base.access_res_partner_user' }));
    expect(recreated).not.toBe(acl);
    expect(await su.model('ir.model.access').exists([recreated])).toEqual([recreated]);
    expect((await base.db.knex('ir_model_data').count({ n: '*' }).first())!.n).toEqual(before!.n);
    expect(await verifyPassword(ADMIN_PASSWORD, (await base.db.knex('res_users').where('id', 1).first()).password)).toBe(true);
  });
});

describe.each(BACKENDS)('installing with demo data, or failing, on %s', (backend) => {
  it('loads demo records when asked, and takes the administrator\'s login', async () => {
    const base = await openBaseDb(backend, { modules: [extra], demo: true, adminLogin: 'boss' });
    try {
      expect((await base.db.knex('res_users').where('id', 1).first()).login).toBe('boss');
      const rows = await base.env(1).model('res.partner').searchRead([['name', '=', 'Demo Partner']], ['website']);
      expect(rows.map((r) => r.website)).toEqual(['http://demo.example.com']);
    } finally {
      await base.destroy();
    }
  });

  it('loads a module\'s data again on start when it has changed', async () => {
    const base = await openBaseDb(backend, { modules: [extra] });
    try {
      const changed = defineModule({ ...extra, data: [
        { id: 'group_extra', model: 'res.groups', values: { name: 'Extra, renamed' } }, ...extra.data!.slice(1),
      ] });
      const registry = baseRegistry([changed]);
      await installModules(base.env(1, { su: true }), registry, {});
      const rows = await base.env(1).model('res.groups').searchRead([['name', 'like', 'Extra']], ['name']);
      expect(rows.map((r) => r.name)).toEqual(['Extra, renamed']);
    } finally {
      await base.destroy();
    }
  });

  it('installs nothing when a module\'s data is wrong', async () => {
    const broken = defineModule({
      name: 'test_broken', depends: ['base'],
      data: [{ id: 'bad', model: 'res.partner', values: { name: 'Bad', country_id: ref('base.no_such_country') } }],
    });
    const db = await createScratchDb(backend);
    try {
      await migrate(db.knex, backend);
      const registry = baseRegistry([broken]);
      const env = createEnv({ cr: db.knex, uid: 1, su: true, registry, dbName: db.name });
      const err = await installModules(env, registry, { adminPassword: 'x' }).catch((e) => e);
      expect(err).toBeInstanceOf(CallError);
      expect(err.message).toBe('External ID not found in the system: base.no_such_country');
      expect(await db.knex('res_users').count({ n: '*' }).first()).toEqual({ n: backend === 'pg' ? '0' : 0 });
      expect(await db.knex('ir_module_module')).toEqual([]);
    } finally {
      await db.destroy();
    }
  });
});
