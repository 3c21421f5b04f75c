import { GRAY, type Painter, type Rgb } from './pdfPainter';

// A bar or line chart drawn as vectors (sharp at any zoom, printable, text searchable):
// title, legend, a y axis with round ticks and grid lines, x labels thinned when they
// would overlap, grouped bars or lines with dots.

export interface PdfChart {
  kind: 'bar' | 'line';
  title: string;
  labels: string[];
  series: { name: string; values: number[] }[];
}

/** Mantine's blue, teal, orange, grape, yellow, red, cyan, lime: the colours the screen's charts use. */
const PALETTE: Rgb[] = [
  [0.13, 0.55, 0.9],
  [0.07, 0.6, 0.5],
  [0.99, 0.49, 0.08],
  [0.68, 0.24, 0.71],
  [0.98, 0.69, 0.02],
  [0.98, 0.32, 0.32],
  [0.08, 0.67, 0.75],
  [0.51, 0.79, 0.12],
];
const GRID: Rgb = [0.85, 0.86, 0.88];
const AXIS: Rgb = [0.6, 0.62, 0.65];

const numberFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/** Round tick values covering [min, max]: steps of 1, 2 or 5 times a power of ten. */
export function niceTicks(min: number, max: number, count = 5): number[] {
  const low = Math.min(0, min);
  const high = max > low ? max : low + 1;
  const rough = (high - low) / count;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? 10 * power;
  const ticks: number[] = [];
  // Counted in steps and rounded, so 0.1 + 0.2 does not print as 0.30000000000000004.
  const at = (k: number) => Number((k * step).toPrecision(12));
  let k = Math.floor(low / step);
  do ticks.push(at(k++));
  while (ticks[ticks.length - 1]! < high);
  return ticks;
}

const SIZE = { title: 10, legend: 8, axis: 7 };

/** The height a chart takes on the page (fixed: charts do not split across pages). */
export const CHART_HEIGHT = 230;

export function drawChart(p: Painter, chart: PdfChart, x: number, top: number, width: number): void {
  const height = CHART_HEIGHT;
  p.text(p.clip(chart.title, width, SIZE.title), x, top, { size: SIZE.title, bold: true });
  let y = top + p.lineHeight(SIZE.title) + 4;

  // Legend: a swatch and a name per series, wrapping onto more rows when needed.
  let lx = x;
  const legendLine = p.lineHeight(SIZE.legend);
  chart.series.forEach((s, i) => {
    const name = p.clip(s.name, width / 2, SIZE.legend);
    const w = 12 + p.width(name, SIZE.legend) + 14;
    if (lx + w > x + width && lx > x) {
      lx = x;
      y += legendLine + 2;
    }
    p.fillRect(lx, y + legendLine / 2 - 3, 9, 6, PALETTE[i % PALETTE.length]!);
    p.text(name, lx + 12, y, { size: SIZE.legend, color: GRAY });
    lx += w;
  });
  y += legendLine + 8;

  const values = chart.series.flatMap((s) => s.values.filter((v) => Number.isFinite(v)));
  const ticks = niceTicks(values.length ? Math.min(...values) : 0, values.length ? Math.max(...values) : 1);
  const lo = ticks[0]!;
  const hi = ticks[ticks.length - 1]!;
  const tickLabels = ticks.map((t) => numberFormat.format(t));
  const axisWidth = Math.max(...tickLabels.map((t) => p.width(t, SIZE.axis))) + 6;
  const axisLine = p.lineHeight(SIZE.axis);
  const plot = { left: x + axisWidth, top: y, right: x + width, bottom: top + height - axisLine - 6 };
  const plotHeight = plot.bottom - plot.top;
  const toY = (v: number) => plot.bottom - ((v - lo) / (hi - lo)) * plotHeight;

  ticks.forEach((t, i) => {
    const ty = toY(t);
    p.line(plot.left, ty, plot.right, ty, t === 0 ? AXIS : GRID, 0.5, t === 0 ? undefined : 2);
    p.text(tickLabels[i]!, plot.left - 4, ty - axisLine / 2, { size: SIZE.axis, color: GRAY }, 'right');
  });
  p.line(plot.left, plot.top, plot.left, plot.bottom, AXIS);

  const n = Math.max(1, chart.labels.length);
  const band = (plot.right - plot.left) / n;
  // Every k-th label, so that labels keep apart.
  const widest = Math.max(0, ...chart.labels.map((l) => p.width(l, SIZE.axis)));
  const every = Math.max(1, Math.ceil((Math.min(widest, 80) + 6) / band));
  chart.labels.forEach((label, i) => {
    if (i % every !== 0) return;
    const cx = plot.left + band * (i + 0.5);
    p.text(p.clip(label, band * every - 4, SIZE.axis), cx, plot.bottom + 4, { size: SIZE.axis, color: GRAY }, 'center');
  });

  const zero = toY(Math.max(lo, Math.min(0, hi)));
  if (chart.kind === 'bar') {
    const count = Math.max(1, chart.series.length);
    const bar = Math.max(0.5, (band * 0.75) / count);
    chart.series.forEach((s, si) => {
      s.values.forEach((v, i) => {
        if (!Number.isFinite(v) || i >= n) return;
        const bx = plot.left + band * i + band * 0.125 + bar * si;
        const vy = toY(v);
        p.fillRect(bx, Math.min(vy, zero), bar, Math.abs(zero - vy), PALETTE[si % PALETTE.length]!);
      });
    });
  } else {
    chart.series.forEach((s, si) => {
      const points: [number, number][] = [];
      s.values.forEach((v, i) => {
        if (Number.isFinite(v) && i < n) points.push([plot.left + band * (i + 0.5), toY(v)]);
      });
      p.polyline(points, PALETTE[si % PALETTE.length]!, 1.5);
    });
  }
}
