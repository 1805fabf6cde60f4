// Lays a recorded report (ops.ts) out on PDFKit pages: titles, label/value grids, tables that
// repeat their header across pages, paragraphs and charts, with an embedded DejaVu font, so text
// stays real, selectable text in every language the server speaks. Runs in the render worker.
import PDFDocument from 'pdfkit';
import { REPORT_FONTS } from './fonts';
import type { DocOp, DocumentOptions, ParagraphStyle, TableColumn } from './ops';
import { drawBarChart } from './pdf-charts';
import { COLORS } from './style';


const MARGIN = 50;
const FOOTER_SPACE = 24;
/** Longest text one table cell shows: a row never grows taller than a page. */
const CELL_MAX_CHARS = 400;

export class PdfWriter {
  readonly pdf: PDFKit.PDFDocument;
  private readonly chunks: Buffer[] = [];
  private readonly done: Promise<Buffer>;
  private started = false;

  constructor(private readonly opts: DocumentOptions) {
    this.pdf = new PDFDocument({
      size: 'A4', layout: opts.landscape ? 'landscape' : 'portrait', bufferPages: true, autoFirstPage: false,
      margins: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: MARGIN + FOOTER_SPACE },
      info: { Title: opts.title, Author: opts.author ?? '', Creator: 'Support center', Producer: 'PDFKit', CreationDate: opts.date },
      lang: opts.lang ?? 'en-US', displayTitle: true,
    });
    this.pdf.on('data', (c: Buffer) => this.chunks.push(c));
    this.done = new Promise((resolve, reject) => {
      this.pdf.on('end', () => resolve(Buffer.concat(this.chunks)));
      this.pdf.on('error', reject);
    });
    this.pdf.registerFont('body', REPORT_FONTS.regular);
    this.pdf.registerFont('bold', REPORT_FONTS.bold);
    this.pdf.registerFont('italic', REPORT_FONTS.italic);
  }

  get left(): number { return this.pdf.page.margins.left; }
  get width(): number { return this.pdf.page.width - this.pdf.page.margins.left - this.pdf.page.margins.right; }
  get bottom(): number { return this.pdf.page.height - this.pdf.page.margins.bottom; }
  get y(): number { return this.pdf.y; }

  /** Lays out every operation, then closes the document: the PDF's bytes. */
  write(ops: DocOp[]): Promise<Buffer> {
    for (const o of ops) {
      switch (o.op) {
        case 'newPage': this.newPage(); break;
        case 'title': this.title(o.text, o.subtitle); break;
        case 'heading': this.heading(o.text, o.keepWith); break;
        case 'fields': this.fields(o.pairs, o.columns, o.labelShare); break;
        case 'paragraph': this.paragraph(o.text, o.style); break;
        case 'table': this.table(o.columns, o.rows, o.size); break;
        case 'chart': drawBarChart(this, o.spec); break;
        case 'space': this.pdf.y += o.points; break;
      }
    }
    return this.finish();
  }

  /** Starts a page: the first one, or the next record's when several share a document. */
  newPage(): void {
    this.pdf.addPage();
    this.started = true;
    this.pdf.font('body').fontSize(10).fillColor(COLORS.text);
  }

  private ensureStarted(): void {
    if (!this.started) this.newPage();
  }

  /** Moves to a new page unless `height` points still fit on this one. */
  ensureSpace(height: number): void {
    this.ensureStarted();
    if (this.pdf.y + height > this.bottom) this.newPage();
  }

  title(text: string, subtitle?: string): void {
    this.ensureStarted();
    this.pdf.font('bold').fontSize(18).fillColor(COLORS.accent).text(text, this.left, this.pdf.y, { width: this.width });
    if (subtitle) this.pdf.font('body').fontSize(10).fillColor(COLORS.muted).text(subtitle, { width: this.width });
    const y = this.pdf.y + 4;
    this.pdf.moveTo(this.left, y).lineTo(this.left + this.width, y).lineWidth(1.5).strokeColor(COLORS.accent).stroke();
    this.pdf.y = y + 10;
    this.reset();
  }

  heading(text: string, keepWith = 0): void {
    this.ensureSpace(Math.max(50, keepWith + 30));
    this.pdf.y += 6;
    this.pdf.font('bold').fontSize(12).fillColor(COLORS.accent).text(text, this.left, this.pdf.y, { width: this.width });
    const y = this.pdf.y + 2;
    this.pdf.moveTo(this.left, y).lineTo(this.left + this.width, y).lineWidth(0.5).strokeColor(COLORS.rule).stroke();
    this.pdf.y = y + 6;
    this.reset();
  }

  /** Label/value pairs in `columns` columns; empty values show as a dash. */
  fields(pairs: [string, string][], columns: number, labelShare?: number): void {
    this.ensureStarted();
    const colWidth = this.width / columns;
    const labelWidth = labelShare ? colWidth * labelShare : Math.min(110, colWidth * 0.42);
    for (let i = 0; i < pairs.length; i += columns) {
      const row = pairs.slice(i, i + columns);
      const heights = row.map(([label, value]) => Math.max(
        this.measure('bold', 9, label, labelWidth - 6), this.measure('body', 10, value || '—', colWidth - labelWidth - 8)));
      const h = Math.max(...heights) + 5;
      this.ensureSpace(h);
      const y = this.pdf.y;
      row.forEach(([label, value], c) => {
        const x = this.left + c * colWidth;
        this.pdf.font('bold').fontSize(9).fillColor(COLORS.muted).text(label, x, y + 1, { width: labelWidth - 6 });
        this.pdf.font('body').fontSize(10).fillColor(COLORS.text).text(value || '—', x + labelWidth, y, { width: colWidth - labelWidth - 8 });
      });
      this.pdf.y = y + h;
    }
    this.reset();
  }

  paragraph(text: string, opts: ParagraphStyle): void {
    this.ensureSpace(20);
    this.pdf.font(opts.bold ? 'bold' : opts.italic ? 'italic' : 'body').fontSize(opts.size ?? 10).fillColor(opts.muted ? COLORS.muted : COLORS.text)
      .text(text, this.left, this.pdf.y, { width: this.width, paragraphGap: 4 });
    this.reset();
  }

  /** A table whose header repeats on each page it runs onto. */
  table(columns: TableColumn[], rows: string[][], fontSize?: number): void {
    const size = fontSize ?? 9;
    const widths = columns.map((c) => c.width * this.width);
    const cellHeight = (font: string, cells: string[]) =>
      Math.max(...cells.map((t, i) => this.measure(font, size, clip(t), widths[i] - 8))) + 6;
    const header = columns.map((c) => c.label);
    const headerHeight = cellHeight('bold', header);
    const drawRow = (cells: string[], font: string, h: number, fill?: string) => {
      const y = this.pdf.y;
      if (fill) this.pdf.rect(this.left, y, this.width, h).fillColor(fill).fill();
      let x = this.left;
      cells.forEach((t, i) => {
        this.pdf.font(font).fontSize(size).fillColor(COLORS.text)
          .text(clip(t), x + 4, y + 3, { width: widths[i] - 8, align: columns[i].align ?? 'left' });
        x += widths[i];
      });
      this.pdf.moveTo(this.left, y + h).lineTo(this.left + this.width, y + h).lineWidth(0.4).strokeColor(COLORS.rule).stroke();
      this.pdf.y = y + h;
    };
    this.ensureSpace(headerHeight + 20);
    drawRow(header, 'bold', headerHeight, COLORS.band);
    rows.forEach((cells, n) => {
      const h = cellHeight('body', cells);
      if (this.pdf.y + h > this.bottom) {
        this.newPage();
        drawRow(header, 'bold', headerHeight, COLORS.band);
      }
      drawRow(cells, 'body', h, n % 2 ? COLORS.zebra : undefined);
    });
    this.pdf.y += 8;
    this.reset();
  }

  /** Writes every page's footer and closes the document. */
  private finish(): Promise<Buffer> {
    this.ensureStarted();
    const { start, count } = this.pdf.bufferedPageRange();
    for (let i = start; i < start + count; i++) {
      this.pdf.switchToPage(i);
      const page = this.pdf.page;
      // Writing below the bottom margin would add a page: lift the margin while the footer is drawn.
      const bottomMargin = page.margins.bottom;
      page.margins.bottom = 0;
      const y = page.height - MARGIN - 8;
      this.pdf.moveTo(this.left, y - 4).lineTo(this.left + this.width, y - 4).lineWidth(0.5).strokeColor(COLORS.rule).stroke();
      this.pdf.font('body').fontSize(8).fillColor(COLORS.muted);
      this.pdf.text(this.opts.title, this.left, y, { width: this.width * 0.7, lineBreak: false });
      this.pdf.text(this.opts.pageLabel.replace('{page}', String(i - start + 1)).replace('{pages}', String(count)), this.left, y, { width: this.width, align: 'right', lineBreak: false });
      page.margins.bottom = bottomMargin;
    }
    this.pdf.end();
    return this.done;
  }

  private measure(font: string, size: number, text: string, width: number): number {
    return this.pdf.font(font).fontSize(size).heightOfString(text || ' ', { width });
  }

  private reset(): void {
    this.pdf.font('body').fontSize(10).fillColor(COLORS.text).strokeColor(COLORS.text).lineWidth(1);
    this.pdf.x = this.left;
  }
}

function clip(text: string): string {
  return text.length > CELL_MAX_CHARS ? `${text.slice(0, CELL_MAX_CHARS - 1)}…` : text;
}
