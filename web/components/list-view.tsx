// The list of a window action: the tree view's columns, sortable headers, paging with the
// count, the search box with the search view's filters and group-by, row selection and delete.
import { useEffect, useState } from 'preact/hooks';
import { formatValue } from '../format';
import { t } from '../i18n';
import { callKw } from '../rpc';
import type { Route } from '../hash';
import type { ColumnNode, Fields, ListView } from '../views/interpret';
import { evaluate } from '../views/interpret';
import { loadList, loadSearch, type WindowAction } from '../views/load';
import type { PyValue } from '../views/py-literal';
import { searchDomain, type SearchView } from '../views/search';
import { PrintMenu } from './print-menu';
import { useServices } from './services';

type Row = Record<string, unknown> & { id: number };
interface Group { key: string; label: string; count: number; domain: PyValue[]; rows: Row[] | null }

const PAGE = 80;

function groupLabel(value: unknown, field: Fields[string] | undefined): string {
  if (value === false || value === null || value === undefined) return t('none');
  if (Array.isArray(value)) return String(value[1]);
  return field ? formatValue(value, field) : String(value);
}

function Cells(props: { row: Row; columns: ColumnNode[] }) {
  return <>{props.columns.map((c) => <td key={c.name} class={`cell-${c.field.type}`}>{formatValue(props.row[c.name], c.field)}</td>)}</>;
}

