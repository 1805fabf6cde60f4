// Demonstration data: a help center and a support center at work, with requests in every state,
// the problems, tasks and resources behind them, and the solutions that closed them.
import { ref, type DataRecord } from '../../src/orm/define';

const M = (name: string) => ref(`helpdesk_master.${name}`);
const link = (...names: string[]) => [[6, 0, names.map(M)]];

const people: DataRecord[] = [
  { id: 'demo_partner_ana', model: 'res.partner', values: { name: 'Ana Pérez', email: 'ana.perez@example.com' } },
  { id: 'demo_partner_luis', model: 'res.partner', values: { name: 'Luis Gómez', email: 'luis.gomez@example.com' } },
  { id: 'demo_partner_marta', model: 'res.partner', values: { name: 'Marta Díaz', email: 'marta.diaz@example.com' } },
  {
    id: 'demo_user_help', model: 'res.users',
    values: { name: 'Carmen Ruiz (Centro de ayuda)', login: 'ayuda', password: 'ayuda', email: 'ayuda@example.com',
      groups_id: [[4, M('group_help_center')]] },
  },
  {
    id: 'demo_user_support', model: 'res.users',
    values: { name: 'Jorge León (Centro de soporte)', login: 'soporte', password: 'soporte', email: 'soporte@example.com',
      groups_id: [[4, M('group_support_center')]] },
  },
  {
    id: 'demo_user_manager', model: 'res.users',
    values: { name: 'Elena Vidal (Responsable)', login: 'responsable', password: 'responsable',
      email: 'responsable@example.com', groups_id: [[4, M('group_manager')]] },
  },
];

const resources: DataRecord[] = [
  { id: 'demo_resource_analyst', model: 'helpdesk.resource', values: { name: 'Analista de bases de datos', category: 'human', salary: 1450 } },
  { id: 'demo_resource_developer', model: 'helpdesk.resource', values: { name: 'Programador del módulo de facturación', category: 'human', salary: 1300 } },
  { id: 'demo_resource_printer', model: 'helpdesk.resource', values: { name: 'Impresora de reemplazo', category: 'material', cost: 320 } },
  { id: 'demo_resource_licence', model: 'helpdesk.resource', values: { name: 'Licencias de respaldo', category: 'financial', cost: 900 } },
];

const tasks: DataRecord[] = [
  { id: 'demo_task_index', model: 'helpdesk.task', values: { name: 'Crear índices en las tablas de facturas', state: 'done' } },
  { id: 'demo_task_driver', model: 'helpdesk.task', values: { name: 'Instalar el controlador de la impresora', state: 'open' } },
  { id: 'demo_task_guide', model: 'helpdesk.task', values: { name: 'Redactar la guía de cierre de mes', state: 'open' } },
];

const problems: DataRecord[] = [
  {
    id: 'demo_problem_slow_invoices', model: 'helpdesk.problem',
    values: { name: 'Las consultas de facturas no usan índices', request_category: 'technical', category: 'performance',
      task_ids: link('demo_task_index'), resource_ids: link('demo_resource_analyst'), state: 'closed' },
  },
  {
    id: 'demo_problem_printer', model: 'helpdesk.problem',
    values: { name: 'Falta el controlador de la impresora de red', request_category: 'technical', category: 'installation',
      task_ids: link('demo_task_driver'), resource_ids: link('demo_resource_printer') },
  },
  {
    id: 'demo_problem_tax_logic', model: 'helpdesk.problem',
    values: { name: 'El cálculo del impuesto redondea por línea', request_category: 'development', category: 'logic',
      resource_ids: link('demo_resource_developer') },
  },
  {
    id: 'demo_problem_month_end', model: 'helpdesk.problem',
    values: { name: 'No hay documentación del cierre de mes', request_category: 'functional', category: 'documentation',
      task_ids: link('demo_task_guide') },
  },
];

