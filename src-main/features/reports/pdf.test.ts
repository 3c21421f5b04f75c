import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writePdfSync, type PdfCell, type PdfDocument } from './pdf';
import { niceTicks } from './pdfChart';
import { fontCandidates, PdfFontError, pdfFontPath } from './pdfFont';

// PDFs are read back with poppler's pdftotext (poppler-utils: installed by .ci/run), which
// needs each glyph's ToUnicode entry: what it reads is what a user can search and copy.

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'serviceloop-pdf-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The text of one page (1-based) or of all, as pdftotext lays it out. */
function pdfText(file: string, page?: number): string {
  const range = page ? ['-f', String(page), '-l', String(page)] : [];
  return execFileSync('pdftotext', ['-layout', ...range, file, '-'], { encoding: 'utf8' });
}

/** Each word with its horizontal extent (pdftotext -bbox), to check alignment. */
function boxes(file: string): { word: string; xMin: number; xMax: number }[] {
  const html = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8' });
  return [...html.matchAll(/<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g)].map((m) => ({ word: m[3]!, xMin: Number(m[1]), xMax: Number(m[2]) }));
}

function pdfPages(file: string): number {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return Number(/Pages:\s+(\d+)/.exec(info)![1]);
}

function* tickets(n: number): Generator<PdfCell[]> {
  for (let i = 1; i <= n; i++) yield [`SR-${String(i).padStart(5, '0')}`, i % 10 === 0 ? `空调漏水严重，客户要求今天上门处理，并检查室外机的排水管是否堵塞 number ${i}` : `打印机卡纸 ${i}`, '华东电气', i * 2];
}

const base = (rows: Iterable<PdfCell[]>, extra: Partial<PdfDocument> = {}): PdfDocument => ({
  title: '服务请求报表',
  filters: [
    { label: '状态', value: '处理中、待处理' },
    { label: '区域', value: '华东' },
  ],
  generatedAt: '生成时间：2026-11-26 10:30',
  pageLabel: (page, pages) => `第 ${page} 页，共 ${pages} 页`,
  sections: [
    {
      kind: 'table',
      title: '明细',
      columns: [{ header: '编号' }, { header: '主题', width: 3 }, { header: '客户' }, { header: '数量', align: 'right' }],
      rows,
      totals: ['合计', null, null, 123456],
    },
  ],
  ...extra,
});

