import { describe, expect, it } from 'vitest';
import { parseRetentionYears } from './retention';

describe('parseRetentionYears', () => {
  it('takes whole years from 0 (kept) to 30', () => {
    expect(parseRetentionYears(0)).toBe(0);
    expect(parseRetentionYears('0')).toBe(0);
    expect(parseRetentionYears('3')).toBe(3);
    expect(parseRetentionYears(30)).toBe(30);
  });

  it('refuses empty, fractional, negative and out-of-range values', () => {
    expect(parseRetentionYears('')).toBeNull();
    expect(parseRetentionYears(' ')).toBeNull();
    expect(parseRetentionYears(-1)).toBeNull();
    expect(parseRetentionYears(31)).toBeNull();
    expect(parseRetentionYears(1.5)).toBeNull();
    expect(parseRetentionYears('abc')).toBeNull();
  });
});
