import { describe, expect, it } from 'vitest';
import { formatFileSize, isAssignmentStrategy, isEventKind } from './vocabulary';

describe('ticket vocabulary', () => {
  it('formats attachment sizes', () => {
    expect(formatFileSize(512, 'zh-CN')).toBe('512 B');
    expect(formatFileSize(1536, 'en-US')).toBe('1.5 KB');
    expect(formatFileSize(10 * 1024 * 1024, 'zh-CN')).toBe('10 MB');
  });

  it('knows the new history events and assignment strategies', () => {
    for (const kind of ['merge', 'mergedIn', 'acknowledge', 'complaintAnalysis', 'attachment', 'lock', 'agreement', 'slaComputed', 'slaWarning', 'slaBreach', 'escalated']) {
      expect(isEventKind(kind), kind).toBe(true);
    }
    expect(isEventKind('somethingElse')).toBe(false);
    expect(isAssignmentStrategy('least_load')).toBe(true);
    expect(isAssignmentStrategy('random')).toBe(false);
  });
});
