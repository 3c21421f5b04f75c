import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHolidayCsv } from '../../../src-shared/domain/businessCalendar';

describe('the shipped China holiday calendar', () => {
  it('parses cleanly: 2025 and 2026 holidays with their make-up working days', () => {
    const text = fs.readFileSync(path.resolve(import.meta.dirname, '../../../resources/calendars/cn-holidays-2025-2026.csv'), 'utf8');
    const data = parseHolidayCsv(text);
    expect(data.errors).toEqual([]);
    expect(data.holidays.has('2026-10-01')).toBe(true);
    expect(data.makeUpWorkdays.has('2026-10-10')).toBe(true);
    expect(data.holidays.size).toBeGreaterThan(50);
  });
});
