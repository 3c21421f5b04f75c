import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { subscribeTicker, TICK_MS, tickerNow } from './ticker';

describe('the shared SLA ticker', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(Date.UTC(2025, 4, 12, 2));
  });
  afterEach(() => vi.useRealTimers());

  it('runs one timer for every countdown and stops when the last one leaves', () => {
    const a = vi.fn();
    const b = vi.fn();
    const stopA = subscribeTicker(a);
    const stopB = subscribeTicker(b);
    expect(vi.getTimerCount()).toBe(1);
    const start = tickerNow();
    vi.advanceTimersByTime(TICK_MS);
    expect(tickerNow()).toBe(start + TICK_MS);
    expect(b).toHaveBeenCalledTimes(1);
    stopA();
    vi.advanceTimersByTime(TICK_MS);
    expect(a).toHaveBeenCalledTimes(2); // the tick on subscribing, then one; none after leaving
    expect(b).toHaveBeenCalledTimes(2);
    stopB();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('keeps the time between ticks, and reads a fresh one after a pause with no countdown', () => {
    const stop = subscribeTicker(() => undefined);
    const start = tickerNow();
    vi.advanceTimersByTime(TICK_MS - 1);
    expect(tickerNow()).toBe(start);
    stop();
    vi.advanceTimersByTime(10 * TICK_MS);
    expect(tickerNow()).toBe(Date.now());
  });
});
