import type PDFDocument from 'pdfkit';

// Drawing on a pdfkit page with raw content operators. pdfkit's own text() lays every
// string out through fontkit (about 0.1 ms a string) and caches each word's layout for the
// life of the document; a table of 100,000 rows would spend minutes there and keep every
// subject in memory. CJK and Latin text in this font needs no shaping, so a cell here is a
// cmap look-up per character (cached), its glyphs added to pdfkit's subset the way
// pdfkit's EmbeddedFont.encode adds them (widths and ToUnicode entries included, so text
// stays searchable and pdftotext reads it back), and one Tj operator.

/** The parts of pdfkit's EmbeddedFont (and fontkit's font) this module relies on. */
interface EmbeddedFontInternals {
  id: string;
  font: {
    unitsPerEm: number;
    ascent: number;
    descent: number;
    glyphForCodePoint(codePoint: number): { id: number; advanceWidth: number; codePoints: number[] };
  };
  subset: { includeGlyph(glyphId: number): number };
  widths: number[];
  unicode: number[][];
  ref(): unknown;
}

interface PageInternals {
  fonts: Record<string, unknown>;
}

type Doc = InstanceType<typeof PDFDocument>;

export type Rgb = readonly [number, number, number];

export interface TextStyle {
  size: number;
  color?: Rgb;
  /** Drawn with a thin outline as well as filled: a bold look from the one regular face. */
  bold?: boolean;
}

interface Glyph {
  hex: string;
  /** Advance in thousandths of the font size. */
  advance: number;
}

/** A coordinate as PDF wants it: at most two decimals, no exponent. */
export function num(value: number): string {
  return String(Math.round(value * 100) / 100);
}

const color = (c: Rgb) => `${num(c[0])} ${num(c[1])} ${num(c[2])}`;

export const BLACK: Rgb = [0.1, 0.1, 0.12];
export const GRAY: Rgb = [0.42, 0.44, 0.48];

export class Painter {
  private readonly glyphs = new Map<number, Glyph>();
  private readonly font: EmbeddedFontInternals;
  private readonly scale: number;
  /** Ascent and descent in thousandths of the font size. */
  readonly ascent: number;
  readonly descent: number;

  constructor(private readonly doc: Doc) {
    this.font = (doc as unknown as { _font: EmbeddedFontInternals })._font;
    this.scale = 1000 / this.font.font.unitsPerEm;
    this.ascent = this.font.font.ascent * this.scale;
    this.descent = -this.font.font.descent * this.scale;
  }

  /** Operators not yet handed to the page, as one latin-1 string (every operator here is ASCII). */
  private pending = '';

  private out(op: string): void {
    this.pending += `${op}\n`;
    if (this.pending.length > 1 << 16) this.flush();
  }

  /**
   * Hands the drawing so far to the current page, in one piece: pdfkit's addContent turns
   * each string into bytes character by character. Before the page is sealed or switched.
   */
  flush(): void {
    if (this.pending === '') return;
    (this.doc.page as unknown as { write(chunk: Uint8Array): void }).write(Buffer.from(this.pending, 'latin1'));
    this.pending = '';
  }

  /** The line height for a font size (ascent plus descent, a little air). */
  lineHeight(size: number): number {
    return ((this.ascent + this.descent) / 1000) * size * 1.05;
  }

  private glyph(codePoint: number): Glyph {
    let glyph = this.glyphs.get(codePoint);
    if (glyph) return glyph;
    const source = this.font.font.glyphForCodePoint(codePoint);
    const gid = this.font.subset.includeGlyph(source.id);
    const advance = source.advanceWidth * this.scale;
    this.font.widths[gid] ??= advance;
    this.font.unicode[gid] ??= source.codePoints.length > 0 ? source.codePoints : [codePoint];
    glyph = { hex: gid.toString(16).padStart(4, '0'), advance };
    this.glyphs.set(codePoint, glyph);
    return glyph;
  }

  /** The width of a text at a size, in points. */
  width(text: string, size: number): number {
    let advance = 0;
    for (let i = 0; i < text.length; i++) {
      const code = text.codePointAt(i)!;
      if (code > 0xffff) i++;
      advance += this.glyph(code).advance;
    }
    return (advance / 1000) * size;
  }

  /** How many UTF-16 units of `text` fit `width` (at least one character, so a line always moves on). */
  private fit(text: string, width: number, size: number): { end: number; lastSpace: number } {
    let used = 0;
    let end = 0;
    let lastSpace = -1;
    for (let i = 0; i < text.length; i++) {
      const code = text.codePointAt(i)!;
      const step = code > 0xffff ? 2 : 1;
      used += (this.glyph(code).advance / 1000) * size;
      if (used > width && end > 0) break;
      if (code === 32) lastSpace = i;
      end = i + step;
      if (step === 2) i++;
    }
    return { end, lastSpace };
  }

