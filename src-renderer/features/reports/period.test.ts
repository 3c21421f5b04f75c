import { describe, expect, it } from 'vitest';
import { periodProblem } from './period';

describe('periodProblem', () => {
  it('names what is wrong with a typed period', () => {
    expect(periodProblem('2026-11-01', '2026-11-30')).toBeNull();
    expect(periodProblem('2026-11-30', '2026-11-01')).toBe('periodOrder');
    expect(periodProblem('2026-02-30', '2026-03-01')).toBe('invalidDay');
    expect(periodProblem('', '2026-03-01')).toBe('invalidDay');
    expect(periodProblem('2020-01-01', '2026-11-01')).toBe('periodTooLong');
  });
});
