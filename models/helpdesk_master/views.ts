// Form, tree and search views of the support center, with the manual's tabs and the workflow
// buttons: each shows in the states and to the groups its workflow allows, read from the workflow.
import { ValidationError } from '../../src/errors';
import type { DataRecord } from '../../src/orm/define';
import type { WorkflowDef } from '../../src/workflow/define';
import requestWorkflow from './helpdesk_request.workflow';
import problemWorkflow from './helpdesk_problem.workflow';
import solutionWorkflow from './helpdesk_solution.workflow';

const view = (id: string, model: string, type: string, arch: string): DataRecord => ({
  id, model: 'ir.ui.view', values: { name: `${model}.${type}`, model, type, arch: arch.trim(), priority: 16 },
});

/** The button of a signal: the states it leaves from and the groups that may send it, as the
 * workflow says (no groups: everyone may). */
export function workflowButton(wf: WorkflowDef, signal: string, label: string, highlight = false): string {
  const moves = wf.transitions.filter((t) => t.signal === signal);
  if (!moves.length) throw new ValidationError(`${wf.model} has no signal ${signal}`);
  const states = [...new Set(moves.flatMap((t) => t.from))];
  const groups = moves.some((t) => !t.groups.length) ? [] : [...new Set(moves.flatMap((t) => t.groups))];
  return `<button name="${signal}" string="${label}" type="workflow" states="${states.join(',')}"`
    + `${groups.length ? ` groups="${groups.join(',')}"` : ''}${highlight ? ' class="oe_highlight"' : ''}/>`;
}

const button = (signal: string, label: string, highlight = false) => workflowButton(requestWorkflow, signal, label, highlight);

const REQUEST_FORM = `
<form string="Solicitud de servicio" version="7.0">
  <header>
    ${button('notify', 'Notificar', true)}
    ${button('review', 'Revisar', true)}
    ${button('develop', 'Desarrollo')}
    ${button('test', 'Prueba')}
    ${button('close', 'Cerrar')}
    ${button('cancel', 'Cancelar')}
    ${button('reset', 'Volver a borrador')}
    <field name="state" widget="statusbar" statusbar_visible="draft,notified,reviewed,development,testing,closed"/>
  </header>
  <sheet>
    <h1><field name="name"/></h1>
    <group>
      <group><field name="subject"/><field name="category"/><field name="priority"/><field name="partner_id"/></group>
      <group><field name="date"/><field name="date_closed"/><field name="user_id"/><field name="company_id"/></group>
    </group>
    <field name="description" placeholder="Descripción del incidente"/>
    <notebook>
      <page string="Incidentes relacionados">
        <field name="related_request_ids" options="{'suggest': 'suggest_related'}"><tree><field name="name"/><field name="subject"/><field name="category"/><field name="state"/></tree></field>
      </page>
      <page string="Problemas">
        <field name="problem_ids" attrs="{'readonly': [('state', '!=', 'reviewed')]}">
          <tree><field name="name"/><field name="request_category"/><field name="category"/><field name="state"/></tree>
        </field>
      </page>
      <page string="Soluciones">
        <field name="solution_ids"><tree><field name="name"/><field name="user_id"/><field name="date_deadline"/><field name="state"/></tree></field>
      </page>
      <page string="Comunicación">
        <group>
          <group><field name="support_server_id"/><field name="remote_ref"/></group>
          <group><field name="origin_server_id"/><field name="origin_ref"/></group>
        </group>
      </page>
    </notebook>
  </sheet>
</form>`;

const REQUEST_TREE = `
<tree string="Solicitudes de servicio" colors="grey:state in ('cancelled','closed');blue:state=='draft'">
  <field name="name"/><field name="subject"/><field name="category"/><field name="priority"/>
  <field name="partner_id"/><field name="user_id"/><field name="date"/><field name="state"/>
</tree>`;

const REQUEST_SEARCH = `
<search string="Solicitudes de servicio">
  <field name="name"/><field name="subject"/><field name="partner_id"/><field name="user_id"/>
  <filter string="Abiertas" name="open" domain="[('state', 'not in', ('closed', 'cancelled'))]"/>
  <filter string="Notificadas" name="notified" domain="[('state', '=', 'notified')]"/>
  <filter string="Cerradas" name="closed" domain="[('state', '=', 'closed')]"/>
  <group expand="0" string="Agrupar por">
    <filter string="Estado" context="{'group_by': 'state'}"/>
    <filter string="Categoría" context="{'group_by': 'category'}"/>
  </group>
</search>`;

