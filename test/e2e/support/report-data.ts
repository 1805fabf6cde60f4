// The records the report suites print, made over XML-RPC on a demo database as its users would
// make them: a reviewed request with accents, a problem with a task and resources (one with a
// salary), a solution, a message; and a request of another center the help center cannot read.
import { client } from './npm-client';
import type { TestServer } from './server';

export const SUBJECT = '¿Por qué falla la impresión en Peñalolén?';
export const DESCRIPTION = 'El señor Muñoz informó que la impresora térmica no responde después de la actualización.';
export const TASK = 'Reinstalar el controlador de la impresora';
export const PERSON = 'Técnica de guardia Begoña';
export const SALARY = 2500.5;

export interface ReportData {
  uids: Record<'ayuda' | 'soporte' | 'responsable', number>;
  request: number;
  reference: string;
  secondRequest: number;
  otherCenterRequest: number;
  solution: number;
}

export async function seedReportData(t: TestServer): Promise<ReportData> {
  const rpc = client(t.port);
  const uid = (login: string) => rpc.call('/xmlrpc/2/common', 'login', t.db, login, login) as Promise<number>;
  const uids = { ayuda: await uid('ayuda'), soporte: await uid('soporte'), responsable: await uid('responsable') };
  const as = (login: keyof typeof uids | 'admin') => (model: string, method: string, args: unknown[], kw: object = {}) =>
    rpc.call('/xmlrpc/2/object', 'execute_kw', t.db, login === 'admin' ? 1 : uids[login], login === 'admin' ? t.password : login,
      model, method, args, kw);
  const admin = as('admin');
  const signal = (login: keyof typeof uids, id: number, name: string) =>
    rpc.call('/xmlrpc/2/object', 'exec_workflow', t.db, uids[login], login, 'helpdesk.request', name, id);

  const partner = await admin('res.partner', 'create', [{ name: 'Ñandú Logística S.A.' }]) as number;
  const request = await as('ayuda')('helpdesk.request', 'create', [{
    subject: SUBJECT, description: DESCRIPTION, category: 'technical', partner_id: partner, priority: '2',
  }]) as number;
  const secondRequest = await as('ayuda')('helpdesk.request', 'create', [{
    subject: 'Acceso lento al módulo de facturación', category: 'functional',
  }]) as number;
  await signal('ayuda', request, 'notify');
  await signal('soporte', request, 'review');
  const human = await admin('helpdesk.resource', 'create', [{ name: PERSON, category: 'human', salary: SALARY }]) as number;
  const material = await admin('helpdesk.resource', 'create', [{ name: 'Impresora de repuesto', category: 'material', cost: 180 }]) as number;
  const problem = await as('soporte')('helpdesk.problem', 'create', [{
    name: 'Controlador de impresión dañado', request_category: 'technical', category: 'configuration',
    task_ids: [[0, 0, { name: TASK }]], resource_ids: [[6, 0, [human, material]]],
  }]) as number;
  await as('soporte')('helpdesk.request', 'write', [[request], { problem_ids: [[4, problem]] }]);
  const solution = await as('soporte')('helpdesk.solution', 'create', [{
    name: 'Actualizar el controlador térmico', date_deadline: '2030-01-31', partner_id: partner,
    description: 'Instalación del controlador versión 2.1 y prueba de impresión.', request_ids: [[6, 0, [request]]],
  }]) as number;
  await as('ayuda')('helpdesk.request', 'message_post', [request], {
    body: '<p>Llamé al cliente: confirmó que el problema sigue ocurriendo a diario.</p>', message_type: 'comment',
  });
  const [row] = await admin('helpdesk.request', 'read', [[request], ['name']]) as { name: string }[];

  const otherCompany = await admin('res.company', 'create', [{ name: 'Centro de ayuda del este' }]) as number;
  const otherCenterRequest = await admin('helpdesk.request', 'create', [{
    subject: 'Solicitud de otro centro', category: 'technical', company_id: otherCompany,
  }]) as number;
  return { uids, request, reference: row.name, secondRequest, otherCenterRequest, solution };
}
