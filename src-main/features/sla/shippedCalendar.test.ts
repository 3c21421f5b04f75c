import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHolidayCsv } from '../../../src-shared/domain/businessCalendar';
import { CN_STATUTORY_HOLIDAYS_CSV } from '../../../src-shared/domain/cnHolidays';

describe('the shipped China holiday calendar', () => {
  it('parses cleanly: 2025 and 2026 holidays with their make-up working days', () => {
    const data = parseHolidayCsv(CN_STATUTORY_HOLIDAYS_CSV);
    expect(data.errors).toEqual([]);
    expect(data.holidays.has('2026-10-01')).toBe(true);
    expect(data.makeUpWorkdays.has('2026-10-10')).toBe(true);
    expect(data.names.get('2026-10-01')).toMatch(/国庆/);
    expect(data.holidays.size).toBeGreaterThan(50);
  });

  it('is the same schedule as the sample file admins copy for a new year (resources/calendars)', () => {
    // The bundle carries the TypeScript copy; the CSV is the import format's example.
    const file = fs.readFileSync(path.resolve(import.meta.dirname, '../../../resources/calendars/cn-holidays-2025-2026.csv'), 'utf8');
    expect(file.trim()).toBe(CN_STATUTORY_HOLIDAYS_CSV.trim());
  });
});
