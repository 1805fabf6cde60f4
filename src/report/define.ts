// What modules use to declare reports: defineReport (the layout, a function of the records the
// caller may read) and reportAction (its ir.actions.report.xml row, so clients can list it).
// Models import only this file of src/report.
import type { DataRecord, Env, Label } from '../orm/define';
import type { ReportDocument } from './document';

export interface ReportContext {
  /** The caller's environment, in the reader's language: reads apply their access rights. */
  env: Env;
  /** The records to print: requested by id (each one checked readable) or found by a domain. */
  ids: number[];
  /** The `datas` the client sent (model, ids, form values...). */
  datas: Record<string, unknown>;
  lang: string;
  doc: ReportDocument;
  /** A label in the reader's language. */
  text(label: Label): string;
  /** A field's label (its `string`) in the reader's language. */
  label(model: string, field: string): string;
  /** The label of a selection key in the reader's language ('' for no value). */
  choice(model: string, field: string, key: unknown): string;
  /** A date or datetime value (UTC text, or False) in the reader's format. */
  date(value: unknown): string;
  datetime(value: unknown): string;
  /** A number with the reader's decimal point and thousands separator. */
  number(value: unknown, digits?: number): string;
  /** Lets other calls run: layouts call it between records so a big report never holds the server. */
  breathe(): Promise<void>;
}

export interface ReportDef {
  /** The service name (7.0's `report_name`), e.g. `sale.order`. */
  reportName: string;
  model: string;
  /** Name of the Print menu entry and of the document. */
  name: Label;
  /** With no ids, the records are those `datas.domain` finds (or every readable one). */
  acceptsDomain?: boolean;
  /** Pages wider than tall (long tables). */
  landscape?: boolean;
  render(ctx: ReportContext): Promise<void>;
}

const REPORT_MARK = Symbol.for('report-definition');

export function defineReport(def: ReportDef): ReportDef {
  return Object.assign({ ...def }, { [REPORT_MARK]: true });
}

export function isReportDef(value: unknown): value is ReportDef {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[REPORT_MARK] === true;
}

/** The report's row in ir.actions.report.xml, under the external id `id` of the declaring module. */
export function reportAction(id: string, def: ReportDef, lang = 'es_ES'): DataRecord {
  const name = typeof def.name === 'string' ? def.name : def.name[lang] ?? def.name.en_US;
  return {
    id, model: 'ir.actions.report.xml',
    values: { name, model: def.model, report_name: def.reportName, report_type: 'pdf', type: 'ir.actions.report.xml', multi: false },
  };
}

export type { ReportDocument } from './document';
export type { BarChartSpec, ChartSeries, TableColumn } from './ops';