const PROBLEM_FORM = `
<form string="Problema" version="7.0">
  <header>
    ${workflowButton(problemWorkflow, 'close', 'Cerrar', true)}
    <field name="state" widget="statusbar"/>
  </header>
  <sheet>
    <group>
      <group><field name="date"/><field name="request_category" on_change="onchange_request_category(request_category, category)"/><field name="category"/></group>
    </group>
    <field name="name" placeholder="Descripción del problema"/>
    <notebook>
      <page string="Tareas"><field name="task_ids"/></page>
      <page string="Recursos"><field name="resource_ids"/></page>
      <page string="Solicitudes"><field name="request_ids"/></page>
    </notebook>
  </sheet>
</form>`;

const SOLUTION_FORM = `
<form string="Solución" version="7.0">
  <header>
    ${workflowButton(solutionWorkflow, 'close', 'Cerrar', true)}
    ${workflowButton(solutionWorkflow, 'cancel', 'Cancelar')}
    ${workflowButton(solutionWorkflow, 'reset', 'Volver a borrador')}
    <field name="state" widget="statusbar" statusbar_visible="draft,closed"/>
  </header>
  <sheet>
    <group>
      <group><field name="name"/><field name="user_id"/></group>
      <group><field name="date"/><field name="date_deadline"/></group>
    </group>
    <field name="description" placeholder="Descripción de la solución, para reutilizarla"/>
    <notebook>
      <page string="Incidentes"><field name="request_ids"/></page>
      <page string="Comunicación"><group><field name="partner_id"/><field name="notify_partner"/></group></page>
    </notebook>
  </sheet>
</form>`;

export const VIEW_RECORDS: DataRecord[] = [
  view('view_helpdesk_request_form', 'helpdesk.request', 'form', REQUEST_FORM),
  view('view_helpdesk_request_tree', 'helpdesk.request', 'tree', REQUEST_TREE),
  view('view_helpdesk_request_search', 'helpdesk.request', 'search', REQUEST_SEARCH),
  view('view_helpdesk_problem_form', 'helpdesk.problem', 'form', PROBLEM_FORM),
  view('view_helpdesk_problem_tree', 'helpdesk.problem', 'tree', `
<tree string="Problemas"><field name="name"/><field name="date"/><field name="request_category"/><field name="category"/><field name="state"/></tree>`),
  view('view_helpdesk_task_form', 'helpdesk.task', 'form', `
<form string="Tarea" version="7.0"><sheet><group><field name="name"/><field name="state"/></group>
  <notebook><page string="Problemas"><field name="problem_ids"/></page></notebook></sheet></form>`),
  view('view_helpdesk_task_tree', 'helpdesk.task', 'tree', `
<tree string="Tareas"><field name="name"/><field name="state"/></tree>`),
  view('view_helpdesk_resource_form', 'helpdesk.resource', 'form', `
<form string="Recurso" version="7.0"><sheet><group>
  <field name="name"/><field name="category"/>
  <field name="salary" attrs="{'invisible': [('category', '!=', 'human')], 'required': [('category', '=', 'human')]}"/>
  <field name="cost" attrs="{'invisible': [('category', '=', 'human')], 'required': [('category', '!=', 'human')]}"/>
</group><notebook><page string="Problemas"><field name="problem_ids"/></page></notebook></sheet></form>`),
  view('view_helpdesk_resource_tree', 'helpdesk.resource', 'tree', `
<tree string="Recursos"><field name="name"/><field name="category"/><field name="cost"/></tree>`),
  view('view_helpdesk_solution_form', 'helpdesk.solution', 'form', SOLUTION_FORM),
  view('view_helpdesk_solution_tree', 'helpdesk.solution', 'tree', `
<tree string="Soluciones" colors="grey:state=='cancelled'"><field name="name"/><field name="user_id"/><field name="date"/><field name="date_deadline"/><field name="state"/></tree>`),
  view('view_helpdesk_server_form', 'helpdesk.server', 'form', `
<form string="Configuración" version="7.0"><sheet><group>
  <field name="company_id"/><field name="code"/><field name="url"/><field name="database"/>
  <field name="login"/><field name="password" password="True"/><field name="active"/>
</group></sheet></form>`),
  view('view_helpdesk_server_tree', 'helpdesk.server', 'tree', `
<tree string="Configuraciones"><field name="code"/><field name="company_id"/><field name="url"/><field name="database"/></tree>`),
];
