import { describe, expect, it } from 'vitest';
import { parseIdleMinutes } from './idleLock';

describe('parseIdleMinutes', () => {
  it('takes whole minutes from 1 to 480', () => {
    expect(parseIdleMinutes(1)).toBe(1);
    expect(parseIdleMinutes('30')).toBe(30);
    expect(parseIdleMinutes(480)).toBe(480);
  });

  it('refuses empty, fractional and out-of-range values', () => {
    expect(parseIdleMinutes('')).toBeNull();
    expect(parseIdleMinutes(' ')).toBeNull();
    expect(parseIdleMinutes(0)).toBeNull();
    expect(parseIdleMinutes(481)).toBeNull();
    expect(parseIdleMinutes(2.5)).toBeNull();
    expect(parseIdleMinutes('abc')).toBeNull();
  });
});
