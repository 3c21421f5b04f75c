import fs from 'node:fs';
import zlib from 'node:zlib';
import { Zip, type AsyncFlateStreamHandler, type ZipInputFile } from 'fflate';
import { zoneOffsets } from '../../../src-shared/domain/time';

// A lean streaming XLSX writer: rows go out as they come (XML text deflated and written to
// a file descriptor piece by piece through fflate's streaming Zip), so memory stays flat
// however many rows.
// Free text is inline (t="inlineStr"): a shared-strings table would keep every distinct
// text of the export in memory until the end; columns of few distinct values (statuses,
// names) go to the shared strings table instead, which makes the XML a third smaller. Dates are Excel serial numbers in the
// desk's time zone with a number format; the header row is bold, frozen and filtered;
// column widths come from the header and the first rows. Past Excel's 1,048,576 rows a
// sheet, the rows continue on a new sheet under the same header.

export type XlsxColumnType = 'text' | 'number' | 'integer' | 'date' | 'datetime';

export interface XlsxColumn {
  header: string;
  type: XlsxColumnType;
  /**
   * Text with few distinct values (a status, a type, a name among a few hundred): kept once
   * in the shared strings table and referred to by number. Free text stays inline.
   */
  repeats?: boolean;
}

/**
 * A cell: text for 'text'; a number for 'number' / 'integer'; epoch milliseconds for
 * 'datetime' (shown in the writer's time zone); 'YYYY-MM-DD' for 'date'. null: empty.
 */
export type XlsxCell = string | number | null;

export interface XlsxOptions {
  columns: XlsxColumn[];
  /** The first sheet's name; later ones add " (2)", " (3)"… */
  sheetName: string;
  /** IANA zone the date-times are shown in (the desk's). */
  timeZone: string;
  /** Deflate level, 1 (fastest) to 9. */
  level?: 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;
  /** Data rows per sheet (tests inject a small one); Excel's limit less the header. */
  maxRowsPerSheet?: number;
}

export interface XlsxResult {
  rows: number;
  sheets: number;
  bytes: number;
}

/** Excel's rows per sheet (1,048,576) less the header row. */
export const EXCEL_MAX_DATA_ROWS = 1_048_575;
/** Rows looked at to size the columns. */
const WIDTH_SAMPLE_ROWS = 100;
/** Bytes of XML gathered before handing them to the compressor. */
const FLUSH_BYTES = 256 * 1024;
/** Room for a row past FLUSH_BYTES (a longer one goes out on its own). */
const SLACK_BYTES = 64 * 1024;

// ---------------------------------------------------------------------------------------
// Text

/** Characters XML 1.0 cannot carry, lone surrogates, and text that reads as an _xHHHH_ escape. */
// eslint-disable-next-line no-control-regex
const NEEDS_WORK = /[&<>"\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800-\udfff\ufffe\uffff]|_x[0-9a-fA-F]{4}_/;
// eslint-disable-next-line no-control-regex
const SLOW = /[&<>"\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff][\udc00-\udfff]|[\ud800-\udfff]|_x[0-9a-fA-F]{4}_/g;

const hex4 = (code: number) => `_x${code.toString(16).toUpperCase().padStart(4, '0')}_`;

/**
 * Text as XML character data in a cell: & < > " escaped; characters XML cannot carry
 * (control characters, U+FFFE/U+FFFF) written as Excel's _xHHHH_ escapes, which Excel
 * turns back into the character; a literal "_x0041_" kept literal (its underscore escaped
 * as _x005F_); a lone surrogate (broken text) becomes U+FFFD.
 */
export function xmlText(text: string): string {
  if (!NEEDS_WORK.test(text)) return text;
  return text.replace(SLOW, (m) => {
    switch (m) {
      case '&':
        return '&amp;';
      case '<':
        return '&lt;';
      case '>':
        return '&gt;';
      case '"':
        return '&quot;';
    }
    if (m.length === 2) return m; // a surrogate pair: a character beyond the BMP, as it is
    if (m.length > 2) return `_x005F_${m.slice(1)}`; // literal _xHHHH_
    const code = m.charCodeAt(0);
    if (code >= 0xd800 && code <= 0xdfff) return '\ufffd';
    return hex4(code);
  });
}

/** Column letters: 0 → A, 25 → Z, 26 → AA. */
export function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** How wide text looks in Excel's character units: CJK and full-width characters take two. */
function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    width += (code >= 0x1100 && code <= 0x115f) || (code >= 0x2e80 && code <= 0xa4cf) || (code >= 0xac00 && code <= 0xd7a3) || (code >= 0xf900 && code <= 0xfaff) || (code >= 0xfe30 && code <= 0xfe4f) || (code >= 0xff00 && code <= 0xff60) || (code >= 0xffe0 && code <= 0xffe6) || code >= 0x20000 ? 2 : 1;
  }
  return width;
}

