// The colours of printed reports: text, rules, table bands and the chart palette.

export const COLORS = {
  text: '#1f2933', muted: '#616e7c', rule: '#cbd2d9', band: '#e4ecf7', accent: '#1d4f91', zebra: '#f5f7fa',
} as const;

/** Colour-blind-safe palette (Okabe–Ito), in the order series use it. */
export const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#D55E00', '#CC79A7', '#56B4E9', '#F0E442', '#000000'];
