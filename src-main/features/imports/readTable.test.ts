import { strToU8, zipSync, type Zippable } from 'fflate';
import { describe, expect, it } from 'vitest';
import { decodeText, parseCsv, QUOTED_FIELD_MAX_CHARS, QUOTED_FIELD_MAX_LINES, readTable, readXlsx } from './readTable';

const hex = (h: string) => Uint8Array.from(Buffer.from(h.replace(/\s+/g, ''), 'hex'));
const utf8 = (s: string) => new TextEncoder().encode(s);
const utf16le = (s: string) => Uint8Array.from(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')]));
const utf16be = (s: string) => Uint8Array.from(Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(s, 'utf16le').swap16()]));

/**
 * A small CSV as Chinese Excel saves it (GBK, CRLF), made with Python's
 * '客户名称,联系电话,地址\r\n深圳华强电子有限公司,0755-83210000,"广东省深圳市福田区华强北路1号"\r\n
 * 北京测试科技,010-62345678,北京市朝阳区建国路88号\r\n'.encode('gbk').
 */
const GBK_CSV = hex(`
  bfcdbba7c3fbb3c62cc1aacfb5b5e7bbb02cb5d8d6b70d0ac9eedbdabbaac7bfb5e7d7d3d3d0cfdeb9abcbbe2c303735352d38
  333231303030302c22b9e3b6abcaa1c9eedbdacad0b8a3ccefc7f8bbaac7bfb1b1c2b731bac5220d0ab1b1bea9b2e2cad4bfc6
  bcbc2c3031302d36323334353637382cb1b1bea9cad0b3afd1f4c7f8bda8b9fac2b73838bac50d0a`);

describe('decodeText', () => {
  it.each([
    ['GBK 你好', hex('c4e3bac3'), '你好', 'gb18030'],
    ['GBK with ASCII', hex('c4e3bac32c6f6b'), '你好,ok', 'gb18030'],
    ['GB18030 four-byte and euro', hex('95328236a2e3'), '𠀀€', 'gb18030'],
    ['UTF-8 without BOM', utf8('你好,ok'), '你好,ok', 'utf-8'],
    ['UTF-8 with BOM (dropped)', utf8('\uFEFF你好'), '你好', 'utf-8'],
    ['plain ASCII', utf8('a,b\r\n'), 'a,b\r\n', 'utf-8'],
    ['empty', new Uint8Array(0), '', 'utf-8'],
    ['UTF-16 LE with BOM', utf16le('客户\t电话\r\n'), '客户\t电话\r\n', 'utf-16'],
    ['UTF-16 BE with BOM', utf16be('客户\t电话'), '客户\t电话', 'utf-16'],
  ])('%s', (_, bytes, text, encoding) => {
    expect(decodeText(bytes)).toEqual({ text, encoding });
  });

  it('reads a GBK CSV file from Chinese Excel', () => {
    const { text, encoding } = decodeText(GBK_CSV);
    expect(encoding).toBe('gb18030');
    expect(parseCsv(text).rows.map((r) => r.cells)).toEqual([
      ['客户名称', '联系电话', '地址'],
      ['深圳华强电子有限公司', '0755-83210000', '广东省深圳市福田区华强北路1号'],
      ['北京测试科技', '010-62345678', '北京市朝阳区建国路88号'],
    ]);
  });

  it('takes text that is valid UTF-8 as UTF-8 even when the bytes are valid GBK too', () => {
    // 浣犲ソ in GBK is the same bytes as 你好 in UTF-8: UTF-8 is tried first.
    expect(decodeText(utf8('你好'))).toEqual({ text: '你好', encoding: 'utf-8' });
  });
});

const cellsOf = (text: string) => parseCsv(text).rows.map((r) => r.cells);
const linesOf = (text: string) => parseCsv(text).rows.map((r) => r.line);

