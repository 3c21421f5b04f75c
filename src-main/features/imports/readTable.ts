import { unzipSync } from 'fflate';

// Reading the tables users import: CSV and text files saved by old systems and by Excel
// (often GBK on Chinese Windows, UTF-16 for Excel's "Unicode text"), and XLSX workbooks.
// Everything comes out as text cells with the line or sheet row each record came from, so
// the wizard can say "line 1,234: …"; the cleaning layer (src-shared/domain/cleaning)
// turns cells into values. No XML or CSV library: the formats we read are small and
// well known, and a scanner we own is fast and never stops at a half-broken file.

/** 'utf-16' is Excel's "Unicode text" (.txt, tab-separated, with a byte order mark). */
export type TextEncoding = 'utf-8' | 'gb18030' | 'utf-16';

/** line: the 1-based physical line where the record starts (CSV) or the sheet row number (XLSX). */
export interface TableRow {
  line: number;
  cells: string[];
}

export interface TableError {
  line: number;
  reason: 'brokenQuote' | 'unreadable';
}

export interface Table {
  format: 'csv' | 'xlsx';
  encoding: TextEncoding | null;
  headers: string[];
  rows: TableRow[];
  errors: TableError[];
}

// ---------------------------------------------------------------------------------------
// Text encodings

function startsWith(bytes: Uint8Array, ...prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/**
 * The text of a file: a byte order mark decides (UTF-8, UTF-16 LE or BE; the mark is
 * dropped); without one, UTF-8 if the bytes are valid UTF-8, else GB18030, the superset
 * of the GBK that Chinese Windows and Excel save in. Valid UTF-8 is almost never also
 * meaningful GBK, so trying UTF-8 strictly first is safe.
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncoding } {
  if (startsWith(bytes, 0xef, 0xbb, 0xbf)) return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8' };
  if (startsWith(bytes, 0xff, 0xfe)) return { text: new TextDecoder('utf-16le').decode(bytes), encoding: 'utf-16' };
  if (startsWith(bytes, 0xfe, 0xff)) return { text: new TextDecoder('utf-16be').decode(bytes), encoding: 'utf-16' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
  }
}

// ---------------------------------------------------------------------------------------
// CSV

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;

/**
 * A quoted field that has not closed within this many characters, or within this many
 * physical lines (so at most 99 line breaks inside), is a stray quote, not a field: the
 * record is reported and reading goes on at the next line, instead of one missing quote
 * swallowing the rest of the file. Real multi-line cells (addresses, problem descriptions)
 * stay far below both.
 */
export const QUOTED_FIELD_MAX_CHARS = 10_000;
export const QUOTED_FIELD_MAX_LINES = 100;

const DELIMITERS = [',', ';', '\t'];
/** How far into the file the header line is looked for when counting delimiters. */
const HEADER_SCAN = 65_536;

/**
 * The delimiter of the first non-blank line (the header): the most frequent of comma,
 * semicolon and tab outside quotes; comma on a tie or when there is none.
 */
function detectDelimiter(text: string, from: number): string {
  let counts = new Map(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  let seen = false;
  for (let i = from; i < text.length && i < from + HEADER_SCAN; i++) {
    const ch = text[i]!;
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) {
      if (seen) break;
      // A blank line (perhaps of tabs) before the header: start counting again.
      counts = new Map(DELIMITERS.map((d) => [d, 0]));
    } else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
    if (ch.trim() !== '') seen = true;
  }
  let best = ',';
  for (const d of DELIMITERS) if (counts.get(d)! > counts.get(best)!) best = d;
  return best;
}

/** Position just after the first line break (CR, LF or CRLF) at or after `from`, or the end. */
function nextLineStart(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === LF) return i + 1;
    if (c === CR) return text.charCodeAt(i + 1) === LF ? i + 2 : i + 1;
  }
  return text.length;
}

/**
 * An RFC 4180 reader that slices fields out of the text between indexes (no per-character
 * string building) and keeps the physical line of each record. Quotes only mean something
 * at the start of a field: `12" monitor` is read as written.
 */
class CsvScanner {
  pos = 0;
  line = 1;
  private readonly delimiter: number;
  /**
   * Cells in the previous record. Every record's array is made that size up front: rows
   * are kept until the import ends, and arrays grown by push would each carry a backing
   * store three times too large (memory and garbage collection are most of the cost of
   * reading millions of rows).
   */
  private width = 1;

  constructor(
    private readonly text: string,
    delimiter: string,
  ) {
    this.delimiter = delimiter.charCodeAt(0);
  }