// ---------------------------------------------------------------------------------------
// Dates

const DAY_MS = 86_400_000;
/** 1970-01-01 as an Excel serial (days since 1899-12-30). */
const EPOCH_SERIAL = 25569;
/** 'YYYY-MM-DD' → Excel serial (null if not a date). */
export function daySerial(day: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return null;
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS + EPOCH_SERIAL;
}

// ---------------------------------------------------------------------------------------
// Compression

/**
 * A zip entry deflated by Node's zlib (native: about ten times fflate's JavaScript deflate
 * at level 1, and zlib's CRC-32 likewise), handed to fflate's streaming Zip as its own
 * ZipInputFile (fflate's way to bring another compressor). Each piece is deflated on its own and ends
 * with a sync flush (the last one with the final block), so the pieces concatenate into
 * one deflate stream; pieces of 256 KB lose next to nothing to the reset dictionary.
 */
export class NativeZipDeflate implements ZipInputFile {
  readonly compression = 8;
  size = 0;
  crc = 0;
  ondata: AsyncFlateStreamHandler = () => {};

  constructor(
    readonly filename: string,
    private readonly level: number,
  ) {}

  /** Uncompressed bytes of the entry, in order; `final` on the last. */
  push(chunk: Uint8Array, final = false): void {
    this.crc = zlib.crc32(chunk, this.crc);
    this.size += chunk.length;
    // A compression failure throws to the writer's caller (the export fails and its file goes).
    const out = zlib.deflateRawSync(chunk, { level: this.level, finishFlush: final ? zlib.constants.Z_FINISH : zlib.constants.Z_SYNC_FLUSH }) as Uint8Array<ArrayBuffer>;
    this.ondata(null, out, final);
  }
}

// ---------------------------------------------------------------------------------------
// Package parts

// Worksheets are the default .xml part, so [Content_Types].xml goes first, before the
// number of sheets is known; the workbook, which lists them, is written last.
const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
  '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
  '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
  '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' +
  '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
  '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>' +
  '</Types>';

const ROOT_RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>' +
  '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
  '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>' +
  '</Relationships>';

const APP_PROPS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>ServiceLoop</Application></Properties>';

function coreProps(now: number): string {
  const iso = new Date(now).toISOString().replace(/\.\d{3}Z$/, 'Z');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:creator>ServiceLoop</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">${iso}</dcterms:created></cp:coreProperties>`
  );
}

/** Cell styles (cellXfs index): 0 plain, 1 date-time, 2 date, 3 whole number, 4 decimal, 5 header (bold). */
const STYLE = { datetime: 1, date: 2, integer: 3, number: 4, header: 5 } as const;
export const DATETIME_FORMAT = 'yyyy-mm-dd hh:mm';
export const DATE_FORMAT = 'yyyy-mm-dd';

const STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  `<numFmts count="2"><numFmt numFmtId="164" formatCode="${DATETIME_FORMAT}"/><numFmt numFmtId="165" formatCode="${DATE_FORMAT}"/></numFmts>` +
  '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="6">' +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="1" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="2" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>' +
  '</cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '</styleSheet>';

/** A sheet name Excel takes: at most 31 characters, none of : \ / ? * [ ]. */
function sheetTitle(base: string, index: number): string {
  const clean = base.replace(/[:\\/?*[\]]/g, ' ').trim() || 'Sheet';
  const suffix = index === 0 ? '' : ` (${index + 1})`;
  return [...clean].slice(0, 31 - suffix.length).join('') + suffix;
}