describe('parseCsv: records and fields', () => {
  it.each([
    ['a,b,c', [['a', 'b', 'c']]],
    ['a,b\nc,d', [['a', 'b'], ['c', 'd']]],
    ['a,b\r\nc,d\r\n', [['a', 'b'], ['c', 'd']]],
    ['a,b\rc,d\r', [['a', 'b'], ['c', 'd']]],
    ['a,b\n\nc,d', [['a', 'b'], [''], ['c', 'd']]],
    ['a,,c,', [['a', '', 'c', '']]],
    [',', [['', '']]],
    ['', []],
    ['\n', [['']]],
    // Quotes: delimiters, line breaks and doubled quotes inside.
    ['"a,b",c', [['a,b', 'c']]],
    ['"say ""hi""",x', [['say "hi"', 'x']]],
    ['""""', [['"']]],
    ['"",x', [['', 'x']]],
    ['"line1\nline2",x\ny,z', [['line1\nline2', 'x'], ['y', 'z']]],
    ['"line1\r\nline2",x\r\ny,z', [['line1\r\nline2', 'x'], ['y', 'z']]],
    ['a,"b"\r\n', [['a', 'b']]],
    ['a,"b"', [['a', 'b']]],
    ['"广东省深圳市","南山区"', [['广东省深圳市', '南山区']]],
    // Spaces after a closing quote are tolerated; spaces before an opening quote make the field plain.
    ['"a" ,b', [['a', 'b']]],
    ['a, "b"', [['a', ' "b"']]],
    // A quote inside a plain field is just a character.
    ['12" monitor,x', [['12" monitor', 'x']]],
    ['a"b"c,d', [['a"b"c', 'd']]],
    // Fields are not trimmed here: cleaning does that.
    [' a , b ', [[' a ', ' b ']]],
    // A leading BOM is not part of the first cell.
    ['\uFEFFname,phone', [['name', 'phone']]],
  ])('%j', (text, cells) => {
    expect(cellsOf(text)).toEqual(cells);
    expect(parseCsv(text).errors).toEqual([]);
  });

  it('numbers each record by the physical line it starts on, across quoted line breaks', () => {
    const text = 'h1,h2\n"two\nlines",x\n"three\r\nphysical\rlines",y\nlast,z\n\nafter blank,w';
    expect(linesOf(text)).toEqual([1, 2, 4, 7, 8, 9]);
  });

  it('counts CRLF as one line break and lone CR as one', () => {
    expect(linesOf('a\r\nb\rc\nd\r\n\r\ne')).toEqual([1, 2, 3, 4, 5, 6]);
  });
});

describe('parseCsv: delimiter', () => {
  it.each([
    ['a,b,c\n1,2,3', ['1', '2', '3']],
    ['a;b;c\n1;2;3', ['1', '2', '3']],
    ['a\tb\tc\n1\t2\t3', ['1', '2', '3']],
    // The most frequent outside quotes wins.
    ['name;amount;note\n张三;1,5;"a,b"', ['张三', '1,5', 'a,b']],
    ['"a;b";"c;d",e,f\n1,2,3', ['1', '2', '3']],
    ['"x,y,z"\tb\n1\t2', ['1', '2']],
    // Ties and single columns: comma.
    ['a,b;c\n1,2;3', ['1', '2;3']],
    ['name\n张三,x', ['张三', 'x']],
    // The header is the first non-blank line.
    ['\n \t\t\t\na;b\n1;2', ['1', '2']],
    // Excel's sep= line names it and is not a record.
    ['sep=;\na,b;c\n1,5;2', ['1,5', '2']],
    ['SEP=|\r\na|b\r\n1|2', ['1', '2']],
  ])('%j', (text, lastRow) => {
    expect(cellsOf(text).pop()).toEqual(lastRow);
  });

  it('keeps line numbers after a sep= line', () => {
    expect(parseCsv('sep=;\na;b\n1;2')).toEqual({
      rows: [
        { line: 2, cells: ['a', 'b'] },
        { line: 3, cells: ['1', '2'] },
      ],
      errors: [],
    });
  });
});

