import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Customer360 } from '../../../src-shared/contract';
import { saveContactInput, saveCustomerInput } from '../../../src-shared/contract/customers';
import { ApiError } from '../../api';
import zhCN from '../../i18n/zh-CN.json';
import { contactDraft, contactFieldErrors, contactInput } from './contacts';
import { customerDraft, customerFieldErrors, customerInput, customerLocalErrors } from './customerForm';

const i18n = i18next.createInstance();

beforeAll(async () => {
  await i18n.init({ resources: { 'zh-CN': { translation: zhCN } }, lng: 'zh-CN', fallbackLng: false, interpolation: { escapeValue: false } });
});

const customer: Customer360 = {
  id: 7,
  customerNo: 'C-000007',
  name: '上海浦江物业管理有限公司',
  kind: 'company',
  phone: '+86-21-55550101',
  province: 'SH',
  createdAt: 0,
  tier: 'key',
  lifecycle: 'active',
  lastActivityAt: 0,
  email: 'service@pujiang.cn',
  city: '上海市',
  district: '浦东新区',
  street: '张江路 88 号',
  note: '年度维保客户',
  tags: ['物业', '华东'],
  owner: { id: 4, name: '王工' },
  mergedInto: null,
  erasedAt: null,
  agreement: null,
  contacts: [{ id: 3, name: '陈经理', phone: '+8613812345678', email: null, role: '设备主管', preferredChannel: 'wechat' }],
  assets: [],
  orders: [],
  kpis: { openRequests: 0, requestsLast12Months: 0, meanResolutionHours: null, lastContactAt: null, csatAverage: null, followUps: 0, complaints: 0 },
};

describe('the customer form', () => {
  it('starts as a new company customer of tier 普通, or from the profile when editing', () => {
    expect(customerDraft(null)).toEqual({
      kind: 'company',
      name: '',
      phone: '',
      email: '',
      tier: 'normal',
      province: '',
      city: '',
      district: '',
      street: '',
      tags: [],
      ownerId: '',
      note: '',
    });
    expect(customerDraft(customer)).toMatchObject({ tier: 'key', province: 'SH', ownerId: '4', tags: ['物业', '华东'], street: '张江路 88 号' });
  });

  it("gives customers.save an input its schema takes: trimmed, blanks as none, tags as main stores them", () => {
    const input = customerInput(null, {
      ...customerDraft(null),
      name: '  苏州工业园区星湖酒店 ',
      phone: '0512-6288 1234',
      province: 'JS',
      city: ' 苏州市',
      tags: [' 酒店 ', '酒店', 'ＶＩＰ  客户'],
      ownerId: '9',
    });
    expect(input).toEqual({
      kind: 'company',
      name: '苏州工业园区星湖酒店',
      phone: '0512-6288 1234',
      email: '',
      tier: 'normal',
      province: 'JS',
      city: '苏州市',
      district: '',
      street: '',
      tags: ['酒店', 'VIP 客户'],
      ownerId: 9,
      note: '',
    });
    expect(saveCustomerInput.safeParse(input).success).toBe(true);
    const edit = customerInput(7, { ...customerDraft(customer), province: 'nowhere', ownerId: '' });
    expect(edit).toMatchObject({ id: 7, province: null, ownerId: null });
    expect(saveCustomerInput.safeParse(edit).success).toBe(true);
  });

  it('asks for a name before saving', () => {
    expect(customerLocalErrors(i18n.t, { ...customerDraft(null), name: '   ' })).toEqual({ name: '此项为必填项' });
    expect(customerLocalErrors(i18n.t, customerDraft(customer))).toEqual({});
  });

  it("shows main's refusals under their fields, translated", () => {
    const error = new ApiError({
      code: 'VALIDATION',
      message: 'x',
      details: {
        fields: [
          { path: 'phone', code: 'phoneAreaCode', message: 'phoneAreaCode' },
          { path: 'email', code: 'email', message: 'email' },
          { path: 'tags.2', code: 'tooLong', message: 'x', max: 30 },
          { path: 'ownerId', code: 'notFound', message: 'x' },
        ],
      },
    });
    expect(customerFieldErrors(i18n.t, error)).toEqual({
      phone: '固定电话请加区号，例如 021-5555 0101',
      email: '不是有效的邮箱地址',
      tags: '最多 30 个字符',
      ownerId: '所选项目不存在',
    });
  });
});

describe('the contact form', () => {
  it('starts from the contact, and saves blanks as none', () => {
    expect(contactDraft(customer.contacts[0] ?? null)).toEqual({ name: '陈经理', phone: '+8613812345678', email: '', role: '设备主管', preferredChannel: 'wechat' });
    const input = contactInput(7, null, { name: ' 李工 ', phone: '', email: ' Li@Example.cn ', role: '', preferredChannel: '' });
    expect(input).toEqual({ customerId: 7, name: '李工', phone: '', email: 'Li@Example.cn', role: '', preferredChannel: null });
    const parsed = saveContactInput.safeParse(input);
    expect(parsed.success && parsed.data).toMatchObject({ email: 'li@example.cn', role: null, preferredChannel: null });
    expect(contactInput(7, 3, { ...contactDraft(null), name: '王', preferredChannel: 'sms' })).toMatchObject({ id: 3, preferredChannel: 'sms' });
  });

  it("shows main's refusals under their fields", () => {
    const error = new ApiError({ code: 'VALIDATION', message: 'x', details: { fields: [{ path: 'phone', code: 'phone', message: 'phone' }] } });
    expect(contactFieldErrors(i18n.t, error).phone).toMatch(/^不是有效的电话号码/);
  });
});