export function ListScreen(props: { action: WindowAction; model: string; viewId: number | false; open: (r: Partial<Route>) => void }) {
  const services = useServices();
  const [list, setList] = useState<ListView | null>(null);
  const [search, setSearch] = useState<SearchView | null>(null);
  const [text, setText] = useState('');
  const [applied, setApplied] = useState('');
  const [filters, setFilters] = useState<string[]>([]);
  const [groupBy, setGroupBy] = useState<string | null>(null);
  const [order, setOrder] = useState<{ field: string; desc: boolean } | null>(null);
  const [offset, setOffset] = useState(0);
  const [rows, setRows] = useState<Row[]>([]);
  const [count, setCount] = useState(0);
  const [groups, setGroups] = useState<Group[] | null>(null);
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [rights, setRights] = useState({ create: false, unlink: false });
  const [reload, setReload] = useState(0);

  useEffect(() => {
    Promise.all([loadList(props.model, props.viewId), loadSearch(props.model)]).then(([l, s]) => { setList(l.view); setSearch(s.view); }, services.fault);
    Promise.all(['create', 'unlink'].map((op) => callKw<boolean>(props.model, 'check_access_rights', [op], { raise_exception: false }).catch(() => false)))
      .then(([create, unlink]) => setRights({ create, unlink }));
  }, [props.model]);

  const domain = (): PyValue[] => [...props.action.domain, ...(search ? searchDomain(search, applied, filters) : [])];
  const fieldNames = list ? list.columns.map((c) => c.name) : [];
  const orderText = order ? `${order.field} ${order.desc ? 'desc' : 'asc'}` : undefined;
  const readRows = (d: PyValue[], off: number, limit: number) =>
    callKw<Row[]>(props.model, 'search_read', [d, fieldNames], { offset: off, limit, ...(orderText ? { order: orderText } : {}) });

  useEffect(() => {
    if (!list || !search) return;
    const d = domain();
    setSelected(new Set());
    if (groupBy) {
      // read_group sorts by its group-by fields only; other columns sort the rows inside a group.
      callKw<Record<string, unknown>[]>(props.model, 'read_group', [d, [groupBy], [groupBy]], { lazy: true, ...(order?.field === groupBy ? { orderby: orderText } : {}) })
        .then((res) => setGroups(res.map((g, i) => ({
          key: `${i}`, label: groupLabel(g[groupBy], list.columns.find((c) => c.name === groupBy)?.field),
          count: Number(g[`${groupBy}_count`] ?? 0), domain: (g.__domain as PyValue[]) ?? d, rows: null,
        }))), services.fault);
      callKw<number>(props.model, 'search_count', [d]).then(setCount, services.fault);
      return;
    }
    // Rows and groups change together when the answer is in, so the table never shows a mix.
    Promise.all([readRows(d, offset, PAGE), callKw<number>(props.model, 'search_count', [d])])
      .then(([r, c]) => { setGroups(null); setRows(r); setCount(c); services.setListIds({ model: props.model, ids: r.map((x) => x.id) }); }, services.fault);
  }, [list, search, applied, filters.join(), groupBy, orderText, offset, reload]);

  if (!list || !search) return <p>{t('loading')}</p>;

  const toggleGroup = async (g: Group) => {
    if (g.rows) { setGroups(groups!.map((x) => (x === g ? { ...x, rows: null } : x))); return; }
    try {
      const r = await readRows(g.domain, 0, PAGE);
      setGroups(groups!.map((x) => (x.key === g.key ? { ...x, rows: r } : x)));
    } catch (err) { services.fault(err); }
  };
  const sortBy = (c: ColumnNode) => { setOrder(order?.field === c.name && !order.desc ? { field: c.name, desc: true } : { field: c.name, desc: false }); setOffset(0); };
  const toggle = (id: number) => { const s = new Set(selected); if (s.has(id)) s.delete(id); else s.add(id); setSelected(s); };
  const remove = async () => {
    if (!await services.confirm(t('delete'), t('confirmDelete'), t('delete'), t('cancel'))) return;
    try { await callKw(props.model, 'unlink', [[...selected]]); setReload(reload + 1); } catch (err) { services.fault(err); }
  };
  const decoration = (row: Row) => list.decorations.find((d) => d.test(row))?.color;
  const visibleColumns = list.columns.filter((c) => !evaluate(c.invisible, {}));
  const rowName = (row: Row) => String(row[visibleColumns[0]?.name] ?? row.id);

  const renderRow = (row: Row) => (
    <tr key={row.id} class={decoration(row) ? `decoration-${decoration(row)}` : undefined}
      onClick={(e) => { if (!(e.target as HTMLElement).closest('input,a')) props.open({ id: row.id, view_type: 'form' }); }}>
      <td class="select"><input type="checkbox" aria-label={`${t('select')} ${rowName(row)}`} checked={selected.has(row.id)} onChange={() => toggle(row.id)} /></td>
      <Cells row={row} columns={visibleColumns} />
    </tr>
  );

  return (
    <section class="list-screen" aria-labelledby="list-title">
      <div class="control-panel">
        <h1 id="list-title">{props.action.name}</h1>
        <div class="buttons">
          {rights.create && <button type="button" class="primary" onClick={() => props.open({ view_type: 'form', id: undefined })}>{t('create')}</button>}
          {rights.unlink && selected.size > 0 && <button type="button" onClick={remove}>{t('delete')}</button>}
          <PrintMenu model={props.model} ids={[...selected]} />
        </div>
        <form class="search" role="search" onSubmit={(e) => { e.preventDefault(); setApplied(text); setOffset(0); }}>
          <input type="search" aria-label={t('search')} placeholder={t('search')} value={text} onInput={(e) => setText((e.target as HTMLInputElement).value)} />
          <button type="submit">{t('search')}</button>
        </form>
        <div class="facets">
          {search.filters.length > 0 && <div role="group" aria-label={t('filters')}>
            {search.filters.map((f) => (
              <button key={f.key} type="button" aria-pressed={filters.includes(f.key)}
                onClick={() => { setFilters(filters.includes(f.key) ? filters.filter((x) => x !== f.key) : [...filters, f.key]); setOffset(0); }}>{f.string}</button>
            ))}
          </div>}
          {search.groupBys.length > 0 && <div role="group" aria-label={t('groupBy')}>
            <span class="facet-title">{t('groupBy')}:</span>
            {search.groupBys.map((g) => (
              <button key={g.key} type="button" aria-pressed={groupBy === g.field} onClick={() => setGroupBy(groupBy === g.field ? null : g.field)}>{g.string}</button>
            ))}
          </div>}
        </div>
        <div class="pager" aria-live="polite">
          {!groups && <span>{count ? `${offset + 1}-${Math.min(offset + PAGE, count)} / ${count}` : t('noRecords')}</span>}
          {groups && <span>{count} {t('records')}</span>}
          {!groups && count > PAGE && <>
            <button type="button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>{t('previous')}</button>
            <button type="button" disabled={offset + PAGE >= count} onClick={() => setOffset(offset + PAGE)}>{t('next')}</button>
          </>}
        </div>
      </div>
      <div class="table-wrap">
        <table class="list">
          <caption class="sr-only">{list.title || props.action.name}</caption>
          <thead>
            <tr>
              <th scope="col" class="select">
                <input type="checkbox" aria-label={t('selectAll')} checked={rows.length > 0 && selected.size === rows.length}
                  onChange={(e) => setSelected((e.target as HTMLInputElement).checked ? new Set(rows.map((r) => r.id)) : new Set())} />
              </th>
              {visibleColumns.map((c) => (
                <th key={c.name} scope="col" aria-sort={order?.field === c.name ? (order.desc ? 'descending' : 'ascending') : undefined}>
                  <button type="button" class="sort" onClick={() => sortBy(c)}>{c.label}</button>
                </th>
              ))}
            </tr>
          </thead>
          {groups
            ? groups.map((g) => (
              <tbody key={g.key}>
                <tr class="group-row">
                  <th scope="rowgroup" colSpan={visibleColumns.length + 1}>
                    <button type="button" aria-expanded={!!g.rows} onClick={() => toggleGroup(g)}>{g.label} ({g.count})</button>
                  </th>
                </tr>
                {g.rows?.map(renderRow)}
              </tbody>
            ))
            : <tbody>{rows.map(renderRow)}</tbody>}
        </table>
      </div>
    </section>
  );
}
