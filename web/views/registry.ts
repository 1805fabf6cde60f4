// The one table from an ORM field type (or a view's `widget=`) to the widget that shows it.
// A new widget is one line here plus its component in web/components/widgets.tsx.

export type WidgetName =
  | 'char' | 'password' | 'text' | 'html' | 'integer' | 'float' | 'monetary' | 'boolean' | 'date' | 'datetime'
  | 'selection' | 'many2one' | 'many2many_tags' | 'one2many_list' | 'binary' | 'statusbar' | 'reference';

export const WIDGET_BY_TYPE: Record<string, WidgetName> = {
  char: 'char', text: 'text', html: 'html', integer: 'integer', float: 'float', monetary: 'monetary',
  boolean: 'boolean', date: 'date', datetime: 'datetime', selection: 'selection', many2one: 'many2one',
  many2many: 'many2many_tags', one2many: 'one2many_list', binary: 'binary', password: 'password', reference: 'reference',
};

/** Widgets a view may ask for by name, beyond the type's own. */
const NAMED_WIDGETS: Record<string, WidgetName> = {
  statusbar: 'statusbar', many2many_tags: 'many2many_tags', one2many_list: 'one2many_list',
  monetary: 'monetary', html: 'html', password: 'password',
};

export function widgetFor(fieldType: string, viewWidget?: string, password?: boolean): WidgetName {
  if (password) return 'password';
  if (viewWidget && NAMED_WIDGETS[viewWidget]) return NAMED_WIDGETS[viewWidget];
  return WIDGET_BY_TYPE[fieldType] ?? 'char';
}
