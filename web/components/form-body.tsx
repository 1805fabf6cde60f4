// Renders an interpreted form tree: groups as labelled field pairs, notebook pages as tabs,
// headings, and each field through its widget with its modifiers for the current values.
import { useState } from 'preact/hooks';
import { evaluate, fieldModifier, type FieldNode, type ViewNode } from '../views/interpret';
import type { Values } from '../views/domain';
import { WIDGETS } from './widgets';

export interface BodyProps {
  /** Inside a heading, labels are for screen readers only (the title speaks for itself). */
  inHeading?: boolean;
  /** Keeps input ids unique when a second form is open in a dialog. */
  idPrefix?: string;
  values: Values; onChange: (name: string, v: unknown) => void; locked: boolean;
  model: string; recordId: number | null; reload: () => void;
}

let tabSeq = 0;

function Field(props: { node: FieldNode } & BodyProps) {
  const { node, values } = props;
  if (evaluate(node.invisible, values)) return null;
  const Widget = WIDGETS[node.widget];
  const id = `${props.idPrefix ?? 'field'}-${node.name}`;
  const readonly = props.locked || fieldModifier(node, 'readonly', values);
  const required = fieldModifier(node, 'required', values);
  const wide = node.widget === 'text' || node.widget === 'html' || node.widget === 'one2many_list' || (node.widget === 'many2many_tags' && !!node.columnNames);
  return (
    <div class={`field field-${node.widget} ${wide ? 'wide' : ''} ${required ? 'required' : ''}`}>
      {node.widget === 'one2many_list'
        ? <h3 class="field-label">{node.label}</h3>
        : <label for={id} class={node.nolabel || props.inHeading ? 'sr-only' : 'field-label'}>{node.label}</label>}
      <Widget id={id} node={node} value={values[node.name]} readonly={readonly} required={required} onChange={(v) => props.onChange(node.name, v)}
        record={{ model: props.model, id: props.recordId }} reload={props.reload} />
    </div>
  );
}

function Notebook(props: { node: Extract<ViewNode, { kind: 'notebook' }> } & BodyProps) {
  const [current, setCurrent] = useState(0);
  const base = `tabs-${useState(() => ++tabSeq)[0]}`;
  return (
    <div class="notebook">
      <div role="tablist">
        {props.node.pages.map((p, i) => (
          <button key={i} type="button" role="tab" id={`${base}-tab-${i}`} aria-selected={i === current} aria-controls={`${base}-panel-${i}`}
            onClick={() => setCurrent(i)}>{p.string}</button>
        ))}
      </div>
      {props.node.pages.map((p, i) => (
        <div key={i} role="tabpanel" id={`${base}-panel-${i}`} aria-labelledby={`${base}-tab-${i}`} hidden={i !== current}>
          <Nodes {...props} nodes={p.children} />
        </div>
      ))}
    </div>
  );
}

export function Nodes(props: { nodes: ViewNode[] } & BodyProps) {
  return <>{props.nodes.map((n, i) => <Node {...props} key={i} node={n} />)}</>;
}

function Node(props: { node: ViewNode } & BodyProps) {
  const { node } = props;
  switch (node.kind) {
    case 'field': return <Field {...props} node={node} />;
    case 'group': return <div class="group">{node.string && <h3>{node.string}</h3>}<Nodes {...props} nodes={node.children} /></div>;
    case 'sheet': return <div class="sheet"><Nodes {...props} nodes={node.children} /></div>;
    case 'heading': return <div class="heading"><Nodes {...props} inHeading nodes={node.children} /></div>;
    case 'div': return <div><Nodes {...props} nodes={node.children} /></div>;
    case 'notebook': return <Notebook {...props} node={node} />;
    case 'label': return <p class="label">{node.string}</p>;
    case 'separator': return <h3 class="separator">{node.string}</h3>;
    default: return null;
  }
}

/** The workflow's states in order, the current one marked as the current step. */
export function StatusBar(props: { node: FieldNode; value: unknown }) {
  const all = props.node.field.selection ?? [];
  const shown = all.filter(([k]) => !props.node.statusbarVisible || props.node.statusbarVisible.includes(k) || k === props.value);
  return (
    <ol class="statusbar" aria-label={props.node.label}>
      {shown.map(([k, label]) => <li key={k} aria-current={k === props.value ? 'step' : undefined}>{label}</li>)}
    </ol>
  );
}
