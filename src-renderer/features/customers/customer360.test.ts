import { describe, expect, it } from 'vitest';
import { TIMELINE_KINDS, type Customer360 } from '../../../src-shared/contract';
import { customerSummaryOf, formatOneDecimal, nextTimelineSelection, timelineKindsFilter } from './customer360';

describe('customer 360 KPIs', () => {
  it('show one decimal in the UI locale, and nothing without a value', () => {
    expect(formatOneDecimal(4.25, 'zh-CN')).toBe('4.3');
    expect(formatOneDecimal(4, 'zh-CN')).toBe('4.0');
    expect(formatOneDecimal(1234.56, 'en-US')).toBe('1,234.6');
    expect(formatOneDecimal(null, 'zh-CN')).toBeNull();
    expect(formatOneDecimal(Number.NaN, 'zh-CN')).toBeNull();
  });
});

describe('timeline filter', () => {
  it('asks for no narrowing when every kind is on', () => {
    expect(timelineKindsFilter([...TIMELINE_KINDS])).toBeUndefined();
    expect(timelineKindsFilter([...TIMELINE_KINDS].reverse())).toBeUndefined();
  });

  it('names the chosen kinds in one order however they were clicked', () => {
    expect(timelineKindsFilter(['reply'])).toEqual(['reply']);
    expect(timelineKindsFilter(['complaint', 'request', 'visit'])).toEqual(['request', 'visit', 'complaint']);
    expect(timelineKindsFilter(['reply', 'nonsense'])).toEqual(['reply']);
  });

  it('keeps the last chip on and drops unknown values', () => {
    expect(nextTimelineSelection(['reply'], [])).toEqual(['reply']);
    expect(nextTimelineSelection(['reply', 'note'], ['note'])).toEqual(['note']);
    expect(nextTimelineSelection(['reply'], ['reply', 'bogus'])).toEqual(['reply']);
  });
});

describe('new request for this customer', () => {
  it('takes what the intake form needs from the 360 profile', () => {
    const customer: Customer360 = {
      id: 7,
      customerNo: 'C-000007',
      name: '上海浦江物业管理有限公司',
      kind: 'company',
      phone: '021-55550101',
      province: 'SH',
      createdAt: 0,
      tier: 'key',
      lifecycle: 'active',
      lastActivityAt: 0,
      email: null,
      city: '上海市',
      district: null,
      street: null,
      note: null,
      tags: [],
      owner: null,
      mergedInto: null,
      erasedAt: null,
      agreement: null,
      contacts: [{ id: 3, name: '陈经理', phone: '13800138000', email: 'chen@example.cn', role: '设备主管', preferredChannel: 'wechat' }],
      assets: [],
      orders: [],
      kpis: { openRequests: 0, requestsLast12Months: 0, meanResolutionHours: null, lastContactAt: null, csatAverage: null, followUps: 0, complaints: 0 },
    };
    expect(customerSummaryOf(customer)).toEqual({
      id: 7,
      customerNo: 'C-000007',
      name: '上海浦江物业管理有限公司',
      kind: 'company',
      phone: '021-55550101',
      province: 'SH',
      contacts: [{ id: 3, name: '陈经理', phone: '13800138000' }],
    });
  });
});
