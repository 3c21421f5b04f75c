import fs from 'node:fs';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { CHART_HEIGHT, drawChart, type PdfChart } from './pdfChart';
import { PDF_FONT_FACE, PdfFontError, pdfFontPath, readPdfFont } from './pdfFont';
import { BLACK, GRAY, Painter, type Rgb } from './pdfPainter';

// Reports and queue views as print-layout PDFs: a title, the filters and the time the file
// was made on the first page, figures, vector charts and tables (header row repeated on
// every page, numbers right-aligned, long text wrapped to a few lines, a totals row),
// "page X of Y" on every page, Chinese text in an embedded (subset) CJK font.
//
// Memory stays flat however long a table runs: each page's drawing is compressed and
// written to the file as soon as the page is full (pdfkit's bufferPages would keep every
// page's drawing, uncompressed and in small pieces, until the end: tens of KB a page, and a
// 100,000-row queue is some 3,800 pages). The pages stay
// open only for a second, tiny content stream that receives the page number once the
// number of pages is known. The file is written synchronously as pdfkit produces it, so
// the writer also runs inside a synchronous worker task (writePdfSync).

export type { PdfChart } from './pdfChart';

export interface PdfColumn {
  header: string;
  /** Relative to the other columns' widths (default 1). */
  width?: number;
  /** Default: numbers right, text left. */
  align?: 'left' | 'right';
}

export type PdfCell = string | number | null;

export type PdfSection =
  | { kind: 'figures'; title?: string; items: { label: string; value: string; previous?: string }[] }
  | { kind: 'chart'; chart: PdfChart }
  | {
      kind: 'table';
      title?: string;
      columns: PdfColumn[];
      /**
       * Read once, lazily, as the pages fill (a generator over a large result never sits in
       * memory whole). Writing runs straight through, so PDFs are written in worker threads.
       */
      rows: Iterable<PdfCell[]>;
      totals?: PdfCell[];
    };

export interface PdfDocument {
  title: string;
  /** Printed under the title, e.g. { label: '状态', value: '处理中、待处理' }. */
  filters: { label: string; value: string }[];
  /** Printed as given under the filters: already formatted in desk time by the caller, e.g. `生成时间：2026-11-26 10:30`. */
  generatedAt: string;
  /** The footer of every page, e.g. (p, n) => `第 ${p} 页，共 ${n} 页`. */
  pageLabel: (page: number, pages: number) => string;
  sections: PdfSection[];
  /** A4 landscape (wide tables); default A4 portrait. */
  landscape?: boolean;
}

export interface PdfWriteOptions {
  progress?(rows: number): void;
  /** Read between rows; true stops the writer, removes the partial file and rejects with Error('cancelled'). */
  cancelled?(): boolean;
  /** The CJK font file; default pdfFontPath() (resources/fonts, or the packaged app's resources). */
  fontPath?: string;
}

export interface PdfResult {
  bytes: number;
  pages: number;
  /** Table rows written (all tables, totals rows not counted). */
  rows: number;
}

type Doc = InstanceType<typeof PDFDocument>;

/** The pdfkit internals a sealed page needs (see seal()). */
interface PageInternals {
  content: { end(): void };
  dictionary: { data: { Contents: unknown } };
}

const MARGIN = { top: 42, bottom: 46, side: 36 };
const SIZE = { title: 16, meta: 8.5, section: 11, cell: 8, header: 8, footer: 7.5, figureLabel: 8, figureValue: 15, figurePrevious: 7.5 };
const CELL_PAD = { x: 3, y: 2.5 };
/** A cell shows at most this many lines; longer text ends in an ellipsis. */
const MAX_CELL_LINES = 3;
const HEADER_FILL: Rgb = [0.93, 0.94, 0.96];
const STRIPE_FILL: Rgb = [0.975, 0.98, 0.985];
const TOTALS_FILL: Rgb = [0.93, 0.94, 0.96];
const RULE: Rgb = [0.75, 0.77, 0.8];
const FIGURE_FILL: Rgb = [0.96, 0.97, 0.98];
/** Progress and cancel are looked at every this many rows. */
const CHECK_EVERY = 250;
/** Bytes gathered before a write to the file. */
const FLUSH_BYTES = 1 << 20;

const numberFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

function cellText(value: PdfCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? numberFormat.format(value) : '';
  return value;
}