describe('writePdf', () => {
  it('prints the title, filters, generation time, Chinese cells, totals and "page X of Y" on every page', async () => {
    const file = path.join(dir, 'report.pdf');
    const result = writePdfSync(base(tickets(120)), file);
    expect(result.rows).toBe(120);
    expect(result.pages).toBeGreaterThan(1);
    expect(pdfPages(file)).toBe(result.pages);
    expect(result.bytes).toBe(fs.statSync(file).size);

    const first = pdfText(file, 1);
    expect(first).toContain('服务请求报表');
    expect(first).toContain('状态：处理中、待处理');
    expect(first).toContain('区域：华东');
    expect(first).toContain('生成时间：2026-11-26 10:30');
    expect(first).toContain('打印机卡纸 1');
    expect(first).toContain(`第 1 页，共 ${result.pages} 页`);

    const all = pdfText(file);
    for (let page = 1; page <= result.pages; page++) expect(all).toContain(`第 ${page} 页，共 ${result.pages} 页`);
    // Every row is there once, in order.
    const numbers = [...all.matchAll(/SR-(\d{5})/g)].map((m) => Number(m[1]));
    expect(numbers).toEqual(Array.from({ length: 120 }, (_, i) => i + 1));

    const last = pdfText(file, result.pages);
    expect(last).toMatch(/合计\s+123,456/);
  });

  it('repeats the header row on every page and right-aligns numbers', () => {
    const file = path.join(dir, 'long.pdf');
    const result = writePdfSync(base(tickets(200)), file);
    for (let page = 1; page <= result.pages; page++) {
      const text = pdfText(file, page);
      expect(text, `page ${page}`).toMatch(/编号\s+主题\s+客户\s+数量/);
    }
    // Right-aligned: the last digits of 7, 70 and 7,000 share a column.
    const short = path.join(dir, 'short.pdf');
    writePdfSync(base([['SR-A', '甲', '华东', 7], ['SR-B', '乙', '华东', 70], ['SR-C', '丙', '华东', 7000]]), short);
    const right = (word: string) => boxes(short).find((b) => b.word === word)!.xMax;
    expect(right('70')).toBeCloseTo(right('7'), 1);
    expect(right('7,000')).toBeCloseTo(right('7'), 1);
    // …and text starts at the left: the subjects share their left edge.
    const leftOf = (word: string) => boxes(short).find((b) => b.word === word)!.xMin;
    expect(leftOf('乙')).toBeCloseTo(leftOf('甲'), 1);
  });

  it('wraps long text to at most three lines and ends it with an ellipsis', () => {
    const file = path.join(dir, 'wrap.pdf');
    const long = '客户反映设备在夜间运行时噪音很大'.repeat(12);
    writePdfSync(base([['SR-00001', long, '华东电气', 1]]), file);
    const text = pdfText(file).replace(/\s+/g, '');
    expect(text).toContain('客户反映设备在夜间运行时噪音很大');
    expect(text).toContain('…');
    expect(text).not.toContain(long);
  });

  it('draws bar and line charts and figures as a valid PDF with their words', () => {
    const file = path.join(dir, 'chart.pdf');
    const result = writePdfSync(
      {
        ...base([]),
        sections: [
          { kind: 'figures', title: '关键指标', items: [{ label: 'SLA 达成率', value: '93.5%', previous: '上期 91.0%' }] },
          { kind: 'chart', chart: { kind: 'bar', title: '每日新建与关闭', labels: ['11-01', '11-02', '11-03'], series: [{ name: '新建', values: [12, 18, 9] }, { name: '关闭', values: [10, 15, 12] }] } },
          { kind: 'chart', chart: { kind: 'line', title: '积压趋势', labels: ['11-01', '11-02'], series: [{ name: '积压', values: [40, 55] }] } },
          { kind: 'chart', chart: { kind: 'bar', title: '空图', labels: [], series: [] } },
        ],
      },
      file,
    );
    expect(result.pages).toBe(pdfPages(file));
    const text = pdfText(file);
    for (const word of ['关键指标', 'SLA 达成率', '93.5%', '上期 91.0%', '每日新建与关闭', '新建', '关闭', '11-02', '积压趋势', '空图']) expect(text).toContain(word);
    // Chart axis ticks.
    expect(text).toMatch(/\b20\b/);
  });

  it('writes landscape pages when asked', () => {
    const file = path.join(dir, 'wide.pdf');
    writePdfSync(base(tickets(3), { landscape: true }), file);
    expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/Page size:\s+841.89 x 595.28/);
  });

  it('stops when cancelled and removes the partial file', async () => {
    const file = path.join(dir, 'cancel.pdf');
    let seen = 0;
    expect(() =>
      writePdfSync(base(tickets(5000)), file, {
        progress: (rows) => (seen = rows),
        cancelled: () => seen >= 500,
      }),
    ).toThrow('cancelled');
    expect(seen).toBeLessThan(5000);
    expect(fs.existsSync(file)).toBe(false);
  });

  it('reports rows as it goes', () => {
    const seen: number[] = [];
    writePdfSync(base(tickets(600)), path.join(dir, 'progress.pdf'), { progress: (rows) => seen.push(rows) });
    expect(seen.at(-1)).toBe(600);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
  });

  it('names the font path it could not read, and leaves no file', async () => {
    const file = path.join(dir, 'nofont.pdf');
    const missing = path.join(dir, 'missing.ttc');
    expect(() => writePdfSync(base(tickets(1)), file, { fontPath: missing })).toThrow(PdfFontError);
    expect(() => writePdfSync(base(tickets(1)), file, { fontPath: missing })).toThrow(`PDF font not available at ${missing}: file not found`);
    expect(fs.existsSync(file)).toBe(false);
    const notAFont = path.join(dir, 'not-a-font.ttc');
    fs.writeFileSync(notAFont, 'hello');
    expect(() => writePdfSync(base(tickets(1)), file, { fontPath: notAFont })).toThrow(`PDF font not available at ${notAFont}: not a font file holding WenQuanYiMicroHei`);
    expect(fs.existsSync(file)).toBe(false);
  });

  it('finds the font shipped in resources/fonts, and looks beside app.asar in a packaged app', () => {
    expect(pdfFontPath()).toBe(path.resolve('resources/fonts/wqy-microhei.ttc'));
    const packaged = path.join(path.sep, 'opt', 'ServiceLoop', 'resources');
    // The main process knows its resources folder; a worker thread finds it from its own module's path.
    expect(fontCandidates(path.join(packaged, 'app.asar', 'out', 'main'), packaged)[0]).toBe(path.join(packaged, 'fonts', 'wqy-microhei.ttc'));
    expect(fontCandidates(path.join(packaged, 'app.asar', 'out', 'main'), undefined)).toContain(path.join(packaged, 'fonts', 'wqy-microhei.ttc'));
  });
});

describe('niceTicks', () => {
  it('covers the values with round steps from zero', () => {
    expect(niceTicks(0, 22)).toEqual([0, 5, 10, 15, 20, 25]);
    expect(niceTicks(0, 0.8)).toEqual([0, 0.2, 0.4, 0.6, 0.8]);
    expect(niceTicks(-12, 30)[0]).toBeLessThanOrEqual(-12);
    expect(niceTicks(0, 0)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
  });
});
