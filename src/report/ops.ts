// A report as data: the page-level operations a layout records (titles, grids, tables, charts...)
// and the document's options. Plain values, so a worker thread can lay them out into a PDF.

export interface TableColumn {
  label: string;
  /** Share of the text width (the shares of a table add up to 1). */
  width: number;
  align?: 'left' | 'right' | 'center';
}

export interface ChartSeries {
  label: string;
  values: number[];
}

export interface BarChartSpec {
  /** Shown above the chart; '' for none (under a heading that already names it). */
  title: string;
  categories: string[];
  series: ChartSeries[];
  /** Stack the series in one bar per category instead of one bar per series. */
  stacked?: boolean;
  height?: number;
}

export interface ParagraphStyle {
  muted?: boolean;
  italic?: boolean;
  bold?: boolean;
  size?: number;
}

export type DocOp =
  | { op: 'newPage' }
  | { op: 'title'; text: string; subtitle?: string }
  | { op: 'heading'; text: string; keepWith?: number }
  | { op: 'fields'; pairs: [string, string][]; columns: number; labelShare?: number }
  | { op: 'paragraph'; text: string; style: ParagraphStyle }
  | { op: 'table'; columns: TableColumn[]; rows: string[][]; size?: number }
  | { op: 'chart'; spec: BarChartSpec }
  | { op: 'space'; points: number };

export interface DocumentOptions {
  /** Shown in every page's footer. */
  title: string;
  /** The footer's page number in the reader's language, with `{page}` and `{pages}` to fill in. */
  pageLabel: string;
  /** The document's date (its metadata): the same data gives the same bytes. */
  date: Date;
  author?: string;
  landscape?: boolean;
  /** The document's language for readers and assistive software (BCP 47, e.g. `es-ES`). */
  lang?: string;
}