describe('parseCsv: broken quotes', () => {
  it('reports a quote that never closes and reads on from the next line', () => {
    const text = 'name,note\nok1,fine\nbad,"never closed\nok2,fine\nok3,"also, fine"\n';
    expect(parseCsv(text)).toEqual({
      rows: [
        { line: 1, cells: ['name', 'note'] },
        { line: 2, cells: ['ok1', 'fine'] },
        { line: 4, cells: ['ok2', 'fine'] },
        { line: 5, cells: ['ok3', 'also, fine'] },
      ],
      errors: [{ line: 3, reason: 'brokenQuote' }],
    });
  });

  it('reports text after a closing quote, and drops only that line', () => {
    const text = 'a,b\n"abc"def,x\nc,d\n';
    expect(parseCsv(text)).toEqual({
      rows: [
        { line: 1, cells: ['a', 'b'] },
        { line: 3, cells: ['c', 'd'] },
      ],
      errors: [{ line: 2, reason: 'brokenQuote' }],
    });
  });

  it('resumes after the start of a broken multi-line record, keeping later line numbers right', () => {
    // Line 2 opens a quote that closes on line 3 but is followed by text: broken at line 2.
    const text = 'h\n"one\ntwo"oops,x\nthree\r\nfour';
    expect(parseCsv(text)).toEqual({
      rows: [
        { line: 1, cells: ['h'] },
        { line: 3, cells: ['two"oops', 'x'] },
        { line: 4, cells: ['three'] },
        { line: 5, cells: ['four'] },
      ],
      errors: [{ line: 2, reason: 'brokenQuote' }],
    });
  });

  it('reports a broken quote in a later field of a record that began with a good multi-line one', () => {
    // Line 1's record breaks at "open; read again from line 2, `b","open` opens it again.
    const text = '"a\nb","open\nc,d';
    expect(parseCsv(text)).toEqual({
      rows: [{ line: 3, cells: ['c', 'd'] }],
      errors: [
        { line: 1, reason: 'brokenQuote' },
        { line: 2, reason: 'brokenQuote' },
      ],
    });
  });

  it('reports an unterminated quote at the very end', () => {
    expect(parseCsv('a,b\n1,"2')).toEqual({ rows: [{ line: 1, cells: ['a', 'b'] }], errors: [{ line: 2, reason: 'brokenQuote' }] });
    expect(parseCsv('"')).toEqual({ rows: [], errors: [{ line: 1, reason: 'brokenQuote' }] });
  });

  it(`accepts a quoted field of ${QUOTED_FIELD_MAX_CHARS} characters and breaks one longer`, () => {
    const fits = 'x'.repeat(QUOTED_FIELD_MAX_CHARS);
    expect(parseCsv(`"${fits}",end`)).toEqual({ rows: [{ line: 1, cells: [fits, 'end'] }], errors: [] });
    // Doubled quotes count as the two characters they are written with.
    const withQuotes = 'x'.repeat(QUOTED_FIELD_MAX_CHARS - 2) + '""';
    expect(parseCsv(`"${withQuotes}",end`).rows[0]!.cells[0]).toHaveLength(QUOTED_FIELD_MAX_CHARS - 1);
    const tooLong = parseCsv(`"${fits}x",end\nnext,row`);
    expect(tooLong).toEqual({ rows: [{ line: 2, cells: ['next', 'row'] }], errors: [{ line: 1, reason: 'brokenQuote' }] });
  });

  it(`accepts a quoted field over ${QUOTED_FIELD_MAX_LINES} lines and breaks one over more`, () => {
    const fits = Array.from({ length: QUOTED_FIELD_MAX_LINES }, (_, i) => `l${i}`).join('\n');
    expect(parseCsv(`"${fits}",end\nnext`).rows).toEqual([
      { line: 1, cells: [fits, 'end'] },
      { line: QUOTED_FIELD_MAX_LINES + 1, cells: ['next'] },
    ]);
    const tooMany = `"${fits}\nl${QUOTED_FIELD_MAX_LINES}",end\nnext`;
    const result = parseCsv(tooMany);
    expect(result.errors).toEqual([{ line: 1, reason: 'brokenQuote' }]);
    // Reading went on at line 2, so every following line is a record of its own.
    expect(result.rows[0]).toEqual({ line: 2, cells: ['l1'] });
    expect(result.rows).toHaveLength(QUOTED_FIELD_MAX_LINES + 1);
  });

  it('does not let one stray quote swallow a large file', () => {
    const body = Array.from({ length: 5000 }, (_, i) => `${i},name ${i}`).join('\n');
    const result = parseCsv(`id,name\n7,"stray\n${body}`);
    expect(result.errors).toEqual([{ line: 2, reason: 'brokenQuote' }]);
    expect(result.rows).toHaveLength(5001);
    expect(result.rows[5000]).toEqual({ line: 5002, cells: ['4999', 'name 4999'] });
  });

  it('reads every line with an unclosed quote as its own broken record', () => {
    const text = Array.from({ length: 300 }, () => '"open,x').join('\n');
    const { rows, errors } = parseCsv(text);
    expect(rows).toEqual([]);
    expect(errors.map((e) => e.line)).toEqual(Array.from({ length: 300 }, (_, i) => i + 1));
  });
});

