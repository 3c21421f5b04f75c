import type { Contract, InputOf } from '../../../src-shared/contract';
import { CUSTOMER_LIFECYCLES, CUSTOMER_TIERS, type CustomerLifecycle, type CustomerTier } from '../../../src-shared/domain/customers';
import type { ProvinceCode } from '../../../src-shared/domain/regions';
import { oneOf } from '../tickets/vocabulary';
import { provinceName } from './provinces';

/** customers.list's narrowing (the page and its cursor are the query's own). */
export type CustomerListFilter = Omit<InputOf<Contract['customers']['list']>, 'cursor' | 'limit'>;

// The list's filters live in the URL query (#/customers?tier=key&text=…), so going back from
// a customer's page finds the list as it was left. Unknown values are dropped, never sent.

const TEXT_MAX = 100;
const TAG_MAX = 30;

export function parseCustomerParams(params: URLSearchParams): CustomerListFilter {
  const filter: CustomerListFilter = {};
  const text = params.get('text')?.trim().slice(0, TEXT_MAX);
  if (text) filter.text = text;
  const tier = params.get('tier');
  if (oneOf(CUSTOMER_TIERS, tier)) filter.tier = tier;
  const lifecycle = params.get('lifecycle');
  if (oneOf(CUSTOMER_LIFECYCLES, lifecycle)) filter.lifecycle = lifecycle;
  const owner = params.get('owner');
  if (owner && /^[1-9]\d{0,15}$/.test(owner)) filter.ownerId = Number(owner);
  const tag = params.get('tag')?.trim();
  if (tag && tag.length <= TAG_MAX) filter.tag = tag;
  return filter;
}

export function toCustomerParams(filter: CustomerListFilter): URLSearchParams {
  const params = new URLSearchParams();
  if (filter.text) params.set('text', filter.text);
  if (filter.tier) params.set('tier', filter.tier);
  if (filter.lifecycle) params.set('lifecycle', filter.lifecycle);
  if (filter.ownerId !== undefined) params.set('owner', String(filter.ownerId));
  if (filter.tag) params.set('tag', filter.tag);
  return params;
}

export function hasCustomerFilters(filter: CustomerListFilter): boolean {
  return Boolean(filter.text || filter.tier || filter.lifecycle || filter.ownerId !== undefined || filter.tag);
}

/** Tier badges: 战略 the strongest colour, 潜在 the faintest. */
export const TIER_COLORS: Record<CustomerTier, string> = { strategic: 'grape', key: 'orange', normal: 'blue', potential: 'gray' };

/** Lifecycle badges: 活跃 green, 休眠 yellow, 流失 red. */
export const LIFECYCLE_COLORS: Record<CustomerLifecycle, string> = { active: 'green', dormant: 'yellow', lost: 'red' };

/** "上海 · 浦东新区" style: the province's name in the UI language, then the city, whichever are known; null when neither. */
export function regionText(province: ProvinceCode | string | null, city: string | null, locale: string): string | null {
  const parts = [provinceName(province, locale) ?? '', city?.trim() ?? ''].filter((p) => p !== '');
  // A municipality's city repeats its name (北京 · 北京市): say it once.
  if (parts.length === 2 && parts[1]!.startsWith(parts[0]!)) return parts[1]!;
  return parts.length > 0 ? parts.join(' · ') : null;
}

/**
 * A postal address as Chinese writes it, largest first without separators (上海市浦东新区
 * 张江路 88 号), and as English writes it, smallest first with commas. Null when nothing is known.
 */
export function addressText(
  address: { province: ProvinceCode | string | null; city: string | null; district: string | null; street: string | null },
  locale: string,
): string | null {
  const province = provinceName(address.province, locale);
  const parts = [province, address.city, address.district, address.street].map((p) => p?.trim() ?? '').filter((p) => p !== '');
  // A municipality's city repeats its name (上海 + 上海市): keep the longer.
  if (province && parts.length > 1 && parts[1]!.startsWith(province)) parts.shift();
  if (parts.length === 0) return null;
  return locale.startsWith('zh') ? parts.join('') : parts.reverse().join(', ');
}