  /** The next record's cells, or null when it has a broken quote (pos and line are then unchanged). */
  readRecord(): string[] | null {
    const cells = new Array<string>(this.width);
    let count = 0;
    for (;;) {
      const cell = this.text.charCodeAt(this.pos) === QUOTE ? this.readQuoted() : this.readPlain();
      if (cell === null) return null;
      cells[count++] = cell;
      const c = this.text.charCodeAt(this.pos);
      if (c === this.delimiter) {
        this.pos++;
        continue;
      }
      // A line break or the end of the text ends the record.
      if (c === CR) this.pos += this.text.charCodeAt(this.pos + 1) === LF ? 2 : 1;
      else if (c === LF) this.pos++;
      if (c === CR || c === LF) this.line++;
      if (count !== this.width) cells.length = this.width = count;
      return cells;
    }
  }

  private readPlain(): string {
    const { text, delimiter } = this;
    const start = this.pos;
    let p = start;
    for (; p < text.length; p++) {
      const c = text.charCodeAt(p);
      if (c === delimiter || c === LF || c === CR) break;
    }
    this.pos = p;
    return text.slice(start, p);
  }

  /** A quoted field from its opening quote; null when it is broken (see QUOTED_FIELD_MAX_*). */
  private readQuoted(): string | null {
    const { text } = this;
    const open = this.pos;
    const limit = Math.min(text.length, open + 1 + QUOTED_FIELD_MAX_CHARS + 1);
    let chunkStart = open + 1;
    let value = '';
    let breaks = 0;
    for (let p = open + 1; p < limit; p++) {
      const c = text.charCodeAt(p);
      if (c === QUOTE) {
        if (text.charCodeAt(p + 1) === QUOTE) {
          // A doubled quote is one quote in the value: keep the first, skip the second.
          value += text.slice(chunkStart, p + 1);
          chunkStart = p + 2;
          p++;
          continue;
        }
        value += text.slice(chunkStart, p);
        return this.closeQuoted(p + 1, breaks) ? value : null;
      }
      if (c === LF || (c === CR && text.charCodeAt(p + 1) !== LF)) {
        if (++breaks >= QUOTED_FIELD_MAX_LINES) return null;
      }
    }
    // The end of the text or the length limit before the closing quote.
    return null;
  }

  /** After a closing quote only spaces may come before the delimiter or the line's end. */
  private closeQuoted(after: number, breaks: number): boolean {
    const { text } = this;
    let p = after;
    while (text.charCodeAt(p) === SPACE && this.delimiter !== SPACE) p++;
    const c = text.charCodeAt(p);
    if (p < text.length && c !== this.delimiter && c !== LF && c !== CR) return false;
    this.pos = p;
    this.line += breaks;
    return true;
  }
}