describe('parseCsv: volume', () => {
  it('reads 200,000 rows', () => {
    const line = 'C000123,深圳华强电子,13812345678,广东,"VIP,重点"\n';
    const text = line.repeat(200_000);
    const { rows, errors } = parseCsv(text);
    expect(rows).toHaveLength(200_000);
    expect(errors).toHaveLength(0);
  });
});

// ---------------------------------------------------------------------------------------
// XLSX files built in the tests from their minimal parts.

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
</Types>`;

function workbookXml(sheets: { name: string; rid: string }[]): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
<sheets>${sheets.map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}" r:id="${s.rid}"/>`).join('')}</sheets></workbook>`;
}

function relsXml(rels: { id: string; target: string }[]): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
${rels.map((r) => `<Relationship Id="${r.id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="${r.target}"/>`).join('')}
</Relationships>`;
}

function sheetXml(rows: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:D9"/><cols><col min="1" max="4" width="12"/></cols>
<sheetData>${rows}</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`;
}

function sharedXml(items: string[]): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${items.length}" uniqueCount="${items.length}">${items.map((i) => `<si>${i}</si>`).join('')}</sst>`;
}

function xlsx(parts: Record<string, string>): Uint8Array {
  const files: Zippable = {};
  for (const [name, text] of Object.entries(parts)) files[name] = strToU8(text);
  return zipSync(files);
}

const SHARED = [
  '<t>客户名称</t>',
  '<t>电话</t>',
  '<t>购买日期</t>',
  '<t>金额</t>',
  '<t xml:space="preserve"> 深圳华强 &amp; 合作伙伴 </t>',
  // Rich text: runs joined; the phonetic guide (pinyin) is not part of the value.
  '<r><rPr><b/></rPr><t>北京</t></r><r><t>测试</t></r><rPh sb="0" eb="2"><t>beijing</t></rPh><phoneticPr fontId="1"/>',
  '<t>&lt;VIP&gt; &quot;A&quot; &apos;B&apos; &#20013;&#x56FD; line_x000D_break</t>',
  '<t/>',
];

const WORKBOOK_ROWS = `
<row r="1" spans="1:4"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row>
<row r="2"><c r="A2" t="s"><v>4</v></c><c r="B2" t="inlineStr"><is><t>0755-83210000</t></is></c><c r="C2" s="1"><v>45292</v></c><c r="D2"><v>1234.5</v></c></row>
<row r="3"><c r="A3" t="s"><v>5</v></c><c r="C3" s="1"><v>46085.4305555556</v></c></row>
<row r="5"><c r="A5" t="s"><v>6</v></c><c r="D5" t="str"><f>CONCAT("a","&amp;b")</f><v>a&amp;b</v></c></row>
<row r="6"><c r="A6" t="b"><v>1</v></c><c r="B6" t="b"><v>0</v></c><c r="C6" t="e"><v>#DIV/0!</v></c><c r="D6" t="s"><v>7</v></c></row>
<row r="7" spans="1:4"><c r="A7" s="2"/><c r="B7" s="2"/></row>
<row r="8"><c r="B8" t="inlineStr"><is><r><t>富文本</t></r><r><t>内联</t></r></is></c></row>`;

