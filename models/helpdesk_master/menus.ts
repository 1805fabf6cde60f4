// The "Centro de soporte" menu: one window action per screen of the manual (Solicitudes,
// Problemas, Tareas, Recursos, Soluciones, Configuración).
import { ref, type DataRecord } from '../../src/orm/define';

const M = (name: string) => ref(`helpdesk_master.${name}`);

interface Screen { key: string; label: string; model: string; sequence: number; groups?: string[] }

const SCREENS: Screen[] = [
  { key: 'request', label: 'Solicitudes', model: 'helpdesk.request', sequence: 10 },
  { key: 'problem', label: 'Problemas', model: 'helpdesk.problem', sequence: 20 },
  { key: 'task', label: 'Tareas', model: 'helpdesk.task', sequence: 30 },
  { key: 'resource', label: 'Recursos', model: 'helpdesk.resource', sequence: 40 },
  { key: 'solution', label: 'Soluciones', model: 'helpdesk.solution', sequence: 50 },
  { key: 'server', label: 'Configuración', model: 'helpdesk.server', sequence: 90, groups: ['group_manager'] },
];

export const MENU_RECORDS: DataRecord[] = [
  {
    id: 'menu_helpdesk_root', model: 'ir.ui.menu',
    values: { name: 'Centro de soporte', sequence: 15, groups_id: [[6, 0, [M('group_help_center')]]] },
  },
  ...SCREENS.flatMap((s): DataRecord[] => [
    {
      id: `action_helpdesk_${s.key}`, model: 'ir.actions.act_window',
      values: { name: s.label, res_model: s.model, view_type: 'form', view_mode: 'tree,form',
        view_id: M(`view_helpdesk_${s.key}_tree`) },
    },
    {
      id: `menu_helpdesk_${s.key}`, model: 'ir.ui.menu',
      values: {
        name: s.label, sequence: s.sequence, parent_id: M('menu_helpdesk_root'),
        action: M(`action_helpdesk_${s.key}`),
        ...(s.groups ? { groups_id: [[6, 0, s.groups.map(M)]] } : {}),
      },
    },
  ]),
];
