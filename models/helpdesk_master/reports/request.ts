// The service request as sent to its requester: one page (or more) per request with its data,
// its problems with their tasks and resources, its solutions and its message history.
import { htmlToText } from '../../../src/mail/define';
import { defineReport, type ReportContext } from '../../../src/report/define';
import { l } from '../../helpdesk_resources/i18n';
import { idsOf, nameOf, readAllowed, searchAllowed, WORDS, type Row } from './common';

const REQ = 'helpdesk.request';

async function printProblems(ctx: ReportContext, request: Row): Promise<void> {
  const { doc, label, choice } = ctx;
  doc.heading(label(REQ, 'problem_ids'));
  const problems = await readAllowed(ctx.env, 'helpdesk.problem', idsOf(request.problem_ids));
  if (!problems.length) {
    doc.paragraph(ctx.text(WORDS.none), { muted: true });
    return;
  }
  for (const p of problems) {
    doc.paragraph(`${ctx.text(WORDS.problem)}: ${String(p.name ?? '')}`, { bold: true });
    doc.fields([
      [label('helpdesk.problem', 'date'), ctx.date(p.date)],
      [label('helpdesk.problem', 'category'), choice('helpdesk.problem', 'category', p.category)],
      [label('helpdesk.problem', 'state'), choice('helpdesk.problem', 'state', p.state)],
    ], 3);
    const tasks = await readAllowed(ctx.env, 'helpdesk.task', idsOf(p.task_ids));
    if (tasks.length) {
      doc.table(
        [{ label: label('helpdesk.problem', 'task_ids'), width: 0.75 }, { label: label('helpdesk.task', 'state'), width: 0.25 }],
        tasks.map((t) => [String(t.name ?? ''), choice('helpdesk.task', 'state', t.state)]),
      );
    }
    const resources = await readAllowed(ctx.env, 'helpdesk.resource', idsOf(p.resource_ids));
    if (resources.length) {
      // Salary is personal data: the column exists only when the reader's read gave it.
      const withSalary = resources.some((r) => 'salary' in r);
      const R = 'helpdesk.resource';
      doc.table([
        { label: label('helpdesk.problem', 'resource_ids'), width: withSalary ? 0.4 : 0.5 },
        { label: label(R, 'category'), width: withSalary ? 0.28 : 0.32 },
        ...(withSalary ? [{ label: label(R, 'salary'), width: 0.16, align: 'right' as const }] : []),
        { label: label(R, 'cost'), width: withSalary ? 0.16 : 0.18, align: 'right' },
      ], resources.map((r) => [
        String(r.name ?? ''), choice(R, 'category', r.category),
        ...(withSalary ? [r.category === 'human' ? ctx.number(r.salary) : ''] : []),
        r.category === 'human' ? '' : ctx.number(r.cost),
      ]));
    }
  }
}

async function printSolutions(ctx: ReportContext, request: Row): Promise<void> {
  const S = 'helpdesk.solution';
  ctx.doc.heading(ctx.label(REQ, 'solution_ids'));
  const solutions = await readAllowed(ctx.env, S, idsOf(request.solution_ids));
  if (!solutions.length) {
    ctx.doc.paragraph(ctx.text(WORDS.none), { muted: true });
    return;
  }
  ctx.doc.table([
    { label: ctx.label(S, 'name'), width: 0.4 }, { label: ctx.label(S, 'user_id'), width: 0.25 },
    { label: ctx.label(S, 'date_deadline'), width: 0.17 }, { label: ctx.label(S, 'state'), width: 0.18 },
  ], solutions.map((s) => [String(s.name ?? ''), nameOf(s.user_id), ctx.date(s.date_deadline), ctx.choice(S, 'state', s.state)]));
}

async function printHistory(ctx: ReportContext, id: number): Promise<void> {
  ctx.doc.heading(ctx.text(WORDS.history));
  const messages = await searchAllowed(ctx.env, 'mail.message', [['model', '=', REQ], ['res_id', '=', id]],
    ['date', 'author_id', 'subject', 'body'], 'date asc, id asc');
  if (!messages.length) {
    ctx.doc.paragraph(ctx.text(WORDS.noMessages), { muted: true });
    return;
  }
  ctx.doc.table([
    { label: ctx.text(WORDS.date), width: 0.2 }, { label: ctx.text(WORDS.author), width: 0.22 },
    { label: ctx.text(WORDS.message), width: 0.58 },
  ], messages.map((m) => {
    const body = htmlToText(typeof m.body === 'string' ? m.body : '').trim();
    const subject = typeof m.subject === 'string' && m.subject ? `${m.subject}\n` : '';
    return [ctx.datetime(m.date), nameOf(m.author_id), `${subject}${body}`];
  }));
}

async function printRequest(ctx: ReportContext, request: Row): Promise<void> {
  const { doc, label, choice } = ctx;
  doc.newPage();
  doc.title(`${ctx.text(l('Service request', 'Solicitud de servicio'))} ${String(request.name ?? '')}`,
    nameOf(request.company_id));
  const pairs: [string, string][] = [
    [label(REQ, 'name'), String(request.name ?? '')],
    [label(REQ, 'state'), choice(REQ, 'state', request.state)],
    [label(REQ, 'date'), ctx.datetime(request.date)],
    [label(REQ, 'date_closed'), ctx.datetime(request.date_closed)],
    [label(REQ, 'partner_id'), nameOf(request.partner_id)],
    [label(REQ, 'user_id'), nameOf(request.user_id)],
    [label(REQ, 'category'), choice(REQ, 'category', request.category)],
    [label(REQ, 'priority'), choice(REQ, 'priority', request.priority)],
  ];
  if ('support_server_id' in request) pairs.push([label(REQ, 'support_server_id'), nameOf(request.support_server_id)]);
  doc.fields(pairs);
  doc.heading(label(REQ, 'subject'));
  doc.paragraph(String(request.subject ?? ''));
  doc.heading(label(REQ, 'description'));
  doc.paragraph(typeof request.description === 'string' && request.description ? request.description : '—');
  await printProblems(ctx, request);
  await printSolutions(ctx, request);
  await printHistory(ctx, Number(request.id));
}

export const requestReport = defineReport({
  reportName: 'helpdesk.request',
  model: REQ,
  name: l('Service request', 'Solicitud de servicio'),
  async render(ctx) {
    for (const request of await ctx.env.model(REQ).read(ctx.ids)) {
      await printRequest(ctx, request);
      await ctx.breathe();
    }
  },
});
