import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/ApiError';
import { erasureConfirmed, formatDeskDay, mergedSurvivorId } from './erasure';

describe('erasure on request', () => {
  it('is confirmed only by the customer number itself (spaces and letter case aside)', () => {
    expect(erasureConfirmed('C000123', 'C000123')).toBe(true);
    expect(erasureConfirmed('  c000123 ', 'C000123')).toBe(true);
    expect(erasureConfirmed('C00012', 'C000123')).toBe(false);
    expect(erasureConfirmed('', 'C000123')).toBe(false);
    expect(erasureConfirmed('张伟', 'C000123')).toBe(false);
  });

  it('finds the customer a merged record went into in main’s refusal, and nothing in any other', () => {
    expect(mergedSurvivorId(new ApiError({ code: 'CONFLICT', message: 'x', details: { reason: 'merged', intoId: 7 } }))).toBe(7);
    expect(mergedSurvivorId(new ApiError({ code: 'CONFLICT', message: 'x', details: { reason: 'contactInUse' } }))).toBeNull();
    expect(mergedSurvivorId(new ApiError({ code: 'NOT_FOUND', message: 'x', details: { reason: 'merged', intoId: 7 } }))).toBeNull();
    expect(mergedSurvivorId(new ApiError({ code: 'CONFLICT', message: 'x', details: { reason: 'merged' } }))).toBeNull();
    expect(mergedSurvivorId(null)).toBeNull();
    expect(mergedSurvivorId(new Error('boom'))).toBeNull();
  });

  it('dates an erasure on the desk’s calendar, not the machine’s', () => {
    const at = Date.UTC(2026, 10, 26, 16, 5);
    expect(formatDeskDay(at, 'zh-CN', 'Asia/Shanghai')).toBe('2026/11/27');
    expect(formatDeskDay(at, 'zh-CN', 'UTC')).toBe('2026/11/26');
  });
});
