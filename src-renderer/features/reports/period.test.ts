import { describe, expect, it } from 'vitest';
import { defaultPeriod, periodProblem } from './period';

describe('periodProblem', () => {
  it('names what is wrong with a typed period', () => {
    expect(periodProblem('2026-11-01', '2026-11-30')).toBeNull();
    expect(periodProblem('2026-11-30', '2026-11-01')).toBe('periodOrder');
    expect(periodProblem('2026-02-30', '2026-03-01')).toBe('invalidDay');
    expect(periodProblem('', '2026-03-01')).toBe('invalidDay');
    expect(periodProblem('2020-01-01', '2026-11-01')).toBe('periodTooLong');
  });
});

describe('defaultPeriod', () => {
  it('is this month so far on the desk\'s calendar, whatever the PC\'s zone', () => {
    // 01:00 on 1 December in Shanghai is still 30 November in London.
    const now = Date.UTC(2026, 10, 30, 17, 0);
    expect(defaultPeriod('Asia/Shanghai', now)).toEqual({ from: '2026-12-01', to: '2026-12-01' });
    expect(defaultPeriod('Europe/London', now)).toEqual({ from: '2026-11-01', to: '2026-11-30' });
  });
});