/** "标签：值" after a Chinese label, "Label: value" after a Latin one. */
export function labelled(label: string, value: string): string {
  return /[\u3000-\u9fff\uff00-\uffef]$/.test(label) ? `${label}：${value}` : `${label}: ${value}`;
}

class Cancelled extends Error {
  constructor() {
    super('cancelled');
  }
}

/** Lays the document out page by page (a generator: it yields after each page). */
function* layout(doc: Doc, p: Painter, input: PdfDocument, options: PdfWriteOptions, counter: { rows: number; pages: number }): Generator<void> {
  const width = doc.page.width - MARGIN.side * 2;
  const left = MARGIN.side;
  const bottom = () => doc.page.height - MARGIN.bottom;
  let y = MARGIN.top;

  function seal(): void {
    // The page's drawing so far is complete: compress it and write it out now. The page keeps
    // a second, empty content stream for its footer (PDF pages may have several).
    p.flush();
    const page = doc.page as unknown as PageInternals;
    const body = page.content;
    const footer = doc.ref({}) as unknown as PageInternals['content'];
    page.dictionary.data.Contents = [body, footer];
    page.content = footer;
    body.end();
  }

  function* newPage(): Generator<void> {
    seal();
    counter.pages++;
    yield;
    doc.addPage();
    // A running head: the title, small, so a loose page still says what it belongs to.
    p.text(p.clip(input.title, width, SIZE.footer), left, MARGIN.top - 22, { size: SIZE.footer, color: GRAY });
    y = MARGIN.top;
  }

  function checkpoint(): void {
    if (options.cancelled?.()) throw new Cancelled();
    options.progress?.(counter.rows);
  }

  // First page: title, filters, when it was made.
  p.wrap(input.title, width, SIZE.title, 2).forEach((line) => {
    p.text(line, left, y, { size: SIZE.title, bold: true });
    y += p.lineHeight(SIZE.title);
  });
  y += 4;
  const metaLine = p.lineHeight(SIZE.meta) + 1;
  if (input.filters.length > 0) {
    const filters = input.filters.map((f) => labelled(f.label, f.value)).join('    ');
    for (const line of p.wrap(filters, width, SIZE.meta, 6)) {
      p.text(line, left, y, { size: SIZE.meta, color: GRAY });
      y += metaLine;
    }
  }
  if (input.generatedAt) {
    p.text(p.clip(input.generatedAt, width, SIZE.meta), left, y, { size: SIZE.meta, color: GRAY });
    y += metaLine;
  }
  y += 4;
  p.line(left, y, left + width, y, RULE, 0.75);
  y += 12;

  const sectionTitle = function* (title: string | undefined, keepWith: number): Generator<void> {
    const need = (title ? p.lineHeight(SIZE.section) + 6 : 0) + keepWith;
    if (y + need > bottom() && y > MARGIN.top) yield* newPage();
    if (title) {
      p.text(p.clip(title, width, SIZE.section), left, y, { size: SIZE.section, bold: true });
      y += p.lineHeight(SIZE.section) + 6;
    }
  };

  for (const section of input.sections) {
    checkpoint();
    if (section.kind === 'figures') {
      const perRow = doc.page.width > doc.page.height ? 5 : 4;
      const gap = 8;
      const cardWidth = (width - gap * (perRow - 1)) / perRow;
      const cardHeight = 8 + p.lineHeight(SIZE.figureLabel) + p.lineHeight(SIZE.figureValue) + p.lineHeight(SIZE.figurePrevious) + 8;
      yield* sectionTitle(section.title, cardHeight);
      for (let i = 0; i < section.items.length; i += perRow) {
        if (y + cardHeight > bottom()) yield* newPage();
        section.items.slice(i, i + perRow).forEach((item, j) => {
          const cx = left + j * (cardWidth + gap);
          const inner = cardWidth - 16;
          p.fillRect(cx, y, cardWidth, cardHeight, FIGURE_FILL);
          let cy = y + 8;
          p.text(p.clip(item.label, inner, SIZE.figureLabel), cx + 8, cy, { size: SIZE.figureLabel, color: GRAY });
          cy += p.lineHeight(SIZE.figureLabel);
          p.text(p.clip(item.value, inner, SIZE.figureValue), cx + 8, cy, { size: SIZE.figureValue, bold: true });
          cy += p.lineHeight(SIZE.figureValue);
          if (item.previous) p.text(p.clip(item.previous, inner, SIZE.figurePrevious), cx + 8, cy, { size: SIZE.figurePrevious, color: GRAY });
        });
        y += cardHeight + gap;
      }
      y += 10;
    } else if (section.kind === 'chart') {
      if (y + CHART_HEIGHT > bottom()) yield* newPage();
      drawChart(p, section.chart, left, y, width);
      y += CHART_HEIGHT + 16;
    } else {
      yield* table(section);
    }
  }

  function* table(section: Extract<PdfSection, { kind: 'table' }>): Generator<void> {
    const { columns } = section;
    const total = columns.reduce((sum, c) => sum + (c.width && c.width > 0 ? c.width : 1), 0) || 1;
    const xs: number[] = [];
    let cx = left;
    const widths = columns.map((c) => (width * (c.width && c.width > 0 ? c.width : 1)) / total);
    for (const w of widths) {
      xs.push(cx);
      cx += w;
    }
    const cellLine = p.lineHeight(SIZE.cell);
    const headerLines = columns.map((c, i) => p.wrap(c.header, widths[i]! - CELL_PAD.x * 2, SIZE.header, 2));
    const headerHeight = Math.max(1, ...headerLines.map((l) => l.length)) * p.lineHeight(SIZE.header) + CELL_PAD.y * 2;

    const header = () => {
      p.fillRect(left, y, width, headerHeight, HEADER_FILL);
      headerLines.forEach((lines, i) => {
        const right = (columns[i]!.align ?? 'left') === 'right';
        lines.forEach((line, l) => {
          const top = y + CELL_PAD.y + l * p.lineHeight(SIZE.header);
          if (right) p.text(line, xs[i]! + widths[i]! - CELL_PAD.x, top, { size: SIZE.header, bold: true }, 'right');
          else p.text(line, xs[i]! + CELL_PAD.x, top, { size: SIZE.header, bold: true });
        });
      });
      y += headerHeight;
      p.line(left, y, left + width, y, RULE, 0.75);
    };

    /** One row's lines per cell, and its height. */
    const measure = (cells: PdfCell[]) => {
      const lines: string[][] = [];
      let most = 1;
      for (let i = 0; i < columns.length; i++) {
        const text = cellText(cells[i] ?? null);
        const inner = widths[i]! - CELL_PAD.x * 2;
        const cell = typeof cells[i] === 'number' ? [p.clip(text, inner, SIZE.cell)] : p.wrap(text, inner, SIZE.cell, MAX_CELL_LINES);
        if (cell.length > most) most = cell.length;
        lines.push(cell);
      }
      return { lines, height: most * cellLine + CELL_PAD.y * 2 };
    };

    const draw = (cells: PdfCell[], row: { lines: string[][]; height: number }, style: { bold?: boolean; fill?: Rgb }) => {
      if (style.fill) p.fillRect(left, y, width, row.height, style.fill);
      row.lines.forEach((lines, i) => {
        const right = (columns[i]!.align ?? (typeof cells[i] === 'number' ? 'right' : 'left')) === 'right';
        lines.forEach((line, l) => {
          const top = y + CELL_PAD.y + l * cellLine;
          const textStyle = { size: SIZE.cell, color: BLACK, bold: style.bold ?? false };
          if (right) p.text(line, xs[i]! + widths[i]! - CELL_PAD.x, top, textStyle, 'right');
          else p.text(line, xs[i]! + CELL_PAD.x, top, textStyle);
        });
      });
      y += row.height;
    };

    yield* sectionTitle(section.title, headerHeight + cellLine * 2);
    header();
    let index = 0;
    for (const cells of section.rows) {
      const row = measure(cells);
      if (y + row.height > bottom()) {
        yield* newPage();
        header();
      }
      draw(cells, row, { fill: index % 2 === 1 ? STRIPE_FILL : undefined });
      index++;
      counter.rows++;
      if (counter.rows % CHECK_EVERY === 0) checkpoint();
    }
    if (section.totals) {
      const row = measure(section.totals);
      if (y + row.height > bottom()) {
        yield* newPage();
        header();
      }
      p.line(left, y, left + width, y, RULE, 0.75);
      draw(section.totals, row, { bold: true, fill: TOTALS_FILL });
    }
    p.line(left, y, left + width, y, RULE, 0.75);
    y += 16;
  }

  seal();
  counter.pages++;
  checkpoint();
}

