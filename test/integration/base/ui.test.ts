// What the 6.x/7.0 clients read at login and when a menu opens: the user's menu action, the
// menu tree with full names, ir.values' tree_but_open binding with the full action and its
// views, and groups named "Category / Name".
import { callModelMethod } from '../../../src/orm/call-method';
import { BACKENDS } from '../../support/backends';
import { baseDbWithEmployee } from './support';

describe.each(BACKENDS)('menus, actions and views on %s', (backend) => {
  const base = baseDbWithEmployee(backend);
  const xmlid = async (x: string) => Number(await base.env(1).model('ir.model.data').call('xmlid_to_res_id', { xmlid: x }));

  it('gives the administrator the menu action the GTK client opens at login', async () => {
    const env = base.env(1);
    const menuAction = await xmlid('base.action_menu_admin');
    expect(await callModelMethod(env, 'res.users', 'read', [[1], ['menu_id', 'name']]))
      .toEqual([{ id: 1, menu_id: [menuAction, 'Menu'], name: 'Administrator' }]);
    expect((await env.model('res.users').read([base.employee], ['menu_id']))[0].menu_id).toEqual([menuAction, 'Menu']);
    expect(await callModelMethod(env, 'ir.actions.actions', 'read', [menuAction, ['type']]))
      .toEqual({ id: menuAction, type: 'ir.actions.act_window' });
    const action = (await callModelMethod(env, 'ir.actions.act_window', 'read', [menuAction, false])) as Record<string, unknown>;
    const view = await xmlid('base.view_menu');
    expect(action).toMatchObject({
      res_model: 'ir.ui.menu', view_type: 'tree', view_id: [view, 'ir.ui.menu.tree'],
      domain: "[('parent_id','=',False)]", views: [[view, 'tree']], context: '{}', limit: 80, target: 'current',
    });
    const fvg = (await callModelMethod(env, 'ir.ui.menu', 'fields_view_get', [view, 'tree'])) as Record<string, unknown>;
    expect(fvg).toMatchObject({ field_parent: 'child_id', type: 'tree', model: 'ir.ui.menu' });
    expect(String(fvg.arch)).toContain('name="name"');
  });

  it('names menus by their path and lists their children', async () => {
    const env = base.env(1);
    const users = await xmlid('base.menu_action_res_users');
    const parent = await xmlid('base.menu_users');
    expect(await env.model('ir.ui.menu').nameGet([users])).toEqual([[users, 'Settings/Users/Users']]);
    const [row] = await env.model('ir.ui.menu').read([parent], ['child_id', 'complete_name', 'parent_id']);
    expect(row.complete_name).toBe('Settings/Users');
    expect(row.child_id).toEqual([users, await xmlid('base.menu_action_res_groups'), await xmlid('base.menu_action_res_company_form')]);
  });

  it('reads the base menus in the caller\'s language', async () => {
    const menu = await xmlid('base.menu_partner_form');
    const names = async (lang: string) => (await base.env(base.employee).withContext({ lang }).model('ir.ui.menu')
      .read([menu, await xmlid('base.menu_base_partner')], ['name'])).map((r) => r.name);
    expect(await names('es_ES')).toEqual(['Clientes', 'Contactos']);
    expect(await names('en_US')).toEqual(['Customers', 'Contacts']);
  });

  it('opens a menu through ir.values.get(action, tree_but_open)', async () => {
    const menu = await xmlid('base.menu_partner_form');
    const result = (await callModelMethod(base.env(base.employee), 'ir.values', 'get',
      ['action', 'tree_but_open', [['ir.ui.menu', menu]], false, {}])) as [unknown, string, Record<string, unknown>][];
    expect(result).toHaveLength(1);
    const [, name, action] = result[0];
    expect(name).toBe('Customers');
    expect(action).toMatchObject({
      id: await xmlid('base.action_partner_form'), type: 'ir.actions.act_window', res_model: 'res.partner',
      view_mode: 'tree,form', views: [[false, 'tree'], [false, 'form']],
    });
    expect(await callModelMethod(base.env(base.employee), 'ir.values', 'get', ['action', 'tree_but_open', [['ir.ui.menu', 99999]]]))
      .toEqual([]);
  });

  it('returns bound actions and defaults stored in ir.values', async () => {
    const su = base.env(1);
    const groupsAction = await xmlid('base.action_res_groups');
    await su.model('ir.values').create({ name: 'Groups', model: 'res.users', key: 'action', key2: 'client_action_relate',
      value: `ir.actions.act_window,${groupsAction}` });
    await su.model('ir.values').create({ name: 'tz', model: 'res.partner', key: 'default', value: JSON.stringify('Europe/Madrid') });
    // Bindings of another user, of another record, or of another qualifier are left out.
    const value = `ir.actions.act_window,${groupsAction}`;
    await su.model('ir.values').create({ name: 'Theirs', model: 'res.users', key: 'action', key2: 'client_action_relate', value, user_id: base.employee });
    await su.model('ir.values').create({ name: 'Other user', model: 'res.users', key: 'action', key2: 'client_action_relate', value, res_id: 2 });
    await su.model('ir.values').create({ name: 'Print', model: 'res.users', key: 'action', key2: 'client_print_multi', value });
    const bound = (await callModelMethod(su, 'ir.values', 'get', ['action', 'client_action_relate', [['res.users', 1]]])) as unknown[][];
    expect(bound.map((b) => [b[1], (b[2] as { res_model: string }).res_model])).toEqual([['Groups', 'res.groups']]);
    const defaults = (await callModelMethod(su, 'ir.values', 'get', ['default', false, [['res.partner', false]]])) as unknown[][];
    expect(defaults.map((d) => [d[1], d[2]])).toEqual([['tz', 'Europe/Madrid']]);
  });

  it('gives the session language\'s formats, as the GTK client reads them after login', async () => {
    const env = base.env(base.employee);
    const ids = await callModelMethod(env, 'res.lang', 'search', [[['code', '=', 'es_ES']]]);
    expect(await callModelMethod(env, 'res.lang', 'read', [ids, ['date_format', 'time_format', 'grouping', 'decimal_point', 'thousands_sep', 'direction']]))
      .toEqual([{ id: (ids as number[])[0], date_format: '%d/%m/%Y', time_format: '%H:%M:%S', grouping: '[3,0]',
        decimal_point: ',', thousands_sep: '.', direction: 'ltr' }]);
    expect(await callModelMethod(env, 'res.users', 'get_current_company', [])).toEqual([[1, 'My Company']]);
  });

  it('lists a user\'s own menu shortcuts with get_sc', async () => {
    const menu = await xmlid('base.menu_partner_form');
    const settingsMenu = await xmlid('base.menu_administration');
    const env = base.env(base.employee);
    await env.model('ir.ui.view_sc').create({ name: 'Customers', res_id: menu, user_id: base.employee });
    // A shortcut to a menu the user cannot see is left out.
    await env.model('ir.ui.view_sc').create({ name: 'Settings', res_id: settingsMenu, user_id: base.employee });
    await base.env(1).model('ir.ui.view_sc').create({ name: 'Admin only', res_id: menu, user_id: 1 });
    const got = (await callModelMethod(env, 'ir.ui.view_sc', 'get_sc', [base.employee, 'ir.ui.menu', {}])) as Record<string, unknown>[];
    expect(got.map((g) => [g.res_id, g.name])).toEqual([[menu, 'Contacts/Customers']]);
    expect(await callModelMethod(env, 'ir.ui.view_sc', 'get_sc', [1, 'ir.ui.menu'])).toEqual([]);
  });

  it('names groups "Category / Name"', async () => {
    const env = base.env(base.employee);
    const system = await xmlid('base.group_system');
    expect(await env.model('res.groups').nameGet([system])).toEqual([[system, 'Administration / Settings']]);
    const [row] = await env.model('res.groups').read([system], ['full_name', 'implied_ids', 'category_id']);
    expect(row).toMatchObject({ full_name: 'Administration / Settings', implied_ids: [await xmlid('base.group_erp_manager')] });
  });
});
