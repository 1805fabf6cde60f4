// The graph view of an action (statistics): counts by one dimension as an SVG bar chart, a
// pivot table by two dimensions from read_group, and the mean duration the view declares.
import { useEffect, useState } from 'preact/hooks';
import { formatNumber, formatValue } from '../format';
import { t } from '../i18n';
import { callKw } from '../rpc';
import type { Fields } from '../views/interpret';
import { interpretGraph, meanDays, pivot, type Cell, type Dimension, type GraphView } from '../views/graph';
import type { WindowAction } from '../views/load';
import { useServices } from './services';

function label(value: unknown, dim: Dimension, fields: Fields): string {
  if (value === false || value === null || value === undefined) return t('none');
  if (Array.isArray(value)) return String(value[1]);
  if (dim.interval) return String(value);
  return formatValue(value, fields[dim.name]);
}

function BarChart(props: { title: string; bars: { label: string; value: number }[] }) {
  const max = Math.max(1, ...props.bars.map((b) => b.value));
  const barH = 28;
  const height = props.bars.length * barH + 10;
  return (
    <svg viewBox={`0 0 600 ${height}`} role="img" aria-labelledby="graph-svg-title">
      <title id="graph-svg-title">{props.title}</title>
      {props.bars.map((b, i) => {
        const w = (b.value / max) * 380;
        return (
          <g key={b.label} transform={`translate(0 ${i * barH + 5})`}>
            <text x="160" y="17" text-anchor="end" font-size="13" fill="#3c3c44">{b.label}</text>
            <rect x="170" y="3" width={Math.max(w, 1)} height={barH - 8} rx="3" fill="#7c3a6e" />
            <text x={175 + w} y="17" font-size="13" fill="#1f1f24">{formatNumber(b.value)}</text>
          </g>
        );
      })}
    </svg>
  );
}

export function GraphScreen(props: { action: WindowAction; model: string }) {
  const services = useServices();
  const [view, setView] = useState<GraphView | null>(null);
  const [fields, setFields] = useState<Fields>({});
  const [rowDim, setRowDim] = useState(0);
  const [colDim, setColDim] = useState(-1);
  const [cells, setCells] = useState<Cell[]>([]);
  const [means, setMeans] = useState<{ label: string; overall: number | null; byRow: Map<string, number | null> }[]>([]);

  useEffect(() => {
    callKw<{ arch: string; fields: Fields }>(props.model, 'fields_view_get', [], { view_id: props.action.view_id ? props.action.view_id[0] : false, view_type: 'graph' })
      .then((raw) => { setFields(raw.fields); setView(interpretGraph(raw.arch, raw.fields)); setColDim(interpretGraph(raw.arch, raw.fields).dimensions.length > 1 ? 1 : -1); }, services.fault);
  }, [props.model]);

  useEffect(() => {
    if (!view || !view.dimensions.length) return;
    const row = view.dimensions[rowDim];
    const col = colDim >= 0 && colDim !== rowDim ? view.dimensions[colDim] : null;
    const groupby = col ? [row.groupBy, col.groupBy] : [row.groupBy];
    callKw<Record<string, unknown>[]>(props.model, 'read_group', [props.action.domain, groupby.map((g) => g.split(':')[0]), groupby], { lazy: false })
      .then((groups) => setCells(groups.map((g) => ({
        row: label(g[row.groupBy], row, fields), col: col ? label(g[col.groupBy], col, fields) : t('count'), count: Number(g.__count ?? 0),
      }))), services.fault);
    Promise.all(view.durations.map(async (d) => {
      const recs = await callKw<Record<string, unknown>[]>(props.model, 'search_read', [[...props.action.domain, [d.to, '!=', false]], [d.from, d.to, ...(row.interval ? [] : [row.name])]]);
      const byRow = new Map<string, number | null>();
      if (!row.interval) {
        const keys = new Set(recs.map((r) => label(r[row.name], row, fields)));
        for (const k of keys) byRow.set(k, meanDays(recs.filter((r) => label(r[row.name], row, fields) === k), d));
      }
      return { label: d.label, overall: meanDays(recs, d), byRow };
    })).then(setMeans, services.fault);
  }, [view, rowDim, colDim]);

  if (!view) return <p>{t('loading')}</p>;
  const table = pivot(cells);
  const days = (n: number | null | undefined) => (n === null || n === undefined ? '—' : `${formatNumber(n, 1)} ${t('days')}`);
  const dimSelect = (id: string, text: string, value: number, set: (n: number) => void, optional: boolean) => (
    <span>
      <label for={id}>{text}</label>{' '}
      <select id={id} value={String(value)} onChange={(e) => set(Number((e.target as HTMLSelectElement).value))}>
        {optional && <option value="-1">{t('none')}</option>}
        {view.dimensions.map((d, i) => <option key={d.groupBy} value={String(i)}>{d.label}{d.interval === 'month' ? ` (${t('month')})` : ''}</option>)}
      </select>
    </span>
  );

  return (
    <section class="graph-screen" aria-labelledby="graph-title">
      <div class="control-panel"><h1 id="graph-title">{view.title || props.action.name}</h1></div>
      <div class="graph">
        <div class="graph-controls">
          {dimSelect('graph-rows', t('groupBy'), rowDim, setRowDim, false)}
          {dimSelect('graph-cols', `${t('groupBy')} (2)`, colDim, setColDim, true)}
        </div>
        {means.map((m) => <p key={m.label} class="kpi">{t('meanTimeToClose')}: <strong>{days(m.overall)}</strong></p>)}
        <BarChart title={`${view.title} — ${view.dimensions[rowDim].label}`} bars={table.rows.map((r) => ({ label: r, value: table.rowTotal(r) }))} />
      </div>
      <div class="table-wrap">
        <table class="list pivot">
          <caption class="sr-only">{view.title}</caption>
          <thead>
            <tr>
              <th scope="col">{view.dimensions[rowDim].label}</th>
              {table.cols.map((c) => <th key={c} scope="col">{c}</th>)}
              <th scope="col">{t('total')}</th>
              {means.length > 0 && !view.dimensions[rowDim].interval && means.map((m) => <th key={m.label} scope="col">{t('meanTimeToClose')}</th>)}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((r) => (
              <tr key={r}>
                <th scope="row">{r}</th>
                {table.cols.map((c) => <td key={c} class="cell-integer">{formatNumber(table.count(r, c))}</td>)}
                <td class="cell-integer"><strong>{formatNumber(table.rowTotal(r))}</strong></td>
                {!view.dimensions[rowDim].interval && means.map((m) => <td key={m.label} class="cell-float">{days(m.byRow.get(r))}</td>)}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('total')}</th>
              {table.cols.map((c) => <td key={c} class="cell-integer">{formatNumber(table.colTotal(c))}</td>)}
              <td class="cell-integer"><strong>{formatNumber(table.total)}</strong></td>
              {!view.dimensions[rowDim].interval && means.map((m) => <td key={m.label} class="cell-float">{days(m.overall)}</td>)}
            </tr>
          </tfoot>
        </table>
      </div>
    </section>
  );
}
