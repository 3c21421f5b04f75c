import { describe, expect, it } from 'vitest';
import { fenToYuan, formatMoney, yuanToFen } from './money';

describe('money', () => {
  it('turns typed yuan into whole fen', () => {
    expect(yuanToFen(0)).toBe(0);
    expect(yuanToFen('')).toBe(0);
    expect(yuanToFen(120)).toBe(12000);
    expect(yuanToFen('35.5')).toBe(3550);
    expect(yuanToFen(1.005)).toBe(101);
    expect(yuanToFen(0.1 + 0.2)).toBe(30);
    expect(yuanToFen('1,280.00')).toBe(128000);
    expect(yuanToFen(-1)).toBeNull();
    expect(yuanToFen('abc')).toBeNull();
    expect(fenToYuan(3550)).toBe(35.5);
  });

  it('formats fen with the yuan sign in both languages', () => {
    expect(formatMoney(128050, 'CNY', 'zh-CN')).toBe('¥1,280.50');
    expect(formatMoney(0, 'CNY', 'en-US')).toBe('¥0.00');
  });
});