const solutions: DataRecord[] = [
  {
    id: 'demo_solution_indexes', model: 'helpdesk.solution',
    values: { name: 'Índices en facturas', user_id: M('demo_user_support'), date_deadline: '2026-03-31', state: 'closed',
      description: 'Se crearon índices sobre fecha y cliente; el listado de facturas tarda menos de un segundo.',
      partner_id: M('demo_partner_ana'), notify_partner: true },
  },
  {
    id: 'demo_solution_printer', model: 'helpdesk.solution',
    values: { name: 'Reinstalar el controlador de impresión', user_id: M('demo_user_help'), date_deadline: '2026-12-31',
      description: 'Descargar el controlador del fabricante e instalarlo como administrador.' },
  },
  {
    id: 'demo_solution_obsolete', model: 'helpdesk.solution',
    values: { name: 'Cambiar de navegador', user_id: M('demo_user_help'), date_deadline: '2026-06-30', state: 'cancelled' },
  },
];

const request = (id: string, values: Record<string, unknown>): DataRecord => ({
  id, model: 'helpdesk.request', values: { user_id: M('demo_user_help'), ...values },
});

const requests: DataRecord[] = [
  request('demo_request_draft', { subject: 'No se puede adjuntar un PDF a la factura', category: 'functional',
    partner_id: M('demo_partner_luis'), description: 'Al adjuntar un PDF de más de 5 MB aparece un error.' }),
  request('demo_request_notified', { subject: 'La impresora de red no imprime facturas', category: 'technical',
    state: 'notified', partner_id: M('demo_partner_marta'), priority: '2',
    description: 'Desde ayer la impresora de red no imprime las facturas; las demás aplicaciones sí.' }),
  request('demo_request_reviewed', { subject: 'El listado de facturas vuelve a ir lento', category: 'technical',
    state: 'reviewed', partner_id: M('demo_partner_ana'), problem_ids: link('demo_problem_slow_invoices'),
    related_request_ids: link('demo_request_closed'),
    description: 'El listado de facturas de clientes tarda casi un minuto en abrir.' }),
  request('demo_request_development', { subject: 'El impuesto de la factura no coincide con el total', category: 'development',
    state: 'development', partner_id: M('demo_partner_luis'), problem_ids: link('demo_problem_tax_logic'), priority: '3',
    description: 'La suma de los impuestos por línea difiere en céntimos del impuesto total.' }),
  request('demo_request_testing', { subject: 'La impresora imprime caracteres extraños', category: 'technical',
    state: 'testing', partner_id: M('demo_partner_marta'), problem_ids: link('demo_problem_printer'),
    solution_ids: link('demo_solution_printer'), description: 'Las facturas salen con símbolos en lugar de acentos.' }),
  request('demo_request_cancelled', { subject: 'El menú no se ve en el navegador antiguo', category: 'functional',
    state: 'cancelled', partner_id: M('demo_partner_ana'), solution_ids: link('demo_solution_obsolete'),
    description: 'El usuario cambió de equipo; ya no es de interés.' }),
  request('demo_request_closed', { subject: 'El listado de facturas tarda minutos', category: 'technical',
    state: 'closed', date: '2026-03-02 09:15:00', date_closed: '2026-03-20 17:40:00', partner_id: M('demo_partner_ana'),
    problem_ids: link('demo_problem_slow_invoices'), solution_ids: link('demo_solution_indexes'),
    description: 'Abrir el listado de facturas de clientes tarda varios minutos.' }),
  request('demo_request_month_end', { subject: 'No sé cómo hacer el cierre de mes', category: 'functional',
    state: 'notified', partner_id: M('demo_partner_luis'),
    description: 'El usuario nuevo no sabe qué pasos seguir para cerrar el mes contable.' }),
];

// The closed request comes first so that the reviewed one can name it as related.
export const DEMO_RECORDS: DataRecord[] = [
  ...people, ...resources, ...tasks, ...problems, ...solutions,
  ...requests.filter((r) => r.id === 'demo_request_closed'),
  ...requests.filter((r) => r.id !== 'demo_request_closed'),
];
