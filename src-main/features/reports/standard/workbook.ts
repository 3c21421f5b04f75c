import fs from 'node:fs';
import { Zip } from 'fflate';
import { columnName, daySerial, EXCEL_MAX_DATA_ROWS, NativeZipDeflate, xmlText } from '../xlsx';
import { zoneOffsets } from '../../../../src-shared/domain/time';

// A report as an XLSX workbook: a first sheet with the title, filters, generation time and
// key figures, then one sheet per table (header row bold, frozen and filtered, typed cells
// with number formats, a bold totals row, widths from the content). The queue export's
// writer (../xlsx.ts) streams one table of a million rows; a report has several tables of
// aggregates (a long breach list at most), each written out as it comes.

export type WorkbookCellType = 'text' | 'integer' | 'number1' | 'number2' | 'percent' | 'money' | 'date' | 'datetime';
export type WorkbookCell = string | number | null;

export interface WorkbookColumn {
  header: string;
  type: WorkbookCellType;
}

export interface WorkbookWriter {
  /** The first sheet: label/value lines (a value typed like a cell). */
  summary(name: string, title: string, lines: { label: string; value: WorkbookCell; type: WorkbookCellType }[]): void;
  /** A sheet for one table (more past Excel's rows per sheet); `rows` are written as they come; `totals` in bold at the end. Returns the rows written. */
  table(name: string, columns: WorkbookColumn[], rows: Iterable<WorkbookCell[]>, totals: WorkbookCell[] | null): number;
  finish(): { bytes: number };
  abort(): void;
}

const DAY_MS = 86_400_000;
const EPOCH_SERIAL = 25569;

// cellXfs: plain, then each type's format, plain and bold.
const FORMATS: Record<WorkbookCellType, number> = { text: 0, integer: 3, number1: 164, number2: 165, percent: 166, money: 4, date: 167, datetime: 168 };
const TYPES = Object.keys(FORMATS) as WorkbookCellType[];
const style = (type: WorkbookCellType, bold: boolean) => 1 + TYPES.indexOf(type) * 2 + (bold ? 1 : 0);
const TITLE_STYLE = 1 + TYPES.length * 2;

const STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<numFmts count="5"><numFmt numFmtId="164" formatCode="#,##0.0"/><numFmt numFmtId="165" formatCode="#,##0.00"/><numFmt numFmtId="166" formatCode="0.0%"/>' +
  '<numFmt numFmtId="167" formatCode="yyyy-mm-dd"/><numFmt numFmtId="168" formatCode="yyyy-mm-dd hh:mm"/></numFmts>' +
  '<fonts count="3"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="14"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  `<cellXfs count="${TITLE_STYLE + 1}"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>` +
  TYPES.map((t) => [0, 1].map((b) => `<xf numFmtId="${FORMATS[t]}" fontId="${b}" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1"/>`).join('')).join('') +
  '<xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';

