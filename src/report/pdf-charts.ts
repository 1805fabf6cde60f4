// Bar charts drawn as PDF vector paths (rectangles, lines and text), never as images: they stay
// sharp at any zoom and their labels stay searchable text.
import type { BarChartSpec } from './ops';
import { COLORS, PALETTE } from './style';


/** A round upper bound for the axis and its step: 0, step, 2·step... */
function axisScale(max: number): { top: number; step: number } {
  if (max <= 0) return { top: 1, step: 1 };
  const raw = max / 4;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? 10 * magnitude;
  const rounded = Math.max(1, Math.round(step));
  return { top: Math.ceil(max / rounded) * rounded, step: rounded };
}

/** What a chart needs of the page it is drawn on (the PDF writer is one). */
export interface ChartPage {
  readonly pdf: PDFKit.PDFDocument;
  readonly left: number;
  readonly width: number;
  readonly y: number;
  ensureSpace(height: number): void;
}

export function drawBarChart(doc: ChartPage, spec: BarChartSpec): void {
  const height = spec.height ?? 200;
  doc.ensureSpace(height + 60);
  const pdf = doc.pdf;
  const left = doc.left;
  const top = doc.y;
  // A chart right under a heading that says the same needs no title of its own.
  if (spec.title) pdf.font('bold').fontSize(10).fillColor(COLORS.text).text(spec.title, left, top, { width: doc.width });
  const plotTop = top + (spec.title ? 22 : 10);
  const axisX = left + 34;
  const plotWidth = doc.width - 34;
  const plotBottom = plotTop + height;
  const totals = spec.categories.map((_, i) => spec.series.reduce((s, se) => s + (se.values[i] ?? 0), 0));
  const max = spec.stacked ? Math.max(0, ...totals) : Math.max(0, ...spec.series.flatMap((s) => s.values));
  const { top: axisTop, step } = axisScale(max);
  const yOf = (v: number) => plotBottom - (v / axisTop) * height;

  pdf.lineWidth(0.4);
  for (let v = 0; v <= axisTop; v += step) {
    pdf.moveTo(axisX, yOf(v)).lineTo(axisX + plotWidth, yOf(v)).strokeColor(COLORS.rule).stroke();
    pdf.font('body').fontSize(7).fillColor(COLORS.muted).text(String(v), left, yOf(v) - 3.5, { width: 30, align: 'right', lineBreak: false });
  }

  const n = Math.max(1, spec.categories.length);
  const slot = plotWidth / n;
  const groups = spec.stacked ? 1 : Math.max(1, spec.series.length);
  const barWidth = Math.min(28, (slot * 0.75) / groups);
  spec.categories.forEach((cat, i) => {
    const start = axisX + i * slot + (slot - barWidth * groups) / 2;
    let base = 0;
    spec.series.forEach((s, k) => {
      const v = s.values[i] ?? 0;
      if (v <= 0) return;
      const x = spec.stacked ? start : start + k * barWidth;
      const y0 = spec.stacked ? base : 0;
      pdf.rect(x, yOf(y0 + v), barWidth - (spec.stacked ? 0 : 1), yOf(y0) - yOf(y0 + v)).fillColor(PALETTE[k % PALETTE.length]).fill();
      if (spec.stacked) base += v;
      else pdf.font('body').fontSize(6).fillColor(COLORS.text).text(String(v), x - 4, yOf(v) - 8, { width: barWidth + 8, align: 'center', lineBreak: false });
    });
    if (spec.stacked && totals[i] > 0) {
      pdf.font('body').fontSize(7).fillColor(COLORS.text).text(String(totals[i]), start - 6, yOf(totals[i]) - 9, { width: barWidth + 12, align: 'center', lineBreak: false });
    }
    pdf.font('body').fontSize(7).fillColor(COLORS.text).text(cat, axisX + i * slot + 1, plotBottom + 3, { width: slot - 2, align: 'center', height: 18, ellipsis: true });
  });
  pdf.moveTo(axisX, plotTop).lineTo(axisX, plotBottom).lineTo(axisX + plotWidth, plotBottom).lineWidth(0.8).strokeColor(COLORS.text).stroke();

  // Legend: one swatch and label per series, on as many lines as it takes.
  let x = axisX;
  let y = plotBottom + 24;
  pdf.font('body').fontSize(8);
  spec.series.forEach((s, k) => {
    const w = 14 + pdf.widthOfString(s.label) + 14;
    if (x + w > axisX + plotWidth) { x = axisX; y += 12; }
    pdf.rect(x, y + 1, 9, 7).fillColor(PALETTE[k % PALETTE.length]).fill();
    pdf.fillColor(COLORS.text).text(s.label, x + 13, y, { lineBreak: false });
    x += w;
  });
  pdf.x = left;
  pdf.y = y + 20;
}
