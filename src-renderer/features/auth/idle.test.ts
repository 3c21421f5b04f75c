import { describe, expect, it } from 'vitest';
import { idleLimitMs, idleRemainingMs } from './idle';

describe('idle lock timing', () => {
  it('turns the desk minutes into ms, within the limits, with the default when unknown', () => {
    expect(idleLimitMs(1)).toBe(60_000);
    expect(idleLimitMs(30)).toBe(30 * 60_000);
    expect(idleLimitMs(undefined)).toBe(30 * 60_000);
    expect(idleLimitMs(null)).toBe(30 * 60_000);
    expect(idleLimitMs(Number.NaN)).toBe(30 * 60_000);
    expect(idleLimitMs(0)).toBe(60_000);
    expect(idleLimitMs(10_000)).toBe(480 * 60_000);
  });

  it('counts what is left from the last input, never below zero', () => {
    expect(idleRemainingMs(1_000, 1_000, 60_000)).toBe(60_000);
    expect(idleRemainingMs(1_000, 31_000, 60_000)).toBe(30_000);
    expect(idleRemainingMs(1_000, 61_000, 60_000)).toBe(0);
    expect(idleRemainingMs(1_000, 500_000, 60_000)).toBe(0);
  });
});