/** Excel's "sep=;" first line names the delimiter; it is not a record. */
const SEP_LINE = /^sep=([^"\r\n])[ \t]*(?:\r\n|\r|\n|$)/i;

/**
 * Every record of a CSV text, the header record included, with the physical line it
 * starts on. Delimiter: see detectDelimiter, or a leading "sep=" line. A record with a
 * broken quote — a quoted field that never closes (end of text, or more than
 * QUOTED_FIELD_MAX_CHARS characters or QUOTED_FIELD_MAX_LINES lines), or text after a
 * closing quote (`"abc"def,`) — is reported as { line, reason: 'brokenQuote' } and
 * reading resumes at the physical line after the one it started on.
 */
export function parseCsv(text: string): { rows: TableRow[]; errors: TableError[] } {
  const rows: TableRow[] = [];
  const errors: TableError[] = [];
  let start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const sep = SEP_LINE.exec(text.slice(start, start + 16));
  const scanner = new CsvScanner(text, sep ? sep[1]! : detectDelimiter(text, start));
  if (sep) {
    start = nextLineStart(text, start);
    scanner.line = 2;
  }
  scanner.pos = start;
  while (scanner.pos < text.length) {
    const recordStart = scanner.pos;
    const line = scanner.line;
    const cells = scanner.readRecord();
    if (cells) {
      rows.push({ line, cells });
    } else {
      errors.push({ line, reason: 'brokenQuote' });
      scanner.pos = nextLineStart(text, recordStart);
      scanner.line = line + 1;
    }
  }
  return { rows, errors };
}

// ---------------------------------------------------------------------------------------
// XLSX

const WORKBOOK = 'xl/workbook.xml';
const WORKBOOK_RELS = 'xl/_rels/workbook.xml.rels';
const SHARED_STRINGS = 'xl/sharedstrings.xml';
const DEFAULT_SHEET = 'xl/worksheets/sheet1.xml';
/** Excel's last column, XFD. */
const MAX_COLUMNS = 16_384;

/**
 * Some parts of the zip, by lower-cased name. Only what is asked for is inflated: a
 * workbook's images and other sheets can be far larger than the sheet we read.
 */
function unzipParts(bytes: Uint8Array, names: readonly string[]): Map<string, string> {
  const wanted = new Set(names.map((n) => n.toLowerCase()));
  const files = unzipSync(bytes, { filter: (file) => wanted.has(file.name.toLowerCase()) });
  const decoder = new TextDecoder('utf-8');
  return new Map(Object.entries(files).map(([name, data]) => [name.toLowerCase(), decoder.decode(data)]));
}

const ENTITY = /&(?:#x([0-9a-f]+)|#(\d+)|(lt|gt|amp|quot|apos));/gi;
const NAMED_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function codePoint(n: number, raw: string): string {
  return n <= 0x10ffff ? String.fromCodePoint(n) : raw;
}

/** XML character and entity references; anything else stays as written. */
function decodeXml(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(ENTITY, (raw, hex: string | undefined, dec: string | undefined, name: string | undefined) =>
    hex ? codePoint(parseInt(hex, 16), raw) : dec ? codePoint(Number(dec), raw) : NAMED_ENTITIES[name!.toLowerCase()]!,
  );
}

/** OOXML writes characters XML cannot hold (a carriage return) as _x000D_, and _ before such text as _x005F_. */
function decodeOoxmlEscapes(s: string): string {
  if (!s.includes('_x')) return s;
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

function attributes(tag: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const m of tag.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) found.set(m[1]!, decodeXml(m[2] ?? m[3] ?? ''));
  return found;
}

const elementPatterns = new Map<string, RegExp>();

/** Elements `<name …>…</name>` or `<name …/>`, with an optional namespace prefix: [attributes, content]. */
function elements(xml: string, name: string): IterableIterator<RegExpMatchArray> {
  let pattern = elementPatterns.get(name);
  if (!pattern) {
    pattern = new RegExp(`<(?:\\w+:)?${name}\\b([^>]*?)(?:/>|>([\\s\\S]*?)</(?:\\w+:)?${name}>)`, 'g');
    elementPatterns.set(name, pattern);
  }
  // matchAll clones the pattern, so one cached RegExp serves nested and parallel scans.
  return xml.matchAll(pattern);
}

/**
 * The text of a string item (<si>) or inline string (<is>): its <t>, or its rich-text
 * runs' <t>s joined. Phonetic guides (<rPh>, the pinyin or furigana above CJK text) are
 * not part of the value.
 */
function stringText(xml: string): string {
  const withoutPhonetics = xml.includes('rPh') ? xml.replace(/<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g, '') : xml;
  let text = '';
  for (const t of elements(withoutPhonetics, 't')) text += t[2] ?? '';
  return decodeOoxmlEscapes(decodeXml(text));
}

function sharedStrings(xml: string | undefined): string[] {
  return xml ? Array.from(elements(xml, 'si'), (si) => stringText(si[2] ?? '')) : [];
}

/** Resolves a relationship target ("worksheets/sheet1.xml", "/xl/worksheets/sheet1.xml") against xl/. */
function resolveTarget(target: string): string {
  const parts = (target.startsWith('/') ? target.slice(1) : `xl/${target}`).split('/');
  const path: string[] = [];
  for (const part of parts) {
    if (part === '..') path.pop();
    else if (part !== '.' && part !== '') path.push(part);
  }
  return path.join('/');
}

/** The first sheet in the workbook's order, through its relationship; sheet1.xml when that fails. */
function firstSheetPath(workbook: string | undefined, rels: string | undefined): string {
  const sheet = workbook ? elements(workbook, 'sheet').next().value : undefined;
  if (!sheet || !rels) return DEFAULT_SHEET;
  const sheetAttrs = attributes(sheet[1] ?? '');
  // The relationship id is r:id, whatever prefix the producer gave the namespace.
  const id = [...sheetAttrs].find(([name]) => /^\w+:id$/.test(name))?.[1];
  for (const rel of elements(rels, 'Relationship')) {
    const relAttrs = attributes(rel[1] ?? '');
    const target = relAttrs.get('Target');
    if (relAttrs.get('Id') === id && target) return resolveTarget(target);
  }
  return DEFAULT_SHEET;
}

/** Column index (0-based) of a cell reference: "C7" → 2; -1 when there is no reference. */
function columnOf(ref: string | undefined): number {
  const letters = ref ? /^[A-Za-z]+/.exec(ref)?.[0] : undefined;
  if (!letters) return -1;
  let column = 0;
  for (const ch of letters.toUpperCase()) column = column * 26 + (ch.charCodeAt(0) - 64);
  return column - 1;
}

function cellValue(attrs: Map<string, string>, content: string, shared: readonly string[]): string {
  const type = attrs.get('t');
  if (type === 'inlineStr') {
    const is = elements(content, 'is').next().value;
    return is ? stringText(is[2] ?? '') : '';
  }
  const raw = /<(?:\w+:)?v>([\s\S]*?)<\/(?:\w+:)?v>/.exec(content)?.[1];
  if (raw === undefined) return '';
  switch (type) {
    case 's':
      return shared[Number(raw)] ?? '';
    case 'b':
      return raw.trim() === '1' ? 'TRUE' : 'FALSE';
    case 'e':
      return '';
    case 'str':
      return decodeOoxmlEscapes(decodeXml(raw));
    default:
      // Numbers as written (dates stay Excel serials), and t="d" ISO dates.
      return decodeXml(raw);
  }
}

/** The cells of a <row>: by each cell's reference (skipped columns are ''), else after the previous. */
function rowCells(content: string, shared: readonly string[]): string[] {
  const cells: string[] = [];
  for (const c of elements(content, 'c')) {
    const attrs = attributes(c[1] ?? '');
    const referenced = columnOf(attrs.get('r'));
    const column = referenced >= 0 ? referenced : cells.length;
    if (column >= MAX_COLUMNS) continue;
    while (cells.length < column) cells.push('');
    cells[column] = cellValue(attrs, c[2] ?? '', shared);
  }
  return cells;
}

function sheetRows(xml: string, shared: readonly string[]): TableRow[] {
  const rows: TableRow[] = [];
  let previous = 0;
  for (const row of elements(xml, 'row')) {
    const r = Number(attributes(row[1] ?? '').get('r'));
    const line = Number.isInteger(r) && r > 0 ? r : previous + 1;
    rows.push({ line, cells: rowCells(row[2] ?? '', shared) });
    previous = line;
  }
  return rows;
}

/** The first worksheet's rows, header row included; a file that is no readable workbook throws Error('unreadable'). */
export function readXlsx(bytes: Uint8Array): { rows: TableRow[] } {
  try {
    const parts = unzipParts(bytes, [WORKBOOK, WORKBOOK_RELS, SHARED_STRINGS]);
    const sheetPath = firstSheetPath(parts.get(WORKBOOK), parts.get(WORKBOOK_RELS));
    const sheet = unzipParts(bytes, [sheetPath]).get(sheetPath.toLowerCase());
    if (sheet === undefined) throw new Error('no worksheet');
    return { rows: sheetRows(sheet, sharedStrings(parts.get(SHARED_STRINGS))) };
  } catch {
    // fflate's "invalid zip data", a corrupt deflate stream, or no sheet: all one to the user.
    throw new Error('unreadable');
  }
}

// ---------------------------------------------------------------------------------------
// Tables

function isEmptyRow(row: TableRow): boolean {
  // trim() also removes U+FEFF, so a lone BOM is empty too.
  return row.cells.every((cell) => cell.trim() === '');
}

/** The first non-empty record is the header (trimmed, BOM removed); the others are the rows. */
function toTable(format: Table['format'], encoding: Table['encoding'], records: TableRow[], errors: TableError[]): Table {
  const [header, ...rows] = records.filter((r) => !isEmptyRow(r));
  const headers = header ? header.cells.map((cell) => cell.replaceAll('\uFEFF', '').trim()) : [];
  return { format, encoding, headers, rows, errors };
}

/**
 * A table file by its extension: .csv and .txt as delimited text, .xlsx as a workbook's
 * first sheet; anything else throws Error('unsupportedFormat'). Entirely empty rows are
 * left out.
 */
export function readTable(fileName: string, bytes: Uint8Array): Table {
  const extension = /\.([^./\\]+)$/.exec(fileName)?.[1]?.toLowerCase();
  if (extension === 'csv' || extension === 'txt') {
    const { text, encoding } = decodeText(bytes);
    const { rows, errors } = parseCsv(text);
    return toTable('csv', encoding, rows, errors);
  }
  if (extension === 'xlsx') return toTable('xlsx', null, readXlsx(bytes).rows, []);
  throw new Error('unsupportedFormat');
}
