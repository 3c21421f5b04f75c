import { describe, expect, it } from 'vitest';
import { addressText, hasCustomerFilters, parseCustomerParams, regionText, toCustomerParams } from './customerList';

describe('the customer list filters in the URL', () => {
  it('round-trip every filter', () => {
    const filter = { text: '浦江物业', tier: 'key', lifecycle: 'dormant', ownerId: 12, tag: '物业' } as const;
    const params = toCustomerParams(filter);
    expect(params.toString()).toBe('text=%E6%B5%A6%E6%B1%9F%E7%89%A9%E4%B8%9A&tier=key&lifecycle=dormant&owner=12&tag=%E7%89%A9%E4%B8%9A');
    expect(parseCustomerParams(params)).toEqual(filter);
  });

  it('drop unknown and malformed values instead of sending them', () => {
    expect(parseCustomerParams(new URLSearchParams('tier=gold&lifecycle=asleep&owner=0&text=%20%20&tag='))).toEqual({});
    expect(parseCustomerParams(new URLSearchParams('owner=-3'))).toEqual({});
    expect(parseCustomerParams(new URLSearchParams(`tag=${'长'.repeat(31)}`))).toEqual({});
    expect(parseCustomerParams(new URLSearchParams(`text=${'a'.repeat(150)}`)).text).toHaveLength(100);
  });

  it('say whether anything narrows the list', () => {
    expect(hasCustomerFilters({})).toBe(false);
    expect(hasCustomerFilters({ text: '' })).toBe(false);
    expect(hasCustomerFilters({ ownerId: 3 })).toBe(true);
    expect(hasCustomerFilters({ tag: 'VIP' })).toBe(true);
  });
});

describe('where a customer is', () => {
  it('names the region by province and city in the UI language', () => {
    expect(regionText('GD', '深圳市', 'zh-CN')).toBe('广东 · 深圳市');
    expect(regionText('GD', null, 'en-US')).toBe('Guangdong');
    expect(regionText(null, '苏州市', 'zh-CN')).toBe('苏州市');
    expect(regionText(null, '  ', 'zh-CN')).toBeNull();
    // A municipality is said once.
    expect(regionText('SH', '上海市', 'zh-CN')).toBe('上海市');
  });

  it('writes the address largest first in Chinese, smallest first in English', () => {
    const address = { province: 'GD', city: '深圳市', district: '南山区', street: '科技园路 1 号' } as const;
    expect(addressText(address, 'zh-CN')).toBe('广东深圳市南山区科技园路 1 号');
    expect(addressText({ province: 'JS', city: 'Suzhou', district: null, street: '88 Xinghu St' }, 'en-US')).toBe('88 Xinghu St, Suzhou, Jiangsu');
    expect(addressText({ province: 'SH', city: '上海市', district: '浦东新区', street: null }, 'zh-CN')).toBe('上海市浦东新区');
    expect(addressText({ province: null, city: null, district: null, street: null }, 'zh-CN')).toBeNull();
  });
});