function standardWorkbook(rows = WORKBOOK_ROWS): Uint8Array {
  return xlsx({
    '[Content_Types].xml': CONTENT_TYPES,
    'xl/workbook.xml': workbookXml([{ name: '客户', rid: 'rId1' }]),
    'xl/_rels/workbook.xml.rels': relsXml([{ id: 'rId1', target: 'worksheets/sheet1.xml' }]),
    'xl/worksheets/sheet1.xml': sheetXml(rows),
    'xl/sharedStrings.xml': sharedXml(SHARED),
  });
}

describe('readXlsx', () => {
  it('reads the cells of every type by their references', () => {
    expect(readXlsx(standardWorkbook()).rows).toEqual([
      { line: 1, cells: ['客户名称', '电话', '购买日期', '金额'] },
      // A date stays its Excel serial: the cleaning layer reads it.
      { line: 2, cells: [' 深圳华强 & 合作伙伴 ', '0755-83210000', '45292', '1234.5'] },
      // Column B skipped: an empty cell fills the gap.
      { line: 3, cells: ['北京测试', '', '46085.4305555556'] },
      // Row 4 is not in the file; row 5 keeps its number. Entities and _x000D_ decoded.
      { line: 5, cells: ['<VIP> "A" \'B\' 中国 line\rbreak', '', '', 'a&b'] },
      { line: 6, cells: ['TRUE', 'FALSE', '', ''] },
      { line: 7, cells: ['', ''] },
      { line: 8, cells: ['', '富文本内联'] },
    ]);
  });

  it('places rows and cells without references after the previous ones', () => {
    const rows = `<row><c t="inlineStr"><is><t>a</t></is></c><c><v>1</v></c></row><row r="4"><c><v>x</v></c><c r="C4"><v>y</v></c><c><v>z</v></c></row><row><c r="B5"><v>b</v></c></row>`;
    expect(readXlsx(standardWorkbook(rows)).rows).toEqual([
      { line: 1, cells: ['a', '1'] },
      { line: 4, cells: ['x', '', 'y', 'z'] },
      { line: 5, cells: ['', 'b'] },
    ]);
  });

  it('reads the first sheet in workbook order through its relationship', () => {
    const bytes = xlsx({
      '[Content_Types].xml': CONTENT_TYPES,
      'xl/workbook.xml': workbookXml([
        { name: '导入', rid: 'rId7' },
        { name: '说明', rid: 'rId2' },
      ]),
      'xl/_rels/workbook.xml.rels': relsXml([
        { id: 'rId2', target: 'worksheets/sheet1.xml' },
        { id: 'rId7', target: '/xl/worksheets/data.xml' },
      ]),
      'xl/worksheets/sheet1.xml': sheetXml('<row r="1"><c r="A1" t="inlineStr"><is><t>说明</t></is></c></row>'),
      'xl/worksheets/data.xml': sheetXml('<row r="1"><c r="A1" t="inlineStr"><is><t>数据</t></is></c></row>'),
    });
    expect(readXlsx(bytes).rows).toEqual([{ line: 1, cells: ['数据'] }]);
  });

  it('falls back to sheet1.xml without a workbook, and reads without shared strings', () => {
    const bytes = xlsx({ 'xl/worksheets/sheet1.xml': sheetXml('<row r="2"><c r="B2"><v>42</v></c></row>') });
    expect(readXlsx(bytes).rows).toEqual([{ line: 2, cells: ['', '42'] }]);
  });

  it('reads namespace-prefixed parts (OpenXML SDK writes x:row, x:c)', () => {
    const sheet = `<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>名称</x:t></x:is></x:c><x:c r="B1"><x:v>3</x:v></x:c></x:row></x:sheetData></x:worksheet>`;
    expect(readXlsx(xlsx({ 'xl/worksheets/sheet1.xml': sheet })).rows).toEqual([{ line: 1, cells: ['名称', '3'] }]);
  });

  it('reads a sheet with no rows as no rows', () => {
    expect(readXlsx(standardWorkbook('')).rows).toEqual([]);
  });

  it.each([
    ['not a zip', utf8('客户名称,电话\n')],
    ['empty', new Uint8Array(0)],
    ['a truncated zip', standardWorkbook().slice(0, 200)],
    ['a zip without a worksheet', xlsx({ 'word/document.xml': '<w:document/>' })],
    ['a workbook pointing at a missing sheet', xlsx({ 'xl/workbook.xml': workbookXml([{ name: 'a', rid: 'rId1' }]), 'xl/_rels/workbook.xml.rels': relsXml([{ id: 'rId1', target: 'worksheets/gone.xml' }]) })],
  ])('throws unreadable for %s', (_, bytes) => {
    expect(() => readXlsx(bytes)).toThrow(new Error('unreadable'));
  });

  it('throws unreadable for a zip whose sheet data is corrupt', () => {
    const bytes = standardWorkbook();
    // Flip bytes in the middle of the compressed parts.
    const corrupt = bytes.slice();
    for (let i = 120; i < corrupt.length - 400; i += 7) corrupt[i] = corrupt[i]! ^ 0xff;
    expect(() => readXlsx(corrupt)).toThrow(new Error('unreadable'));
  });
});

