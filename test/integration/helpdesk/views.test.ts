// What view-driven clients get: the "Centro de soporte" menu per role, the window actions, and
// form views with the manual's tabs whose workflow buttons match the user's groups.
import { BACKENDS } from '../../support/backends';
import { helpdeskDbForSuite, type Role, type Tx } from './support';

interface View { arch: string; fields: Record<string, unknown>; view_id: number; name: string }

const view = async (t: Tx, who: Role, model: string, type: string) =>
  (await t.call(who, model, 'fields_view_get', [false, type])) as View;
const buttons = (arch: string) => [...arch.matchAll(/<button name="(\w+)"/g)].map((m) => m[1]);

async function menuNames(t: Tx, who: Role): Promise<string[]> {
  const menus = t.env(who).model('ir.ui.menu');
  const [root] = await menus.search([['name', '=', 'Centro de soporte'], ['parent_id', '=', false]]);
  if (!root) return [];
  const children = await menus.searchRead([['parent_id', '=', root]], ['name']);
  return children.map((m) => String(m.name));
}

describe.each(BACKENDS)('helpdesk views and menus on %s', (backend) => {
  const h = helpdeskDbForSuite(backend);

  it('gives the request form the manual tabs and each role its own workflow buttons', async () => {
    await h.inTransaction(async (t) => {
      const help = await view(t, 'help', 'helpdesk.request', 'form');
      expect(help.view_id).toBe(await t.xmlid('helpdesk_master.view_helpdesk_request_form'));
      for (const tab of ['Incidentes relacionados', 'Problemas', 'Soluciones', 'Comunicación']) {
        expect(help.arch).toContain(`<page string="${tab}">`);
      }
      expect(buttons(help.arch)).toEqual(['notify', 'close', 'cancel', 'reset']);
      expect(buttons((await view(t, 'support', 'helpdesk.request', 'form')).arch))
        .toEqual(['notify', 'review', 'develop', 'test', 'close', 'cancel', 'reset']);
      expect(Object.keys(help.fields)).toEqual(expect.arrayContaining(['state', 'problem_ids', 'related_request_ids', 'solution_ids']));
    });
  });

  it('gives solutions their Incidentes and Comunicación tabs, and problems their close button', async () => {
    await h.inTransaction(async (t) => {
      const solution = await view(t, 'help', 'helpdesk.solution', 'form');
      expect(solution.arch).toContain('<page string="Incidentes">');
      expect(solution.arch).toContain('<page string="Comunicación">');
      expect(Object.keys(solution.fields)).toEqual(expect.arrayContaining(['partner_id', 'notify_partner', 'request_ids']));
      expect(buttons((await view(t, 'help', 'helpdesk.problem', 'form')).arch)).toEqual([]);
      expect(buttons((await view(t, 'support', 'helpdesk.problem', 'form')).arch)).toEqual(['close']);
    });
  });

  it('hides the salary from the resource form of everyone but managers', async () => {
    await h.inTransaction(async (t) => {
      expect((await view(t, 'support', 'helpdesk.resource', 'form')).arch).not.toContain('name="salary"');
      expect((await view(t, 'manager', 'helpdesk.resource', 'form')).arch).toContain('name="salary"');
    });
  });

  it('lets managers enter a peer server password in the form, masked and never filled in', async () => {
    await h.inTransaction(async (t) => {
      await t.env('manager').model('helpdesk.server').create({
        company_id: h.mainCompany, code: 'VIEW', url: 'http://peer.example', database: 'peer', login: 'center', password: 'pw-VIEW',
      });
      const form = await view(t, 'manager', 'helpdesk.server', 'form');
      expect(form.arch).toContain('<field name="password" password="True"/>');
      expect(form.fields.password).toMatchObject({ type: 'char', password: true, required: true });
      expect(form.fields.password).not.toHaveProperty('readonly');
      expect(JSON.stringify(form)).not.toContain('pw-VIEW');
    });
  });

  it('lists every screen under Centro de soporte, configuration for managers only', async () => {
    await h.inTransaction(async (t) => {
      const screens = ['Solicitudes', 'Problemas', 'Tareas', 'Recursos', 'Soluciones', 'Estadísticas'];
      expect(await menuNames(t, 'help')).toEqual(screens);
      expect(await menuNames(t, 'support')).toEqual(screens);
      expect(await menuNames(t, 'manager')).toEqual([...screens, 'Configuración']);
      expect(await menuNames(t, 'nobody')).toEqual([]);
    });
  });

  it('hides a menu whose action opens a model the user may not read, even without groups', async () => {
    await h.inTransaction(async (t) => {
      const su = t.su();
      const action = (model: string) => su.model('ir.actions.act_window').create({ name: model, res_model: model });
      const problems = await action('helpdesk.problem');
      const partners = await action('res.partner');
      const menus = su.model('ir.ui.menu');
      const root = await menus.create({ name: 'Atajos', sequence: 99 });
      const toProblems = await menus.create({ name: 'Problemas', parent_id: root, action: `ir.actions.act_window,${problems}` });
      const viaActions = await menus.create({ name: 'Problemas (2)', parent_id: root, action: `ir.actions.actions,${problems}` });
      const toPartners = await menus.create({ name: 'Contactos', parent_id: root, action: `ir.actions.act_window,${partners}` });
      const under = async (who: Role) => t.env(who).model('ir.ui.menu').search([['parent_id', '=', root]]);
      expect(await under('help')).toEqual([toProblems, viaActions, toPartners]);
      // An employee outside the helpdesk reads partners but no problem.
      expect(await under('nobody')).toEqual([toPartners]);
      expect(await t.env('nobody').model('ir.ui.menu').read([toProblems, viaActions, root], ['name'])).toEqual([{ id: root, name: 'Atajos' }]);
      expect(await menuNames(t, 'nobody')).toEqual([]);
    });
  });

  it('opens each screen on its model through a window action', async () => {
    await h.inTransaction(async (t) => {
      const [menu] = await t.su().model('ir.ui.menu').read([await t.xmlid('helpdesk_master.menu_helpdesk_request')], ['action']);
      const action = await t.xmlid('helpdesk_master.action_helpdesk_request');
      expect(menu.action).toBe(`ir.actions.act_window,${action}`);
      const [row] = await t.env('help').model('ir.actions.act_window').read([action], ['res_model', 'view_mode']);
      expect(row).toMatchObject({ res_model: 'helpdesk.request', view_mode: 'tree,form' });
    });
  });
});
