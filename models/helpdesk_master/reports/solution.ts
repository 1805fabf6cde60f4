// The solution as the associate kept informed reads it: its data, its description and the
// requests (incidents) it solves.
import { defineReport } from '../../../src/report/define';
import { l } from '../../helpdesk_resources/i18n';
import { idsOf, nameOf, readAllowed, WORDS } from './common';

const SOL = 'helpdesk.solution';
const REQ = 'helpdesk.request';

export const solutionReport = defineReport({
  reportName: 'helpdesk.solution',
  model: SOL,
  name: l('Solution', 'Solución'),
  async render(ctx) {
    const { doc, label, choice } = ctx;
    for (const s of await ctx.env.model(SOL).read(ctx.ids)) {
      doc.newPage();
      doc.title(`${ctx.text(l('Solution', 'Solución'))}: ${String(s.name ?? '')}`);
      doc.fields([
        [label(SOL, 'name'), String(s.name ?? '')],
        [label(SOL, 'state'), choice(SOL, 'state', s.state)],
        [label(SOL, 'user_id'), nameOf(s.user_id)],
        [label(SOL, 'partner_id'), nameOf(s.partner_id)],
        [label(SOL, 'date'), ctx.datetime(s.date)],
        [label(SOL, 'date_deadline'), ctx.date(s.date_deadline)],
      ]);
      doc.heading(label(SOL, 'description'));
      doc.paragraph(typeof s.description === 'string' && s.description ? s.description : '—');
      doc.heading(label(SOL, 'request_ids'));
      const requests = await readAllowed(ctx.env, REQ, idsOf(s.request_ids));
      if (!requests.length) doc.paragraph(ctx.text(WORDS.none), { muted: true });
      else {
        doc.table([
          { label: label(REQ, 'name'), width: 0.2 }, { label: label(REQ, 'subject'), width: 0.42 },
          { label: label(REQ, 'date'), width: 0.2 }, { label: label(REQ, 'state'), width: 0.18 },
        ], requests.map((r) => [String(r.name ?? ''), String(r.subject ?? ''), ctx.datetime(r.date), choice(REQ, 'state', r.state)]));
      }
      await ctx.breathe();
    }
  },
});
