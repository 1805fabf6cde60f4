// The web client's view interpreter, without a browser: the support center's own arches become
// the fields, widgets, modifiers, buttons, columns and search choices a person sees.
import { STATISTICS_RECORDS } from '../../../models/helpdesk_master/statistics';
import { VIEW_RECORDS } from '../../../models/helpdesk_master/views';
import { interpretGraph, meanDays, pivot } from '../../../web/views/graph';
import { matchDomain, parseColors } from '../../../web/views/domain';
import {
  evaluate, fieldModifier, fieldNodes, interpretForm, interpretList, visibleButtons, type FieldNode, type Fields,
} from '../../../web/views/interpret';
import { parsePyLiteral } from '../../../web/views/py-literal';
import { searchDomain, interpretSearch } from '../../../web/views/search';
import { parseXml } from '../../../web/views/xml';

const arch = (id: string): string => String([...VIEW_RECORDS, ...STATISTICS_RECORDS].find((v) => v.id === id)!.values.arch);

const REQUEST_FIELDS: Fields = {
  name: { type: 'char', string: 'Reference', readonly: true },
  subject: { type: 'char', string: 'Subject', required: true },
  description: { type: 'text', string: 'Description' },
  date: { type: 'datetime', string: 'Date' },
  date_closed: { type: 'datetime', string: 'Closed on', readonly: true },
  category: { type: 'selection', string: 'Category', required: true, selection: [['technical', 'Technical']] },
  priority: { type: 'selection', string: 'Priority', selection: [['1', 'Normal']] },
  state: { type: 'selection', string: 'State', readonly: true, selection: [['draft', 'Draft'], ['notified', 'Notified'], ['reviewed', 'Reviewed']] },
  partner_id: { type: 'many2one', string: 'Requester', relation: 'res.partner' },
  user_id: { type: 'many2one', string: 'Responsible', relation: 'res.users' },
  company_id: { type: 'many2one', string: 'Center', relation: 'res.company' },
  problem_ids: { type: 'many2many', string: 'Problems', relation: 'helpdesk.problem' },
  related_request_ids: { type: 'many2many', string: 'Related incidents', relation: 'helpdesk.request' },
  solution_ids: { type: 'many2many', string: 'Solutions', relation: 'helpdesk.solution' },
};

const allFields = fieldNodes;

describe('the XML and Python literal readers', () => {
  it('read elements, attributes with entities, text and self-closing tags', () => {
    const root = parseXml('<?xml version="1.0"?><form string="A &amp; B"><!-- c --><field name="x"/><label string=\'L\'>t&lt;</label></form>');
    expect(root.attrs.string).toBe('A & B');
    expect(root.children).toEqual([
      { tag: 'field', attrs: { name: 'x' }, children: [] },
      { tag: 'label', attrs: { string: 'L' }, children: ['t<'] },
    ]);
  });

  it('refuse malformed XML', () => {
    expect(() => parseXml('<form><field></form>')).toThrow(/Unexpected|Malformed/);
    expect(() => parseXml('<form>')).toThrow(/unclosed/);
  });

  it('read tuples, dicts and the Python constants without evaluating anything', () => {
    expect(parsePyLiteral("{'readonly': [('state', '!=', 'reviewed')], 'x': (1, -2.5, True, None)}"))
      .toEqual({ readonly: [['state', '!=', 'reviewed']], x: [1, -2.5, true, null] });
    expect(() => parsePyLiteral("__import__('os')")).toThrow();
  });
});

describe('domains over the values being edited', () => {
  it('combine & | ! and compare many2one ids', () => {
    const values = { state: 'draft', partner_id: [7, 'Ana'], count: 3 };
    expect(matchDomain("[('state', '=', 'draft'), ('partner_id', '=', 7)]", values)).toBe(true);
    expect(matchDomain("['|', ('state', '=', 'closed'), ('count', '>', 2)]", values)).toBe(true);
    expect(matchDomain("['!', ('state', 'in', ('draft', 'notified'))]", values)).toBe(false);
    expect(matchDomain("[('partner_id', '=', False)]", { partner_id: false })).toBe(true);
  });

  it('read the tree colours of the request list', () => {
    const rules = parseColors(parseXml(arch('view_helpdesk_request_tree')).attrs.colors);
    expect(rules.map((r) => r.color)).toEqual(['grey', 'blue']);
    expect(rules[0].test({ state: 'closed' })).toBe(true);
    expect(rules[1].test({ state: 'closed' })).toBe(false);
  });
});

