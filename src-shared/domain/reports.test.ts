import { describe, expect, it } from 'vitest';
import { chartData, dayStart, formatReportCell, isReportDay, periodDays, periodRange, REPORTS, resolvePeriod, type RelativePeriod } from './reports';

const SH = 'Asia/Shanghai';

describe('resolvePeriod', () => {
  // Monday 2026-03-09, 01:30 in Shanghai (still Sunday the 8th in UTC).
  const monday = Date.UTC(2026, 2, 8, 17, 30);

  it.each<[RelativePeriod, string, string]>([
    ['yesterday', '2026-03-08', '2026-03-08'],
    ['last7Days', '2026-03-02', '2026-03-08'],
    ['last30Days', '2026-02-07', '2026-03-08'],
    ['lastWeek', '2026-03-02', '2026-03-08'],
    ['lastMonth', '2026-02-01', '2026-02-28'],
    ['lastQuarter', '2025-10-01', '2025-12-31'],
    ['lastYear', '2025-01-01', '2025-12-31'],
    ['weekToDate', '2026-03-09', '2026-03-09'],
    ['monthToDate', '2026-03-01', '2026-03-09'],
  ])('%s run on Monday 2026-03-09 (desk time) is %s – %s', (relative, from, to) => {
    expect(resolvePeriod(relative, monday, SH)).toEqual({ from, to });
  });

  it('reads "today" in the desk time zone, not UTC', () => {
    expect(resolvePeriod('yesterday', monday, 'UTC')).toEqual({ from: '2026-03-07', to: '2026-03-07' });
  });

  it('takes the last week from Sunday back to the Monday before, and January back into December', () => {
    const sunday = Date.UTC(2026, 2, 15, 4, 0);
    expect(resolvePeriod('lastWeek', sunday, SH)).toEqual({ from: '2026-03-02', to: '2026-03-08' });
    expect(resolvePeriod('lastMonth', Date.UTC(2026, 0, 15), SH)).toEqual({ from: '2025-12-01', to: '2025-12-31' });
    expect(resolvePeriod('lastQuarter', Date.UTC(2026, 1, 15), SH)).toEqual({ from: '2025-10-01', to: '2025-12-31' });
    // Leap years: February 2024 has 29 days.
    expect(resolvePeriod('lastMonth', Date.UTC(2024, 2, 10), SH)).toEqual({ from: '2024-02-01', to: '2024-02-29' });
  });
});

describe('periods as instants', () => {
  it('begins a desk day at local midnight', () => {
    expect(dayStart('2026-11-24', SH)).toBe(Date.UTC(2026, 10, 23, 16, 0));
    expect(periodRange('2026-11-01', '2026-11-30', SH)).toEqual({ start: Date.UTC(2026, 9, 31, 16, 0), end: Date.UTC(2026, 10, 30, 16, 0) });
  });

  it('keeps a day 23 or 25 hours long where clocks change', () => {
    // New York: 2026-03-08 lost an hour, 2026-11-01 gained one.
    const spring = periodRange('2026-03-08', '2026-03-08', 'America/New_York');
    expect(spring.end - spring.start).toBe(23 * 3_600_000);
    const autumn = periodRange('2026-11-01', '2026-11-01', 'America/New_York');
    expect(autumn.end - autumn.start).toBe(25 * 3_600_000);
  });

  it('knows real days and counts them', () => {
    expect(isReportDay('2026-02-28')).toBe(true);
    expect(isReportDay('2026-02-29')).toBe(false);
    expect(isReportDay('2026-2-28')).toBe(false);
    expect(periodDays('2026-11-01', '2026-11-30')).toBe(30);
  });
});

describe('cells and charts', () => {
  const words = { locale: 'zh-CN', codes: { 'priority.high': '高' } };
  const none = () => '';
  it('reads a cell as people do', () => {
    expect(formatReportCell({ type: 'percent' }, 0.6667, words, none)).toBe('66.7%');
    expect(formatReportCell({ type: 'money' }, 1234550, words, none)).toBe('12,345.50');
    expect(formatReportCell({ type: 'integer' }, 12345, words, none)).toBe('12,345');
    expect(formatReportCell({ type: 'number', decimals: 2 }, 3.5, words, none)).toBe('3.50');
    expect(formatReportCell({ type: 'code', codes: 'priority' }, 'high', words, none)).toBe('高');
    expect(formatReportCell({ type: 'code', codes: 'priority' }, 'low', words, none)).toBe('low');
    expect(formatReportCell({ type: 'percent' }, null, words, none)).toBe('');
  });

  it("draws a chart from its table's rows: shares as percentages, money in yuan, codes in words", () => {
    const shape = REPORTS.sla;
    const chart = shape.charts.find((c) => c.key === 'byPriority')!;
    const rows = [['high', 2, 1, 1, 0.5, 2, 0, 1]];
    expect(chartData(shape, chart, rows, words)).toEqual({ key: 'byPriority', kind: 'bar', labels: ['高'], series: [{ key: 'responseRate', values: [50] }, { key: 'resolutionRate', values: [100] }] });
    const parts = REPORTS.parts;
    expect(chartData(parts, parts.charts[0]!, [['P-1', '电容', 3, 13500, 3, 13500, 0, 0, 'CNY']], words).series).toEqual([
      { key: 'warrantyCost', values: [135] },
      { key: 'chargeableCost', values: [0] },
    ]);
  });

  it('declares every chart over columns its table has', () => {
    for (const shape of Object.values(REPORTS)) {
      for (const chart of shape.charts) {
        const table = shape.tables.find((t) => t.key === chart.table);
        expect(table, `${shape.id}.${chart.key}`).toBeDefined();
        for (const key of [chart.label, ...chart.series]) expect(table!.columns.some((c) => c.key === key), `${shape.id}.${chart.key}.${key}`).toBe(true);
      }
    }
  });
});
