// The view interpreter: an arch from fields_view_get plus its fields become a plain tree of view
// nodes (fields with their widget and modifiers, groups, notebooks, header buttons, status bar).
// Components only render this tree; no screen is written for a particular model.
import { matchDomain, parseColors, type Values } from './domain';
import { parsePyLiteral, type PyValue } from './py-literal';
import { widgetFor, type WidgetName } from './registry';
import { parseXml, type XmlNode } from './xml';

export interface FieldInfo {
  type: string;
  string: string;
  relation?: string;
  selection?: [string, string][];
  required?: boolean;
  readonly?: boolean;
  states?: Record<string, [string, boolean][]>;
  help?: string;
}
export type Fields = Record<string, FieldInfo>;

/** A modifier is fixed, or a domain over the record's current values. */
export type Modifier = boolean | PyValue[];

export interface FieldNode {
  kind: 'field'; name: string; field: FieldInfo; widget: WidgetName; label: string; nolabel: boolean;
  required: Modifier; readonly: Modifier; invisible: Modifier; placeholder?: string;
  /** Field names of an x2many's inline <tree>; without one, the comodel's tree view is used. */
  columnNames?: string[];
  statusbarVisible?: string[];
  /** The view's `options` literal (e.g. {'suggest': 'method'}: a method listing records to link). */
  options: Record<string, PyValue>;
  /** OpenERP 7.0's `on_change="method(arg, ...)"`: args are field names or Python literals. */
  onChange?: { method: string; args: string[] };
}
export interface ButtonNode {
  kind: 'button'; name: string; string: string; type: string; states: string[] | null; highlight: boolean; invisible: Modifier;
}
export interface ContainerNode { kind: 'group' | 'sheet' | 'heading' | 'div'; string?: string; children: ViewNode[] }
export interface NotebookNode { kind: 'notebook'; pages: { string: string; children: ViewNode[] }[] }
export interface HeaderNode { kind: 'header'; buttons: ButtonNode[]; statusbar: FieldNode | null }
export interface TextNode { kind: 'label' | 'separator'; string: string }
export type ViewNode = FieldNode | ButtonNode | ContainerNode | NotebookNode | HeaderNode | TextNode;

export interface FormView { kind: 'form'; title: string; header: HeaderNode | null; body: ViewNode[]; fieldNames: string[] }
export interface ColumnNode { name: string; field: FieldInfo; widget: WidgetName; label: string; invisible: Modifier }
export interface ListView {
  kind: 'list'; title: string; columns: ColumnNode[]; editable: boolean;
  decorations: { color: string; test: (v: Values) => boolean }[];
}

const elements = (n: XmlNode): XmlNode[] => n.children.filter((c): c is XmlNode => typeof c !== 'string');
const truthy = (v: string | undefined): boolean => v === '1' || v === 'True' || v === 'true';

/** The value of `attrs`'s key, the node's own attribute, or the field's definition (in that order). */
function modifier(node: XmlNode, key: 'required' | 'readonly' | 'invisible', fallback: boolean): Modifier {
  if (node.attrs.attrs) {
    const attrs = parsePyLiteral(node.attrs.attrs) as Record<string, PyValue>;
    if (Array.isArray(attrs[key])) return attrs[key] as PyValue[];
  }
  if (node.attrs.states && key === 'invisible') return [['state', 'not in', node.attrs.states.split(',').map((s) => s.trim())]];
  if (node.attrs[key] !== undefined) return truthy(node.attrs[key]);
  return fallback;
}

/** Whether the modifier holds for these values; a field's `states` may override readonly/required. */
export function evaluate(mod: Modifier, values: Values): boolean {
  return typeof mod === 'boolean' ? mod : matchDomain(mod, values);
}

export function fieldModifier(node: FieldNode, key: 'required' | 'readonly', values: Values): boolean {
  const byState = typeof values.state === 'string' ? node.field.states?.[values.state] : undefined;
  const override = byState?.find(([k]) => k === key);
  if (override) return override[1];
  return evaluate(node[key], values);
}

function column(node: XmlNode, fields: Fields): ColumnNode | null {
  const field = fields[node.attrs.name];
  if (!field) return null;
  return {
    name: node.attrs.name, field, widget: widgetFor(field.type, node.attrs.widget), label: node.attrs.string ?? field.string,
    invisible: modifier(node, 'invisible', false),
  };
}