  /** `text` with an ellipsis after it, shortened until both fit `width`. */
  private ellipsis(text: string, width: number, size: number): string {
    const room = Math.max(0, width - this.width('…', size));
    const { end } = this.fit(text, room, size);
    return `${text.slice(0, this.width(text, size) <= room ? text.length : end).trimEnd()}…`;
  }

  /** The text, or its longest start that fits `width` with an ellipsis after it. */
  clip(text: string, width: number, size: number): string {
    return this.width(text, size) <= width ? text : this.ellipsis(text, width, size);
  }

  /**
   * Lines of at most `width`: broken after a space when the line has one, else between any
   * two characters (Chinese has no spaces); at most `maxLines`, the last ending in an
   * ellipsis when text remains. Line breaks in the text are kept.
   */
  wrap(text: string, width: number, size: number, maxLines: number): string[] {
    const lines: string[] = [];
    let truncated = false;
    for (const paragraph of text.split(/\r?\n/)) {
      let rest = paragraph;
      do {
        if (lines.length === maxLines) {
          truncated = true;
          break;
        }
        if (this.width(rest, size) <= width) {
          lines.push(rest);
          break;
        }
        const { end, lastSpace } = this.fit(rest, width, size);
        const cut = lastSpace > 0 ? lastSpace + 1 : end;
        lines.push(rest.slice(0, cut).trimEnd());
        rest = rest.slice(cut).trimStart();
      } while (rest !== '');
      if (truncated) break;
    }
    if (truncated) lines[maxLines - 1] = this.ellipsis(lines[maxLines - 1]!, width, size);
    return lines;
  }

  private hex(text: string): string {
    let out = '';
    for (let i = 0; i < text.length; i++) {
      const code = text.codePointAt(i)!;
      if (code > 0xffff) i++;
      // Control characters have no glyph; a tab reads as a space.
      out += this.glyph(code === 9 ? 32 : code < 32 ? 0xfffd : code).hex;
    }
    return out;
  }

  private useFont(): void {
    const page = this.doc.page as unknown as PageInternals;
    page.fonts[this.font.id] ??= this.font.ref();
  }

  /**
   * One line of text with its top at `top` (points from the page's top edge, as pdfkit
   * counts), starting at `x`, or ending at `x` when right-aligned, or centred on it.
   */
  text(text: string, x: number, top: number, style: TextStyle, align: 'left' | 'right' | 'center' = 'left'): void {
    if (text === '') return;
    this.useFont();
    const { size } = style;
    const width = align === 'left' ? 0 : this.width(text, size);
    const left = align === 'right' ? x - width : align === 'center' ? x - width / 2 : x;
    const baseline = top + (this.ascent / 1000) * size;
    // pdfkit's pages draw in a y-down space (its addPage flips the page); a text matrix
    // with d = -1 sets the glyphs upright again.
    const mode = style.bold ? `2 Tr ${num(size / 30)} w ` : '';
    const fill = style.color ?? BLACK;
    this.out(
      `BT ${mode}${color(fill)} rg ${style.bold ? `${color(fill)} RG ` : ''}/${this.font.id} ${num(size)} Tf 1 0 0 -1 ${num(left)} ${num(baseline)} Tm <${this.hex(text)}> Tj ET${style.bold ? ' 0 Tr' : ''}`,
    );
  }

  /** A filled rectangle (y from the top). */
  fillRect(x: number, top: number, width: number, height: number, fill: Rgb): void {
    this.out(`${color(fill)} rg ${num(x)} ${num(top)} ${num(width)} ${num(height)} re f`);
  }

  /** A straight line. */
  line(x1: number, y1: number, x2: number, y2: number, stroke: Rgb, lineWidth = 0.5, dash?: number): void {
    this.out(`${dash ? `[${dash}] 0 d ` : ''}${num(lineWidth)} w ${color(stroke)} RG ${num(x1)} ${num(y1)} m ${num(x2)} ${num(y2)} l S${dash ? ' [] 0 d' : ''}`);
  }

  /** A polyline through the points, stroked, with a dot on each. */
  polyline(points: readonly (readonly [number, number])[], stroke: Rgb, lineWidth: number): void {
    if (points.length === 0) return;
    let path = `${num(points[0]![0])} ${num(points[0]![1])} m`;
    for (let i = 1; i < points.length; i++) path += ` ${num(points[i]![0])} ${num(points[i]![1])} l`;
    this.out(`1 J 1 j ${num(lineWidth)} w ${color(stroke)} RG ${path} S 0 J 0 j`);
    const r = lineWidth * 1.2;
    for (const [x, y] of points) this.fillRect(x - r, y - r, r * 2, r * 2, stroke);
  }
}
