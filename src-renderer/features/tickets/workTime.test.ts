import { describe, expect, it } from 'vitest';
import { fromLocalInput, spanMinutes, splitMinutes, toLocalInput, workMinutesOf } from './workTime';

describe('work time', () => {
  it('counts whole minutes of a visit', () => {
    expect(spanMinutes(0, 90 * 60_000 + 59_000)).toBe(90);
    expect(spanMinutes(10, 0)).toBe(0);
    expect(spanMinutes(null, 0)).toBe(0);
  });

  it('reads hours (decimals allowed) plus minutes', () => {
    expect(workMinutesOf(1, 30)).toBe(90);
    expect(workMinutesOf('1.5', '')).toBe(90);
    expect(workMinutesOf('', '45')).toBe(45);
    expect(workMinutesOf(0.25, 5)).toBe(20);
    expect(workMinutesOf('x', 0)).toBeNull();
    expect(workMinutesOf(-1, 0)).toBeNull();
    expect(splitMinutes(95)).toEqual({ hours: 1, minutes: 35 });
  });

  it('round-trips datetime-local values in local time', () => {
    const at = new Date(2025, 2, 9, 8, 5).getTime();
    expect(toLocalInput(at)).toBe('2025-03-09T08:05');
    expect(fromLocalInput('2025-03-09T08:05')).toBe(at);
    expect(fromLocalInput('')).toBeNull();
    expect(fromLocalInput('2025-03-09')).toBeNull();
  });
});