/** The page footers, now that the number of pages is known: generation time left, "page X of Y" right. */
function footers(doc: Doc, p: Painter, input: PdfDocument, pages: number): void {
  for (let i = 0; i < pages; i++) {
    doc.switchToPage(i);
    const top = doc.page.height - MARGIN.bottom + 16;
    const right = doc.page.width - MARGIN.side;
    const label = input.pageLabel(i + 1, pages);
    const labelWidth = p.width(label, SIZE.footer);
    p.line(MARGIN.side, top - 6, right, top - 6, RULE, 0.5);
    p.text(p.clip(input.generatedAt, right - MARGIN.side - labelWidth - 24, SIZE.footer), MARGIN.side, top, { size: SIZE.footer, color: GRAY });
    p.text(label, right, top, { size: SIZE.footer, color: GRAY }, 'right');
    p.flush();
  }
}

interface Writing {
  steps: Generator<void>;
  /** Ends the document and the file; the result. */
  finish(): PdfResult;
  /** Closes and removes the partial file. */
  abort(): void;
}

function start(input: PdfDocument, outPath: string, options: PdfWriteOptions): Writing {
  const fontPath = options.fontPath ?? pdfFontPath();
  const font = readPdfFont(fontPath);
  fs.mkdirSync(path.dirname(outPath), { recursive: true });
  const fd = fs.openSync(outPath, 'w');
  let bytes = 0;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let closed = false;
  const flush = () => {
    if (pendingBytes === 0) return;
    const chunk = pending.length === 1 ? pending[0]! : Buffer.concat(pending, pendingBytes);
    fs.writeSync(fd, chunk);
    bytes += chunk.length;
    pending = [];
    pendingBytes = 0;
  };
  const close = () => {
    if (closed) return;
    closed = true;
    fs.closeSync(fd);
  };
  try {
    const doc = new PDFDocument({
      size: 'A4',
      layout: input.landscape ? 'landscape' : 'portrait',
      margin: 0,
      bufferPages: true,
      // Layout goes through Painter; pdfkit's per-word layout cache would only grow.
      fontLayoutCache: false,
      info: { Title: input.title, Creator: 'ServiceLoop' },
      displayTitle: true,
    });
    // pdfkit is a Readable stream whose data reaches a consumer only on later turns of the
    // event loop; taken here as it is produced, the file is written synchronously and
    // nothing piles up in the stream's buffer.
    // The file header, written by the constructor, waits in the stream's buffer.
    const head = doc.read() as Buffer | null;
    if (head) {
      pending.push(head);
      pendingBytes += head.length;
    }
    (doc as unknown as { push(chunk: Buffer | null): boolean }).push = (chunk) => {
      if (chunk === null) return false;
      pending.push(chunk);
      pendingBytes += chunk.length;
      if (pendingBytes >= FLUSH_BYTES) flush();
      return true;
    };
    try {
      doc.registerFont('cjk', font, PDF_FONT_FACE);
      doc.font('cjk');
    } catch (error) {
      throw new PdfFontError(fontPath, `not a font file holding ${PDF_FONT_FACE} (${error instanceof Error ? error.message : String(error)})`);
    }
    const painter = new Painter(doc);
    const counter = { rows: 0, pages: 0 };
    return {
      steps: layout(doc, painter, input, options, counter),
      finish() {
        footers(doc, painter, input, counter.pages);
        doc.end();
        flush();
        close();
        return { bytes, pages: counter.pages, rows: counter.rows };
      },
      abort() {
        close();
        fs.rmSync(outPath, { force: true });
      },
    };
  } catch (error) {
    close();
    fs.rmSync(outPath, { force: true });
    throw error;
  }
}

/**
 * Writes the PDF in one go, in a worker task (queue and report exports, scheduled reports):
 * it never runs on the main thread. Throws Error('cancelled') when options.cancelled() turned
 * true (the partial file removed), and PdfFontError when the font cannot be read.
 */
export function writePdfSync(input: PdfDocument, outPath: string, options: PdfWriteOptions = {}): PdfResult {
  const writing = start(input, outPath, options);
  try {
    for (const _ of writing.steps);
    return writing.finish();
  } catch (error) {
    writing.abort();
    throw error;
  }
}