function workbook(sheets: { name: string; rows: number }[], columns: number): string {
  const last = columnName(columns - 1);
  const names = sheets
    .map((s, i) => `<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">'${xmlText(s.name).replaceAll("'", "''")}'!$A$1:$${last}$${s.rows + 1}</definedName>`)
    .join('');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    '<bookViews><workbookView/></bookViews><sheets>' +
    sheets.map((s, i) => `<sheet name="${xmlText(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('') +
    `</sheets><definedNames>${names}</definedNames></workbook>`
  );
}

/** The shared strings table; `count`: how many cells refer to it. */
function sharedStrings(strings: string[], count: number): string {
  let xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${count}" uniqueCount="${strings.length}">`;
  for (const text of strings) xml += `<si><t${text.trim().length !== text.length ? ' xml:space="preserve"' : ''}>${xmlText(text)}</t></si>`;
  return `${xml}</sst>`;
}

function workbookRels(sheets: number): string {
  let rels = '';
  for (let i = 0; i < sheets; i++) {
    rels += `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`;
  }
  rels += `<Relationship Id="rId${sheets + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>`;
  rels += `<Relationship Id="rId${sheets + 2}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>`;
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}</Relationships>`;
}

// ---------------------------------------------------------------------------------------
// The writer

export interface XlsxWriter {
  /** One data row, a cell per column in column order. */
  row(cells: readonly XlsxCell[]): void;
  /** Ends the workbook and closes the file. */
  finish(): XlsxResult;
  /** Stops, closes and removes the file. */
  abort(): void;
}

/** Starts a workbook at `filePath` (created or replaced). */
export function createXlsxWriter(filePath: string, options: XlsxOptions, now = Date.now()): XlsxWriter {
  const { columns } = options;
  const maxRows = options.maxRowsPerSheet ?? EXCEL_MAX_DATA_ROWS;
  const offsetAt = zoneOffsets(options.timeZone);
  const letters = columns.map((_, i) => columnName(i));
  const lastLetter = letters[letters.length - 1] ?? 'A';

  const fd = fs.openSync(filePath, 'w');
  let bytes = 0;
  let failure: Error | null = null;
  const zip = new Zip((error, chunk) => {
    if (error) {
      failure = error;
      return;
    }
    fs.writeSync(fd, chunk);
    bytes += chunk.length;
  });
  const level = options.level ?? 1;
  const addFile = (name: string, text: string) => {
    const file = new NativeZipDeflate(name, level);
    zip.add(file);
    file.push(Buffer.from(text, 'utf8'), true);
  };
  addFile('[Content_Types].xml', CONTENT_TYPES);
  addFile('_rels/.rels', ROOT_RELS);
  addFile('docProps/app.xml', APP_PROPS);
  addFile('docProps/core.xml', coreProps(now));
  addFile('xl/styles.xml', STYLES);

  const sheets: { name: string; rows: number }[] = [];
  let sheet: NativeZipDeflate | null = null;
  let sheetRows = 0;
  let total = 0;
  // The sheet's XML is encoded row by row into one reused buffer: one big string built
  // from small ones would be flattened and encoded at every flush, and that cost more than
  // the compression.
  const pending = Buffer.allocUnsafe(FLUSH_BYTES + SLACK_BYTES);
  let used = 0;
  /** The first rows, held until the column widths are known (first sheet only). */
  let sample: (readonly XlsxCell[])[] | null = [];
  let widths: number[] | null = null;

  const shared = new Map<string, number>();
  const sharedList: string[] = [];
  let sharedCount = 0;

  function cellXml(ref: string, column: XlsxColumn, value: XlsxCell): string {
    if (value === null || value === '') return '';
    const { type } = column;
    switch (type) {
      case 'text': {
        if (column.repeats) {
          const text = typeof value === 'string' ? value : String(value);
          let index = shared.get(text);
          if (index === undefined) {
            index = sharedList.length;
            shared.set(text, index);
            sharedList.push(text);
          }
          sharedCount++;
          return `<c r="${ref}" t="s"><v>${index}</v></c>`;
        }
        const text = typeof value === 'string' ? value : String(value);
        const space = text.trim().length !== text.length ? ' xml:space="preserve"' : '';
        return `<c r="${ref}" t="inlineStr"><is><t${space}>${xmlText(text)}</t></is></c>`;
      }
      case 'number':
      case 'integer': {
        const n = typeof value === 'number' ? value : Number(value);
        return Number.isFinite(n) ? `<c r="${ref}" s="${STYLE[type]}"><v>${n}</v></c>` : '';
      }
      case 'datetime': {
        if (typeof value !== 'number' || !Number.isFinite(value)) return '';
        const serial = (value + offsetAt(value)) / DAY_MS + EPOCH_SERIAL;
        return `<c r="${ref}" s="${STYLE.datetime}"><v>${serial}</v></c>`;
      }
      case 'date': {
        const serial = typeof value === 'string' ? daySerial(value) : value;
        return serial === null ? '' : `<c r="${ref}" s="${STYLE.date}"><v>${serial}</v></c>`;
      }
    }
  }

  function flush(final = false): void {
    if (failure) throw failure;
    // The compressor reads the piece before push returns, so the buffer can be reused.
    if (used > 0 || final) sheet!.push(pending.subarray(0, used), final);
    used = 0;
  }

  /** Appends XML text to the sheet. */
  function put(text: string): void {
    if (used + text.length * 3 > pending.length) {
      flush();
      if (text.length * 3 > pending.length) {
        sheet!.push(Buffer.from(text, 'utf8'));
        return;
      }
    }
    used += pending.write(text, used, 'utf8');
    if (used >= FLUSH_BYTES) flush();
  }

  function sizeColumns(): number[] {
    return columns.map((c, i) => {
      if (c.type === 'datetime') return Math.max(17, displayWidth(c.header) + 4);
      if (c.type === 'date') return Math.max(11, displayWidth(c.header) + 4);
      let w = displayWidth(c.header) + 4; // room for the filter button
      for (const r of sample ?? []) {
        const v = r[i];
        if (v !== null && v !== undefined) w = Math.max(w, displayWidth(String(v)) + 1);
      }
      return Math.min(60, Math.max(8, w));
    });
  }

  function openSheet(): void {
    widths ??= sizeColumns();
    const index = sheets.length;
    sheets.push({ name: sheetTitle(options.sheetName, index), rows: 0 });
    sheet = new NativeZipDeflate(`xl/worksheets/sheet${index + 1}.xml`, level);
    zip.add(sheet);
    sheetRows = 0;
    put(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
      `<sheetViews><sheetView workbookViewId="0"${index === 0 ? ' tabSelected="1"' : ''}><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>` +
      '<sheetFormatPr defaultRowHeight="15"/>' +
      `<cols>${widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('')}</cols>` +
      '<sheetData><row r="1">' +
        columns.map((c, i) => `<c r="${letters[i]}1" t="inlineStr" s="${STYLE.header}"><is><t>${xmlText(c.header)}</t></is></c>`).join('') +
        '</row>',
    );
  }

  function closeSheet(): void {
    const current = sheets[sheets.length - 1]!;
    current.rows = sheetRows;
    put(`</sheetData><autoFilter ref="A1:${lastLetter}${sheetRows + 1}"/></worksheet>`);
    flush(true);
    sheet = null;
  }

  function writeRow(cells: readonly XlsxCell[]): void {
    if (sheet === null) openSheet();
    else if (sheetRows === maxRows) {
      closeSheet();
      openSheet();
    }
    const r = String(++sheetRows + 1);
    let line = `<row r="${r}">`;
    for (let i = 0; i < columns.length; i++) line += cellXml(letters[i]! + r, columns[i]!, cells[i] ?? null);
    put(`${line}</row>`);
    total++;
  }

  function drainSample(): void {
    if (sample === null) return;
    const held = sample;
    widths = sizeColumns();
    sample = null;
    for (const r of held) writeRow(r);
  }

  let closed = false;
  return {
    row(cells) {
      if (sample !== null) {
        sample.push(cells);
        if (sample.length >= WIDTH_SAMPLE_ROWS) drainSample();
        return;
      }
      writeRow(cells);
    },
    finish() {
      drainSample();
      try {
        if (sheet === null) openSheet(); // no rows: a sheet with the header alone
        closeSheet();
        addFile('xl/sharedStrings.xml', sharedStrings(sharedList, sharedCount));
        addFile('xl/workbook.xml', workbook(sheets, columns.length));
        addFile('xl/_rels/workbook.xml.rels', workbookRels(sheets.length));
        zip.end();
        if (failure) throw failure;
      } finally {
        closed = true;
        fs.closeSync(fd);
      }
      return { rows: total, sheets: sheets.length, bytes };
    },
    abort() {
      if (!closed) {
        closed = true;
        fs.closeSync(fd);
      }
      fs.rmSync(filePath, { force: true });
    },
  };
}