const CONTENT_TYPES = (sheets: number) =>
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
  '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
  Array.from({ length: sheets }, (_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('') +
  '</Types>';

/** Excel's width units: CJK characters take two. */
function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += ch.codePointAt(0)! >= 0x1100 ? 2 : 1;
  return w;
}

/** A sheet name Excel takes (31 characters, none of : \ / ? * [ ]), unique in the workbook. */
function sheetName(base: string, taken: Set<string>): string {
  const clean = base.replace(/[:\\/?*[\]]/g, ' ').trim() || 'Sheet';
  let name = [...clean].slice(0, 31).join('');
  for (let i = 2; taken.has(name.toLowerCase()); i++) name = [...clean].slice(0, 31 - ` (${i})`.length).join('') + ` (${i})`;
  taken.add(name.toLowerCase());
  return name;
}

export function createWorkbookWriter(filePath: string, timeZone: string, options: { maxRowsPerSheet?: number } = {}): WorkbookWriter {
  const maxRows = options.maxRowsPerSheet ?? EXCEL_MAX_DATA_ROWS;
  const offsetAt = zoneOffsets(timeZone);
  const fd = fs.openSync(filePath, 'w');
  let bytes = 0;
  let failure: Error | null = null;
  const zip = new Zip((error, chunk) => {
    if (error) failure = error;
    else {
      fs.writeSync(fd, chunk);
      bytes += chunk.length;
    }
  });
  const sheets: string[] = [];
  const taken = new Set<string>();
  let closed = false;

  // Deflated by Node's zlib through the queue export's zip entry (native, several times fflate's own).
  const add = (name: string, text: string) => {
    const file = new NativeZipDeflate(name, 6);
    zip.add(file);
    file.push(Buffer.from(text, 'utf8'), true);
  };

  function cell(ref: string, type: WorkbookCellType, value: WorkbookCell, bold: boolean): string {
    if (value === null || value === '') return '';
    const s = style(type, bold);
    if (type === 'text' || typeof value === 'string') {
      if (type === 'date' && typeof value === 'string') {
        const serial = daySerial(value);
        if (serial !== null) return `<c r="${ref}" s="${s}"><v>${serial}</v></c>`;
      }
      const text = String(value);
      return `<c r="${ref}" t="inlineStr" s="${style('text', bold)}"><is><t xml:space="preserve">${xmlText(text)}</t></is></c>`;
    }
    if (!Number.isFinite(value)) return '';
    if (type === 'datetime') return `<c r="${ref}" s="${s}"><v>${(value + offsetAt(value)) / DAY_MS + EPOCH_SERIAL}</v></c>`;
    // Money is kept in minor units: the sheet shows major units with two decimals.
    return `<c r="${ref}" s="${s}"><v>${type === 'money' ? value / 100 : value}</v></c>`;
  }

  /** A sheet part: written in pieces so a long table never sits in memory whole. */
  function sheet(name: string, head: string, body: (put: (xml: string) => void) => void, tail: () => string): void {
    sheets.push(sheetName(name, taken));
    const file = new NativeZipDeflate(`xl/worksheets/sheet${sheets.length}.xml`, 1);
    zip.add(file);
    let pending = head;
    const put = (xml: string) => {
      pending += xml;
      if (pending.length > 256 * 1024) {
        file.push(Buffer.from(pending, 'utf8'));
        pending = '';
      }
    };
    body(put);
    file.push(Buffer.from(pending + tail(), 'utf8'), true);
    if (failure) throw failure;
  }

  const SHEET_OPEN = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">';

  return {
    summary(name, title, lines) {
      const labelWidth = Math.min(40, Math.max(12, ...lines.map((l) => displayWidth(l.label) + 2)));
      const valueWidth = Math.min(60, Math.max(16, ...lines.map((l) => (typeof l.value === 'string' ? displayWidth(l.value) + 2 : 14))));
      sheet(
        name,
        `${SHEET_OPEN}<sheetViews><sheetView workbookViewId="0" tabSelected="1"/></sheetViews><cols><col min="1" max="1" width="${labelWidth}" customWidth="1"/><col min="2" max="2" width="${valueWidth}" customWidth="1"/></cols><sheetData>` +
          `<row r="1"><c r="A1" t="inlineStr" s="${TITLE_STYLE}"><is><t>${xmlText(title)}</t></is></c></row>`,
        (put) => lines.forEach((l, i) => put(`<row r="${i + 3}">${cell(`A${i + 3}`, 'text', l.label, true)}${cell(`B${i + 3}`, l.type, l.value, false)}</row>`)),
        () => '</sheetData></worksheet>',
      );
    },
    table(name, columns, rows, totals) {
      const letters = columns.map((_, i) => columnName(i));
      const widths = columns.map((c) => (c.type === 'datetime' ? Math.max(17, displayWidth(c.header) + 4) : Math.max(10, displayWidth(c.header) + 4)));
      // Rows are held until the widths are known only for the first hundred; the rest stream.
      const first: WorkbookCell[][] = [];
      const iterator = rows[Symbol.iterator]();
      for (let next = iterator.next(); !next.done; next = iterator.next()) {
        first.push(next.value);
        if (first.length >= 100) break;
      }
      for (const r of [...first, ...(totals ? [totals] : [])])
        r.forEach((v, i) => {
          if (typeof v === 'string' && columns[i]?.type === 'text') widths[i] = Math.min(60, Math.max(widths[i]!, displayWidth(v) + 2));
        });
      let n = 1;
      const row = (cells: WorkbookCell[], bold: boolean) => {
        n++;
        return `<row r="${n}">${columns.map((c, i) => cell(`${letters[i]}${n}`, c.type, cells[i] ?? null, bold)).join('')}</row>`;
      };
      let written = 0;
      const last = letters[letters.length - 1] ?? 'A';
      const head =
        `${SHEET_OPEN}<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>` +
        `<cols>${widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('')}</cols><sheetData>` +
        `<row r="1">${columns.map((c, i) => `<c r="${letters[i]}1" t="inlineStr" s="${style('text', true)}"><is><t>${xmlText(c.header)}</t></is></c>`).join('')}</row>`;
      const held = [...first];
      const nextRow = (): WorkbookCell[] | undefined => {
        if (held.length > 0) return held.shift();
        const next = iterator.next();
        return next.done ? undefined : next.value;
      };
      // Past Excel's rows per sheet, the rows go on under the same header on "name (2)"…
      let carry = nextRow();
      for (let part = 1; ; part++) {
        n = 1;
        let lastDataRow = 1;
        sheet(
          part === 1 ? name : `${name} (${part})`,
          head,
          (put) => {
            for (let rows = 0; carry !== undefined && rows < maxRows; rows++) {
              put(row(carry, false));
              written++;
              carry = nextRow();
            }
            lastDataRow = n;
            if (carry === undefined && totals) put(row(totals, true));
          },
          // The filter covers the data rows, not the totals.
          () => `</sheetData><autoFilter ref="A1:${last}${lastDataRow}"/></worksheet>`,
        );
        if (carry === undefined) break;
      }
      return written;
    },
    finish() {
      try {
        add('[Content_Types].xml', CONTENT_TYPES(sheets.length));
        add(
          '_rels/.rels',
          '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        );
        add('xl/styles.xml', STYLES);
        add(
          'xl/workbook.xml',
          '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><bookViews><workbookView/></bookViews><sheets>' +
            sheets.map((s, i) => `<sheet name="${xmlText(s)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('') +
            '</sheets></workbook>',
        );
        add(
          'xl/_rels/workbook.xml.rels',
          '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
            sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('') +
            `<Relationship Id="rId${sheets.length + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`,
        );
        zip.end();
        if (failure) throw failure;
      } finally {
        closed = true;
        fs.closeSync(fd);
      }
      return { bytes };
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