describe('readTable', () => {
  it('reads a CSV: headers cleaned, empty rows skipped, errors kept', () => {
    const text = '\uFEFF\n ,  \n 客户名称 , 电话 \n深圳华强,0755-83210000\n,\n  \n"broken,x\n北京测试,010-62345678\n';
    expect(readTable('客户.csv', utf8(text))).toEqual({
      format: 'csv',
      encoding: 'utf-8',
      headers: ['客户名称', '电话'],
      rows: [
        { line: 4, cells: ['深圳华强', '0755-83210000'] },
        { line: 8, cells: ['北京测试', '010-62345678'] },
      ],
      errors: [{ line: 7, reason: 'brokenQuote' }],
    });
  });

  it('reads a GBK CSV', () => {
    const table = readTable('CUSTOMERS.CSV', GBK_CSV);
    expect(table.encoding).toBe('gb18030');
    expect(table.headers).toEqual(['客户名称', '联系电话', '地址']);
    expect(table.rows.map((r) => r.line)).toEqual([2, 3]);
    expect(table.rows[1]!.cells[2]).toBe('北京市朝阳区建国路88号');
  });

  it("reads Excel's Unicode text (.txt, UTF-16, tab-separated)", () => {
    const table = readTable('export.txt', utf16le('客户名称\t电话\r\n深圳华强\t0755-83210000\r\n'));
    expect(table).toEqual({
      format: 'csv',
      encoding: 'utf-16',
      headers: ['客户名称', '电话'],
      rows: [{ line: 2, cells: ['深圳华强', '0755-83210000'] }],
      errors: [],
    });
  });

  it('reads an XLSX: the first non-empty row is the header', () => {
    const rows = `<row r="1"><c r="A1" s="3"/></row><row r="2"><c r="A2" t="inlineStr"><is><t> 名称 </t></is></c><c r="B2" t="inlineStr"><is><t>数量</t></is></c></row>
<row r="3"><c r="A3" t="inlineStr"><is><t>打印机</t></is></c><c r="B3"><v>2</v></c></row><row r="4"><c r="A4" s="3"/></row><row r="9"><c r="B9"><v>5</v></c></row>`;
    expect(readTable('产品.xlsx', standardWorkbook(rows))).toEqual({
      format: 'xlsx',
      encoding: null,
      headers: ['名称', '数量'],
      rows: [
        { line: 3, cells: ['打印机', '2'] },
        { line: 9, cells: ['', '5'] },
      ],
      errors: [],
    });
  });

  it('reads an empty file as a table without headers', () => {
    expect(readTable('empty.csv', new Uint8Array(0))).toEqual({ format: 'csv', encoding: 'utf-8', headers: [], rows: [], errors: [] });
  });

  it.each(['customers.xls', 'customers.json', 'customers', 'archive.zip', 'csv', '.xlsx.pdf'])('refuses %s', (name) => {
    expect(() => readTable(name, utf8('a,b'))).toThrow(new Error('unsupportedFormat'));
  });

  it('throws unreadable for a corrupt .xlsx', () => {
    expect(() => readTable('customers.xlsx', utf8('a,b'))).toThrow(new Error('unreadable'));
  });
});
