import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { PROVINCES, REGIONS } from '../../../src-shared/domain/regions';
import enUS from '../../i18n/en-US.json';
import zhCN from '../../i18n/zh-CN.json';
import { isProvinceCode, isRegion, provinceGroups, provinceName } from './provinces';

beforeAll(async () => {
  await i18next.init({ resources: { 'zh-CN': { translation: zhCN }, 'en-US': { translation: enUS } }, lng: 'zh-CN', fallbackLng: false });
});

describe('provinces', () => {
  it('names a province in the UI language', () => {
    expect(provinceName('JS', 'zh-CN')).toBe('江苏');
    expect(provinceName('JS', 'en-US')).toBe('Jiangsu');
    expect(provinceName(null, 'zh-CN')).toBeNull();
    expect(provinceName('XX', 'zh-CN')).toBeNull();
  });

  it('groups every province once, under its region, in REGIONS order', () => {
    const t = i18next.getFixedT('zh-CN');
    const groups = provinceGroups(t, 'zh-CN');
    expect(groups.map((g) => g.group)).toEqual(['华北', '东北', '华东', '华中', '华南', '西南', '西北', '港澳台']);
    expect(groups.flatMap((g) => g.items.map((i) => i.value)).sort()).toEqual(PROVINCES.map((p) => p.code).sort());
    expect(groups[2]!.items.map((i) => i.label)).toContain('江苏');
    expect(provinceGroups(i18next.getFixedT('en-US'), 'en-US')[2]!.items.map((i) => i.label)).toContain('Jiangsu');
  });

  it('recognises codes and regions', () => {
    expect(isProvinceCode('GD')).toBe(true);
    expect(isProvinceCode('')).toBe(false);
    expect(REGIONS.every(isRegion)).toBe(true);
    expect(isRegion('')).toBe(false);
  });
});
