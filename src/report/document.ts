// What report layouts write with: titles, label/value grids, paragraphs, tables and bar charts,
// recorded as operations (ops.ts). Laying them out into a PDF happens off the event loop
// (render-pool.ts), so a long report never holds other calls.
import type { BarChartSpec, DocOp, DocumentOptions, ParagraphStyle, TableColumn } from './ops';

export class ReportDocument {
  readonly ops: DocOp[] = [];

  constructor(readonly options: DocumentOptions) {}

  /** Starts a page: the next record's, when several share a document. */
  newPage(): void {
    this.ops.push({ op: 'newPage' });
  }

  title(text: string, subtitle?: string): void {
    this.ops.push({ op: 'title', text, subtitle });
  }

  /** A section heading; `keepWith` points of what follows must fit under it on the same page. */
  heading(text: string, keepWith?: number): void {
    this.ops.push({ op: 'heading', text, keepWith });
  }

  /** Label/value pairs in `columns` columns; empty values show as a dash. */
  fields(pairs: [string, string][], columns = 2, opts: { labelShare?: number } = {}): void {
    this.ops.push({ op: 'fields', pairs, columns, labelShare: opts.labelShare });
  }

  paragraph(text: string, style: ParagraphStyle = {}): void {
    this.ops.push({ op: 'paragraph', text, style });
  }

  /** A table whose header repeats on each page it runs onto. */
  table(columns: TableColumn[], rows: string[][], opts: { size?: number } = {}): void {
    this.ops.push({ op: 'table', columns, rows, size: opts.size });
  }

  /** The same table filled row by row (long lists read in slices). */
  tableWriter(columns: TableColumn[], opts: { size?: number } = {}): { row(cells: string[]): void; end(): void } {
    const rows: string[][] = [];
    this.table(columns, rows, opts);
    return { row: (cells) => { rows.push(cells); }, end: () => undefined };
  }

  /** A bar chart drawn as vector paths, its labels as text. */
  barChart(spec: BarChartSpec): void {
    this.ops.push({ op: 'chart', spec });
  }

  space(points = 8): void {
    this.ops.push({ op: 'space', points });
  }
}
