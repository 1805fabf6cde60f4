// The field widgets, one per registry name (web/views/registry.ts): each gets an id for its
// <label>, the value, whether it is read-only or required, and reports changes.
import type { FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { datetimeToInput, formatValue, inputToDatetime } from '../format';
import { t } from '../i18n';
import { callKw } from '../rpc';
import { columnsOf, type ColumnNode, type FieldNode } from '../views/interpret';
import { loadFields, loadList } from '../views/load';
import type { WidgetName } from '../views/registry';
import { NameSearchInput, type NamePair } from './many2one';
import { useServices } from './services';
import { Suggestions } from './suggestions';

export interface WidgetProps {
  id: string; node: FieldNode; value: unknown; readonly: boolean; required: boolean; onChange: (v: unknown) => void;
  /** The record being edited (id null while new) and a way to read it again after a direct write. */
  record: { model: string; id: number | null }; reload: () => void;
}

const str = (v: unknown): string => (v === false || v === null || v === undefined ? '' : String(v));
const inputValue = (e: Event): string => (e.target as HTMLInputElement).value;

const Char: FunctionComponent<WidgetProps> = (p) => (
  <input id={p.id} value={str(p.value)} readOnly={p.readonly} required={p.required} placeholder={p.node.placeholder}
    onInput={(e) => p.onChange(inputValue(e) || false)} />
);
const Password: FunctionComponent<WidgetProps> = (p) => (
  <input id={p.id} type="password" autocomplete="new-password" value={str(p.value)} readOnly={p.readonly} required={p.required} onInput={(e) => p.onChange(inputValue(e) || false)} />
);
const Text: FunctionComponent<WidgetProps> = (p) => (
  <textarea id={p.id} value={str(p.value)} readOnly={p.readonly} required={p.required} placeholder={p.node.placeholder} rows={4}
    onInput={(e) => p.onChange((e.target as HTMLTextAreaElement).value || false)} />
);
const NumberInput = (integer: boolean): FunctionComponent<WidgetProps> => (p) => (
  <input id={p.id} type="number" step={integer ? '1' : 'any'} inputMode={integer ? 'numeric' : 'decimal'} value={str(p.value)} readOnly={p.readonly} required={p.required}
    onInput={(e) => { const v = inputValue(e); p.onChange(v === '' ? (integer ? 0 : 0.0) : Number(v)); }} />
);
const Boolean_: FunctionComponent<WidgetProps> = (p) => (
  <input id={p.id} type="checkbox" checked={!!p.value} disabled={p.readonly} onChange={(e) => p.onChange((e.target as HTMLInputElement).checked)} />
);
const DateInput: FunctionComponent<WidgetProps> = (p) => (
  <input id={p.id} type="date" value={str(p.value).slice(0, 10)} readOnly={p.readonly} required={p.required} onInput={(e) => p.onChange(inputValue(e) || false)} />
);
const DatetimeInput: FunctionComponent<WidgetProps> = (p) => (
  <input id={p.id} type="datetime-local" value={datetimeToInput(p.value as string | false)} readOnly={p.readonly} required={p.required}
    onInput={(e) => p.onChange(inputToDatetime(inputValue(e)))} />
);
const Selection: FunctionComponent<WidgetProps> = (p) => (
  <select id={p.id} value={str(p.value)} disabled={p.readonly} required={p.required} onChange={(e) => p.onChange((e.target as HTMLSelectElement).value || false)}>
    {!p.required && <option value="">{''}</option>}
    {p.required && !p.value && <option value="" disabled>{''}</option>}
    {(p.node.field.selection ?? []).map(([k, label]) => <option key={k} value={k}>{label}</option>)}
  </select>
);

/** A many2one value as [id, name], asking the name when only an id is known (defaults). */
function useNamePair(relation: string, value: unknown): NamePair | false {
  const [pair, setPair] = useState<NamePair | false>(Array.isArray(value) ? value as NamePair : false);
  useEffect(() => {
    if (Array.isArray(value)) setPair(value as NamePair);
    else if (typeof value === 'number') callKw<NamePair[]>(relation, 'name_get', [[value]]).then((r) => setPair(r[0] ?? false), () => setPair([value, String(value)]));
    else setPair(false);
  }, [relation, Array.isArray(value) ? value[0] : value]);
  return pair;
}

const Many2one: FunctionComponent<WidgetProps> = (p) => {
  const pair = useNamePair(p.node.field.relation!, p.value);
  return <NameSearchInput id={p.id} relation={p.node.field.relation!} value={pair} readonly={p.readonly} required={p.required} onPick={(v) => p.onChange(v)} />;
};

type Row = Record<string, unknown> & { id: number };

/** The comodel's columns (the inline tree's, else its own tree view) and the rows of these ids. */
function useLinkedRows(node: FieldNode, ids: number[]): { columns: ColumnNode[]; rows: Row[] } {
  const services = useServices();
  const relation = node.field.relation!;
  const [columns, setColumns] = useState<ColumnNode[]>([]);
  const [rows, setRows] = useState<Row[]>([]);
  useEffect(() => {
    const load = node.columnNames
      ? loadFields(relation).then((fields) => columnsOf(node.columnNames!, fields))
      : loadList(relation).then((l) => l.view.columns);
    load.then(setColumns, services.fault);
  }, [relation]);
  useEffect(() => {
    if (!columns.length) return;
    if (!ids.length) { setRows([]); return; }
    callKw<Row[]>(relation, 'read', [ids, columns.map((c) => c.name)]).then((r) => setRows(ids.map((id) => r.find((x) => x.id === id)).filter((x): x is Row => !!x)), services.fault);
  }, [columns, ids.join()]);
  return { columns, rows };
}

const idsOf = (v: unknown): number[] => (Array.isArray(v) ? v.filter((x): x is number => typeof x === 'number') : []);

const Many2many: FunctionComponent<WidgetProps> = (p) => {
  const ids = idsOf(p.value);
  const { columns, rows } = useLinkedRows(p.node, ids);
  const nameOf = (r: Row) => String(r[columns[0]?.name] ?? r.id);
  const add = !p.readonly && (
    <NameSearchInput id={p.id} relation={p.node.field.relation!} value={false} exclude={ids} clearAfterPick canCreate={!p.node.columnNames}
      placeholder={t('add')} onPick={(v) => { if (v) p.onChange([...ids, v[0]]); }} />
  );
  if (!p.node.columnNames) {
    return (
      <div class="tags">
        <ul class="tag-list" aria-label={p.node.label}>
          {rows.map((r) => (
            <li key={r.id} class="tag">{nameOf(r)}
              {!p.readonly && <button type="button" aria-label={`${t('remove')} ${nameOf(r)}`} onClick={() => p.onChange(ids.filter((x) => x !== r.id))}>×</button>}
            </li>
          ))}
        </ul>
        {add}
      </div>
    );
  }
  return (
    <div class="x2many">
      {typeof p.node.options.suggest === 'string' && p.record.id && (
        <Suggestions method={p.node.options.suggest} field={p.node.name} record={p.record} linked={ids} reload={p.reload} />
      )}
      {add}
      <X2manyTable label={p.node.label} columns={columns} rows={rows}
        onRemove={p.readonly ? undefined : (r) => p.onChange(ids.filter((x) => x !== r.id))} nameOf={nameOf} />
    </div>
  );
};

function X2manyTable(props: { label: string; columns: ColumnNode[]; rows: Row[]; onRemove?: (r: Row) => void; nameOf: (r: Row) => string }) {
  return (
    <div class="table-wrap">
      <table class="list">
        <caption class="sr-only">{props.label}</caption>
        <thead><tr>{props.columns.map((c) => <th key={c.name} scope="col">{c.label}</th>)}{props.onRemove && <th scope="col"><span class="sr-only">{t('remove')}</span></th>}</tr></thead>
        <tbody>
          {props.rows.map((r) => (
            <tr key={r.id}>
              {props.columns.map((c) => <td key={c.name}>{formatValue(r[c.name], c.field)}</td>)}
              {props.onRemove && <td><button type="button" aria-label={`${t('remove')} ${props.nameOf(r)}`} onClick={() => props.onRemove!(r)}>×</button></td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const One2many: FunctionComponent<WidgetProps> = (p) => {
  const { columns, rows } = useLinkedRows(p.node, idsOf(p.value));
  return <X2manyTable label={p.node.label} columns={columns} rows={rows} nameOf={(r) => String(r.id)} />;
};

const Binary: FunctionComponent<WidgetProps> = (p) => (
  <span class="binary">
    {p.value ? <a download href={`data:application/octet-stream;base64,${str(p.value)}`}>{t('download')}</a> : null}
    {!p.readonly && <input id={p.id} type="file" onChange={async (e) => {
      const file = (e.target as HTMLInputElement).files?.[0];
      if (file) p.onChange(await fileToBase64(file));
    }} />}
  </span>
);

export async function fileToBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

const Reference: FunctionComponent<WidgetProps> = Char;
const Statusbar: FunctionComponent<WidgetProps> = Selection;

export const WIDGETS: Record<WidgetName, FunctionComponent<WidgetProps>> = {
  char: Char, password: Password, text: Text, html: Text, integer: NumberInput(true), float: NumberInput(false), monetary: NumberInput(false),
  boolean: Boolean_, date: DateInput, datetime: DatetimeInput, selection: Selection, many2one: Many2one,
  many2many_tags: Many2many, one2many_list: One2many, binary: Binary, statusbar: Statusbar, reference: Reference,
};
