import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import enUS from '../../i18n/en-US.json';
import zhCN from '../../i18n/zh-CN.json';
import { countsText, formatBytes, formatDeskTime, percent } from './format';

const i18n = i18next.createInstance();

beforeAll(async () => {
  await i18n.init({ resources: { 'zh-CN': { translation: zhCN }, 'en-US': { translation: enUS } }, lng: 'zh-CN', fallbackLng: false, interpolation: { escapeValue: false } });
});

describe('backup formats', () => {
  it('sizes in decimal units', () => {
    expect(formatBytes(512, 'zh-CN')).toBe('512 B');
    expect(formatBytes(1_234_567, 'zh-CN')).toBe('1.2 MB');
    expect(formatBytes(987_654_321, 'en-US')).toBe('988 MB');
    expect(formatBytes(3_400_000_000, 'en-US')).toBe('3.4 GB');
  });

  it('times on the desk’s clocks, whatever this machine’s zone', () => {
    const at = Date.parse('2026-11-24T18:30:05Z');
    expect(formatDeskTime(at, 'zh-CN', 'Asia/Shanghai')).toBe('2026/11/25 02:30:05');
    expect(formatDeskTime(at, 'zh-CN', 'UTC')).toBe('2026/11/24 18:30:05');
  });

  it('counts in both languages, in a fixed order, and a dash without a sidecar', () => {
    const counts = { tickets: 1200, customers: 3, users: 4 };
    expect(countsText(i18n.getFixedT('zh-CN'), counts, 'zh-CN')).toBe('客户 3 · 服务请求 1,200 · 用户 4');
    expect(countsText(i18n.getFixedT('en-US'), counts, 'en-US')).toBe('customers 3 · service requests 1,200 · users 4');
    expect(countsText(i18n.getFixedT('zh-CN'), null, 'zh-CN')).toBe('—');
  });

  it('percent', () => {
    expect(percent(0, 0)).toBe(0);
    expect(percent(50, 200)).toBe(25);
    expect(percent(300, 200)).toBe(100);
  });
});