function fieldNode(node: XmlNode, fields: Fields): FieldNode | null {
  const field = fields[node.attrs.name];
  if (!field) return null;
  const inner = elements(node).find((c) => c.tag === 'tree');
  return {
    kind: 'field', name: node.attrs.name, field,
    widget: widgetFor(field.type, node.attrs.widget, truthy(node.attrs.password)),
    label: node.attrs.string ?? field.string, nolabel: truthy(node.attrs.nolabel),
    required: modifier(node, 'required', !!field.required), readonly: modifier(node, 'readonly', !!field.readonly),
    invisible: modifier(node, 'invisible', false), placeholder: node.attrs.placeholder,
    columnNames: inner ? elements(inner).filter((c) => c.tag === 'field').map((c) => c.attrs.name) : undefined,
    statusbarVisible: node.attrs.statusbar_visible?.split(',').map((s) => s.trim()),
    options: node.attrs.options ? parsePyLiteral(node.attrs.options) as Record<string, PyValue> : {},
    onChange: node.attrs.on_change ? parseOnChange(node.attrs.on_change) : undefined,
  };
}

function parseOnChange(text: string): { method: string; args: string[] } {
  const m = /^\s*(\w+)\s*\((.*)\)\s*$/.exec(text);
  if (!m) throw new Error(`Cannot read on_change="${text}"`);
  return { method: m[1], args: m[2].split(',').map((a) => a.trim()).filter(Boolean) };
}

/** Every field node of a tree of view nodes, notebook pages included. */
export function fieldNodes(nodes: ViewNode[]): FieldNode[] {
  return nodes.flatMap((n): FieldNode[] => {
    if (n.kind === 'field') return [n];
    if (n.kind === 'notebook') return n.pages.flatMap((p) => fieldNodes(p.children));
    if ('children' in n) return fieldNodes(n.children);
    return [];
  });
}

function buttonNode(node: XmlNode): ButtonNode {
  return {
    kind: 'button', name: node.attrs.name ?? '', string: node.attrs.string ?? node.attrs.name ?? '', type: node.attrs.type ?? 'object',
    states: node.attrs.states ? node.attrs.states.split(',').map((s) => s.trim()) : null,
    highlight: /oe_highlight/.test(node.attrs.class ?? ''), invisible: modifier(node, 'invisible', false),
  };
}

function children(node: XmlNode, fields: Fields, names: string[]): ViewNode[] {
  const out: ViewNode[] = [];
  for (const child of elements(node)) {
    const built = interpretNode(child, fields, names);
    if (Array.isArray(built)) out.push(...built);
    else if (built) out.push(built);
  }
  return out;
}

function interpretNode(node: XmlNode, fields: Fields, names: string[]): ViewNode | ViewNode[] | null {
  switch (node.tag) {
    case 'field': {
      const f = fieldNode(node, fields);
      if (f) names.push(f.name);
      return f;
    }
    case 'button': return buttonNode(node);
    case 'group': return { kind: 'group', string: node.attrs.string, children: children(node, fields, names) };
    case 'sheet': return { kind: 'sheet', children: children(node, fields, names) };
    case 'h1': case 'h2': case 'h3': return { kind: 'heading', children: children(node, fields, names) };
    case 'notebook':
      return {
        kind: 'notebook',
        pages: elements(node).filter((p) => p.tag === 'page').map((p) => ({ string: p.attrs.string ?? '', children: children(p, fields, names) })),
      };
    case 'header': {
      const inner = children(node, fields, names);
      return {
        kind: 'header', buttons: inner.filter((n): n is ButtonNode => n.kind === 'button'),
        statusbar: inner.find((n): n is FieldNode => n.kind === 'field' && n.widget === 'statusbar') ?? null,
      };
    }
    case 'label': return { kind: 'label', string: node.attrs.string ?? '' };
    case 'separator': return { kind: 'separator', string: node.attrs.string ?? '' };
    default: return { kind: 'div', children: children(node, fields, names) };
  }
}

export function interpretForm(arch: string, fields: Fields): FormView {
  const root = parseXml(arch);
  const names: string[] = [];
  const body = children(root, fields, names);
  const header = body.find((n): n is HeaderNode => n.kind === 'header') ?? null;
  return { kind: 'form', title: root.attrs.string ?? '', header, body: body.filter((n) => n.kind !== 'header'), fieldNames: [...new Set(names)] };
}

export function interpretList(arch: string, fields: Fields): ListView {
  const root = parseXml(arch);
  return {
    kind: 'list', title: root.attrs.string ?? '',
    columns: elements(root).filter((c) => c.tag === 'field').map((c) => column(c, fields)).filter((c): c is ColumnNode => !!c),
    editable: !!root.attrs.editable, decorations: parseColors(root.attrs.colors),
  };
}

/** Buttons of the header shown for these values (their `states` and `invisible`). */
export function visibleButtons(header: HeaderNode | null, values: Values): ButtonNode[] {
  if (!header) return [];
  return header.buttons.filter((b) => (!b.states || b.states.includes(String(values.state))) && !evaluate(b.invisible, values));
}

/** Columns named by an inline tree, against the comodel's fields. */
export function columnsOf(names: string[], fields: Fields): ColumnNode[] {
  return names.map((name) => column({ tag: 'field', attrs: { name }, children: [] }, fields)).filter((c): c is ColumnNode => !!c);
}
