import { describe, expect, it } from 'vitest';
import { formatHoursMinutes, isOverdue } from './format';

describe('workbench formatting', () => {
  it('shows minutes as h:mm', () => {
    expect(formatHoursMinutes(0)).toBe('0:00');
    expect(formatHoursMinutes(5)).toBe('0:05');
    expect(formatHoursMinutes(125)).toBe('2:05');
    expect(formatHoursMinutes(60 * 41 + 30)).toBe('41:30');
    expect(formatHoursMinutes(-3)).toBe('0:00');
  });

  it('is overdue only after the requested-by day', () => {
    expect(isOverdue('2025-03-09', '2025-03-10')).toBe(true);
    expect(isOverdue('2025-03-10', '2025-03-10')).toBe(false);
    expect(isOverdue('2025-03-11', '2025-03-10')).toBe(false);
    expect(isOverdue(null, '2025-03-10')).toBe(false);
  });
});
