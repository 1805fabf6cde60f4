// A list of requests (those selected, or those a domain finds): one line each, in the order of
// the request list (newest first).
import { defineReport } from '../../../src/report/define';
import { l } from '../../helpdesk_resources/i18n';
import { nameOf, WORDS } from './common';

const REQ = 'helpdesk.request';
/** Rows drawn between two pauses that let other calls run. */
const ROWS_PER_SLICE = 25;

export const requestListReport = defineReport({
  reportName: 'helpdesk.request.list',
  model: REQ,
  name: l('Request list', 'Listado de solicitudes'),
  acceptsDomain: true,
  landscape: true,
  async render(ctx) {
    const { doc, label, choice } = ctx;
    const rows = await ctx.env.model(REQ).searchRead([['id', 'in', ctx.ids]],
      ['name', 'date', 'subject', 'partner_id', 'category', 'state', 'priority']);
    doc.title(ctx.text(l('Request list', 'Listado de solicitudes')), `${ctx.text(WORDS.recordsListed)}: ${rows.length}`);
    const columns = [
      { label: label(REQ, 'name'), width: 0.12 }, { label: label(REQ, 'date'), width: 0.13 },
      { label: label(REQ, 'subject'), width: 0.3 }, { label: label(REQ, 'partner_id'), width: 0.15 },
      { label: label(REQ, 'category'), width: 0.12 }, { label: label(REQ, 'state'), width: 0.1 },
      { label: label(REQ, 'priority'), width: 0.08 },
    ];
    const table = doc.tableWriter(columns, { size: 8 });
    for (const [i, r] of rows.entries()) {
      table.row([
        String(r.name ?? ''), ctx.datetime(r.date), String(r.subject ?? ''), nameOf(r.partner_id),
        choice(REQ, 'category', r.category), choice(REQ, 'state', r.state), choice(REQ, 'priority', r.priority),
      ]);
      if ((i + 1) % ROWS_PER_SLICE === 0) await ctx.breathe();
    }
    table.end();
  },
});