describe('the request form', () => {
  const form = interpretForm(arch('view_helpdesk_request_form'), REQUEST_FIELDS);
  const fields = allFields(form.body);
  const byName = (n: string) => fields.find((f) => f.name === n)!;

  it('gives every field the widget of its type', () => {
    expect(byName('subject').widget).toBe('char');
    expect(byName('description').widget).toBe('text');
    expect(byName('date').widget).toBe('datetime');
    expect(byName('category').widget).toBe('selection');
    expect(byName('partner_id').widget).toBe('many2one');
    expect(byName('problem_ids').widget).toBe('many2many_tags');
    expect(form.header!.statusbar!.widget).toBe('statusbar');
  });

  it('labels fields with their string and keeps the inline tree columns', () => {
    expect(byName('subject').label).toBe('Subject');
    expect(byName('problem_ids').columnNames).toEqual(['name', 'request_category', 'category', 'state']);
  });

  it('makes problems read-only outside review, and keeps required and readonly of the fields', () => {
    const problems = byName('problem_ids');
    expect(fieldModifier(problems, 'readonly', { state: 'draft' })).toBe(true);
    expect(fieldModifier(problems, 'readonly', { state: 'reviewed' })).toBe(false);
    expect(evaluate(byName('subject').required, {})).toBe(true);
    expect(evaluate(byName('name').readonly, {})).toBe(true);
  });

  it('puts the tabs of the manual into a notebook', () => {
    const sheet = form.body.find((n) => n.kind === 'sheet');
    const notebook = sheet && 'children' in sheet ? sheet.children.find((n) => n.kind === 'notebook') : undefined;
    expect(notebook && notebook.kind === 'notebook' ? notebook.pages.map((p) => p.string) : [])
      .toEqual(['Incidentes relacionados', 'Problemas', 'Soluciones', 'Comunicación']);
  });

  it('shows the workflow buttons of the current state only', () => {
    expect(visibleButtons(form.header, { state: 'draft' }).map((b) => b.string)).toEqual(['Notificar', 'Cerrar', 'Cancelar']);
    expect(visibleButtons(form.header, { state: 'notified' }).map((b) => b.name)).toEqual(['review', 'close', 'cancel']);
    expect(visibleButtons(form.header, { state: 'cancelled' }).map((b) => b.name)).toEqual(['reset']);
    expect(form.header!.statusbar!.statusbarVisible).toContain('testing');
  });

  it('lets a field state override readonly', () => {
    const node: FieldNode = { ...byName('subject'), field: { ...REQUEST_FIELDS.subject, states: { draft: [['readonly', true]] } } };
    expect(fieldModifier(node, 'readonly', { state: 'draft' })).toBe(true);
    expect(fieldModifier(node, 'readonly', { state: 'notified' })).toBe(false);
  });
});

describe('the problem form', () => {
  it('reads the on_change of the request category with its arguments', () => {
    const fields: Fields = {
      date: { type: 'date', string: 'Date' }, request_category: { type: 'selection', string: 'Request category' },
      category: { type: 'selection', string: 'Category' }, name: { type: 'text', string: 'Description' },
    };
    const form = interpretForm(arch('view_helpdesk_problem_form'), fields);
    expect(fieldNodes(form.body).find((f) => f.name === 'request_category')!.onChange)
      .toEqual({ method: 'onchange_request_category', args: ['request_category', 'category'] });
    expect(fieldNodes(form.body).find((f) => f.name === 'category')!.onChange).toBeUndefined();
  });
});

describe('the request list and search views', () => {
  it('makes the tree columns in order', () => {
    const list = interpretList(arch('view_helpdesk_request_tree'), REQUEST_FIELDS);
    expect(list.columns.map((c) => c.label)).toEqual(['Reference', 'Subject', 'Category', 'Priority', 'Requester', 'Responsible', 'Date', 'State']);
    expect(list.decorations.find((d) => d.test({ state: 'draft' }))?.color).toBe('blue');
  });

  it('reads filters and group-bys, and builds the domain of a search', () => {
    const search = interpretSearch(arch('view_helpdesk_request_search'), REQUEST_FIELDS);
    expect(search.filters.map((f) => f.string)).toEqual(['Abiertas', 'Notificadas', 'Cerradas']);
    expect(search.groupBys.map((g) => g.field)).toEqual(['state', 'category']);
    expect(searchDomain(search, '', [])).toEqual([]);
    expect(searchDomain(search, ' printer ', ['notified', 'closed'])).toEqual([
      '|', '|', '|', ['name', 'ilike', 'printer'], ['subject', 'ilike', 'printer'], ['partner_id', 'ilike', 'printer'], ['user_id', 'ilike', 'printer'],
      '|', ['state', '=', 'notified'], ['state', '=', 'closed'],
    ]);
  });
});

describe('the statistics graph view', () => {
  const FIELDS: Fields = { ...REQUEST_FIELDS };
  const graph = interpretGraph(arch('view_helpdesk_request_graph'), FIELDS);

  it('offers state, category, center and month, and the time from filing to closing', () => {
    expect(graph.dimensions.map((d) => d.groupBy)).toEqual(['state', 'category', 'company_id', 'date:month']);
    expect(graph.durations).toEqual([{ from: 'date', to: 'date_closed', label: 'Closed on' }]);
  });

  it('makes a pivot with totals and the mean duration in days', () => {
    const table = pivot([
      { row: 'Closed', col: 'Technical', count: 2 }, { row: 'Draft', col: 'Functional', count: 3 }, { row: 'Closed', col: 'Functional', count: 1 },
    ]);
    expect(table.rows).toEqual(['Closed', 'Draft']);
    expect(table.count('Draft', 'Technical')).toBe(0);
    expect(table.rowTotal('Closed')).toBe(3);
    expect(table.colTotal('Functional')).toBe(4);
    expect(table.total).toBe(6);
    const d = graph.durations[0];
    expect(meanDays([
      { date: '2026-01-01 00:00:00', date_closed: '2026-01-03 00:00:00' },
      { date: '2026-01-01 00:00:00', date_closed: '2026-01-02 00:00:00' },
      { date: '2026-01-01 00:00:00', date_closed: false },
    ], d)).toBe(1.5);
    expect(meanDays([], d)).toBeNull();
  });
});
