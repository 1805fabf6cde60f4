// The statistics of the monthly meeting over the requests the reader may read (those selected,
// those a domain finds, or all): state × category, support centers, opened and closed per
// month, and how long closing takes — as tables and as vector bar charts.
import { defineReport, type ReportContext } from '../../../src/report/define';
import { l } from '../../helpdesk_resources/i18n';
import { REQUEST_CATEGORIES } from '../../helpdesk_general/categories';
import { REQUEST_STATES } from '../helpdesk_request';
import { WORDS } from './common';
import { mean, percentile, requestFigures, type RequestFigures } from './statistics-data';

const REQ = 'helpdesk.request';
/** What a chart needs besides its plot: axis labels and legend (a heading keeps that much with it). */
const CHART_SPACE = 60;

const T = {
  title: l('Support statistics', 'Estadísticas de soporte'),
  summary: l('Summary', 'Resumen'),
  closedCount: l('Closed requests', 'Solicitudes cerradas'),
  meanClose: l('Mean time to close', 'Tiempo medio de cierre'),
  p90Close: l('90th percentile time to close', 'Percentil 90 del tiempo de cierre'),
  byStateCategory: l('Requests by state and category', 'Solicitudes por estado y categoría'),
  byCenter: l('Requests by support center', 'Solicitudes por centro de soporte'),
  byMonth: l('Requests opened and closed per month', 'Solicitudes abiertas y cerradas por mes'),
  month: l('Month', 'Mes'),
  opened: l('Opened', 'Abiertas'),
  closed: l('Closed', 'Cerradas'),
  days: l('days', 'días'),
  hours: l('hours', 'horas'),
};

function duration(ctx: ReportContext, hours: number | null): string {
  if (hours === null) return '—';
  return hours >= 48 ? `${ctx.number(hours / 24, 1)} ${ctx.text(T.days)}` : `${ctx.number(hours, 1)} ${ctx.text(T.hours)}`;
}

function stateCategory(ctx: ReportContext, f: RequestFigures): void {
  const states = REQUEST_STATES.map(([k]) => k).filter((k) => f.byStateCategory.has(k));
  const cats = REQUEST_CATEGORIES.map(([k]) => k);
  const count = (s: string, c: string) => f.byStateCategory.get(s)?.get(c) ?? 0;
  ctx.doc.heading(ctx.text(T.byStateCategory));
  ctx.doc.table([
    { label: ctx.label(REQ, 'state'), width: 0.22 },
    ...cats.map((c) => ({ label: ctx.choice(REQ, 'category', c), width: 0.62 / cats.length, align: 'right' as const })),
    { label: ctx.text(WORDS.total), width: 0.16, align: 'right' },
  ], [
    ...states.map((s) => [ctx.choice(REQ, 'state', s), ...cats.map((c) => String(count(s, c))),
      String(cats.reduce((n, c) => n + count(s, c), 0))]),
    [ctx.text(WORDS.total), ...cats.map((c) => String(states.reduce((n, s) => n + count(s, c), 0))), String(f.total)],
  ]);
  ctx.doc.barChart({
    title: '', stacked: true, height: 150,
    categories: states.map((s) => ctx.choice(REQ, 'state', s)),
    series: cats.map((c) => ({ label: ctx.choice(REQ, 'category', c), values: states.map((s) => count(s, c)) })),
  });
}

function centers(ctx: ReportContext, f: RequestFigures): void {
  const rows = [...f.byCenter.entries()].sort((a, b) => b[1] - a[1]);
  const name = (c: string) => c || ctx.text(WORDS.thisCenter);
  ctx.doc.heading(ctx.text(T.byCenter), CHART_SPACE + 110);
  ctx.doc.barChart({
    title: '', height: 110,
    categories: rows.map(([c]) => name(c)), series: [{ label: ctx.text(WORDS.count), values: rows.map(([, n]) => n) }],
  });
  ctx.doc.table([{ label: ctx.label(REQ, 'support_server_id'), width: 0.7 }, { label: ctx.text(WORDS.count), width: 0.3, align: 'right' }],
    rows.map(([c, n]) => [name(c), String(n)]));
}

function months(ctx: ReportContext, f: RequestFigures): void {
  const rows = [...f.byMonth.entries()];
  ctx.doc.heading(ctx.text(T.byMonth), CHART_SPACE + 150);
  ctx.doc.barChart({
    title: '', height: 150, categories: rows.map(([m]) => m),
    series: [
      { label: ctx.text(T.opened), values: rows.map(([, v]) => v[0]) },
      { label: ctx.text(T.closed), values: rows.map(([, v]) => v[1]) },
    ],
  });
  ctx.doc.table([
    { label: ctx.text(T.month), width: 0.4 }, { label: ctx.text(T.opened), width: 0.3, align: 'right' },
    { label: ctx.text(T.closed), width: 0.3, align: 'right' },
  ], rows.map(([m, [o, c]]) => [m, String(o), String(c)]));
}

export const statisticsReport = defineReport({
  reportName: 'helpdesk.request.statistics',
  model: REQ,
  name: T.title,
  acceptsDomain: true,
  async render(ctx) {
    const rows = await ctx.env.model(REQ).searchRead([['id', 'in', ctx.ids]],
      ['state', 'category', 'support_server_id', 'date', 'date_closed']);
    const f = requestFigures(rows);
    ctx.doc.title(ctx.text(T.title), `${ctx.text(WORDS.recordsListed)}: ${f.total}`);
    ctx.doc.heading(ctx.text(T.summary));
    ctx.doc.fields([
      [ctx.text(WORDS.count), String(f.total)],
      [ctx.text(T.closedCount), String(f.hoursToClose.length)],
      [ctx.text(T.meanClose), duration(ctx, mean(f.hoursToClose))],
      [ctx.text(T.p90Close), duration(ctx, percentile(f.hoursToClose, 90))],
    ], 2, { labelShare: 0.6 });
    stateCategory(ctx, f);
    await ctx.breathe();
    centers(ctx, f);
    months(ctx, f);
  },
});
