import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../api';
import zhCN from '../../i18n/zh-CN.json';
import { lifecycleFieldErrors, lifecycleLocalErrors, parseThreshold } from './lifecycle';

const i18n = i18next.createInstance();

beforeAll(async () => {
  await i18n.init({ resources: { 'zh-CN': { translation: zhCN } }, lng: 'zh-CN', fallbackLng: false, interpolation: { escapeValue: false } });
});

describe('customer lifecycle thresholds', () => {
  it('take whole days within their limits', () => {
    expect(parseThreshold('dormantAfterDays', 180)).toBe(180);
    expect(parseThreshold('dormantAfterDays', '90')).toBe(90);
    expect(parseThreshold('dormantAfterDays', 0)).toBeNull();
    expect(parseThreshold('lostAfterDays', 1)).toBeNull();
    expect(parseThreshold('lostAfterDays', 3651)).toBeNull();
    expect(parseThreshold('lostAfterDays', 12.5)).toBeNull();
  });

  it('want lost later than dormant, and say the range otherwise', () => {
    expect(lifecycleLocalErrors(i18n.t, 180, 365)).toEqual({});
    expect(lifecycleLocalErrors(i18n.t, 180, 180)).toEqual({ lostAfterDays: '流失天数须大于休眠天数' });
    expect(lifecycleLocalErrors(i18n.t, '', 5000)).toEqual({ dormantAfterDays: '此项为必填项', lostAfterDays: '请输入 2–3650 之间的整数' });
  });

  it("translate main's refusals: the order by name, any other as the range", () => {
    const error = new ApiError({
      code: 'VALIDATION',
      message: 'x',
      details: {
        fields: [
          { path: 'lostAfterDays', code: 'notAfterDormant', message: 'notAfterDormant' },
          { path: 'dormantAfterDays', code: 'tooShort', message: 'x', min: 1 },
        ],
      },
    });
    expect(lifecycleFieldErrors(i18n.t, error)).toEqual({ lostAfterDays: '流失天数须大于休眠天数', dormantAfterDays: '请输入 1–3650 之间的整数' });
  });
});
