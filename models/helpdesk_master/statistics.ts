// The statistics screen of requests: a graph view (dimensions the person may group by, and
// the mean time from filing to closing), its window action and its menu entry.
import { ref, type DataRecord } from '../../src/orm/define';

const REQUEST_GRAPH = `
<graph string="Estadísticas de solicitudes" type="bar">
  <field name="state" type="row"/>
  <field name="category" type="row"/>
  <field name="company_id" type="row"/>
  <field name="date" type="row" interval="month"/>
  <field name="date_closed" type="duration" from="date"/>
</graph>`;

export const STATISTICS_RECORDS: DataRecord[] = [
  {
    id: 'view_helpdesk_request_graph', model: 'ir.ui.view',
    values: { name: 'helpdesk.request.graph', model: 'helpdesk.request', type: 'graph', arch: REQUEST_GRAPH.trim(), priority: 16 },
  },
  {
    id: 'action_helpdesk_request_statistics', model: 'ir.actions.act_window',
    values: {
      name: 'Estadísticas', res_model: 'helpdesk.request', view_type: 'form', view_mode: 'graph',
      view_id: ref('helpdesk_master.view_helpdesk_request_graph'),
    },
  },
  {
    id: 'menu_helpdesk_statistics', model: 'ir.ui.menu',
    values: {
      name: 'Estadísticas', sequence: 60, parent_id: ref('helpdesk_master.menu_helpdesk_root'),
      action: ref('helpdesk_master.action_helpdesk_request_statistics'),
    },
  },
];
