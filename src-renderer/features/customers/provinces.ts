import type { TFunction } from 'i18next';
import { PROVINCES, REGIONS, type ProvinceCode, type Region } from '../../../src-shared/domain/regions';

/** A province's name in the UI language (names come from PROVINCES, not the catalogs). */
export function provinceName(code: ProvinceCode | string | null | undefined, locale: string): string | null {
  const province = PROVINCES.find((p) => p.code === code);
  if (!province) return null;
  return locale.startsWith('zh') ? province.zh : province.en;
}

/** A service region's name (华东, 华南…), from the catalogs' region.<code>. */
export function regionName(t: TFunction, region: Region): string {
  return t(`region.${region}`);
}

export interface ProvinceGroup {
  group: string;
  items: { value: ProvinceCode; label: string }[];
}

/** Provinces grouped by service region, in REGIONS order, for a NativeSelect's optgroups. */
export function provinceGroups(t: TFunction, locale: string): ProvinceGroup[] {
  return REGIONS.map((region) => ({
    group: regionName(t, region),
    items: PROVINCES.filter((p) => p.region === region).map((p) => ({ value: p.code, label: locale.startsWith('zh') ? p.zh : p.en })),
  }));
}

export function isProvinceCode(value: string): value is ProvinceCode {
  return PROVINCES.some((p) => p.code === value);
}

export function isRegion(value: string): value is Region {
  return (REGIONS as readonly string[]).includes(value);
}
