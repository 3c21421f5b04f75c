import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PurchaseOrder } from '../../../src-shared/contract';
import { saveOrderInput } from '../../../src-shared/contract/customers';
import { ApiError } from '../../api';
import zhCN from '../../i18n/zh-CN.json';
import {
  blankLine,
  draftTotal,
  hasOrderErrors,
  lineAmount,
  orderDraft,
  orderFieldErrors,
  orderInput,
  orderLineLabel,
  orderLocalErrors,
  ordersTotal,
  type OrderDraft,
} from './orders';

const i18n = i18next.createInstance();

beforeAll(async () => {
  await i18n.init({ resources: { 'zh-CN': { translation: zhCN } }, lng: 'zh-CN', fallbackLng: false, interpolation: { escapeValue: false } });
});

const order: PurchaseOrder = {
  id: 5,
  orderNo: 'PO-2026-0101',
  orderedOn: '2026-03-15',
  source: 'manual',
  currency: 'CNY',
  note: null,
  total: 1_259_800,
  lines: [
    { id: 1, product: { id: 2, name: '立柜式空调 3匹', model: 'KFR-72LW/B3' }, description: '立柜式空调 3匹', quantity: 2, unitPrice: 599_900 },
    { id: 2, product: null, description: '安装辅材', quantity: 1, unitPrice: 60_000 },
  ],
};

describe('an order line', () => {
  it('costs quantity × unit price in fen, once both are numbers it can be', () => {
    expect(lineAmount({ quantity: 2, unitPrice: 5999 })).toBe(1_199_800);
    expect(lineAmount({ quantity: '3', unitPrice: '0.1' })).toBe(30);
    expect(lineAmount({ quantity: 1, unitPrice: 1.005 })).toBe(101);
    expect(lineAmount({ quantity: 1, unitPrice: '' })).toBe(0);
    expect(lineAmount({ quantity: 0, unitPrice: 10 })).toBeNull();
    expect(lineAmount({ quantity: 1.5, unitPrice: 10 })).toBeNull();
    expect(lineAmount({ quantity: '', unitPrice: 10 })).toBeNull();
    expect(lineAmount({ quantity: 1, unitPrice: -1 })).toBeNull();
  });

  it('is named by its product and its own description, not the product name twice', () => {
    expect(orderLineLabel(order.lines[0]!)).toBe('立柜式空调 3匹 (KFR-72LW/B3)');
    expect(orderLineLabel({ ...order.lines[0]!, description: '含室外机支架' })).toBe('立柜式空调 3匹 (KFR-72LW/B3) · 含室外机支架');
    expect(orderLineLabel(order.lines[1]!)).toBe('安装辅材');
  });
});

describe('the order form', () => {
  it('starts with today and one blank line, or from the order in 元', () => {
    const fresh = orderDraft(null, '2026-07-07');
    expect(fresh).toMatchObject({ orderNo: '', orderedOn: '2026-07-07', note: '' });
    expect(fresh.lines).toHaveLength(1);
    expect(fresh.lines[0]).toMatchObject({ productId: '', description: '', quantity: 1, unitPrice: '' });
    const edit = orderDraft(order, '2026-07-07');
    expect(edit.lines.map(({ productId, description, quantity, unitPrice }) => ({ productId, description, quantity, unitPrice }))).toEqual([
      // The product's name that main wrote in is no description of the desk's.
      { productId: '2', description: '', quantity: 2, unitPrice: 5999 },
      { productId: '', description: '安装辅材', quantity: 1, unitPrice: 600 },
    ]);
    expect(draftTotal(edit.lines)).toBe(order.total);
    expect(new Set([...edit.lines, blankLine()].map((l) => l.key)).size).toBe(3);
  });

  it('finds missing numbers, dates, products and bad amounts per line before asking main', () => {
    const draft: OrderDraft = {
      orderNo: ' ',
      orderedOn: '',
      note: '',
      lines: [
        { key: 1, productId: '', description: '', quantity: 0, unitPrice: 'abc' },
        { key: 2, productId: '2', description: '', quantity: 1, unitPrice: 10 },
      ],
    };
    const errors = orderLocalErrors(i18n.t, draft);
    expect(errors.fields).toEqual({ orderNo: '此项为必填项', orderedOn: '此项为必填项' });
    expect(errors.lines).toEqual([{ description: '请选择产品或填写说明', quantity: '数量须为 1–1000000 的整数', unitPrice: '格式不正确' }, {}]);
    expect(hasOrderErrors(errors)).toBe(true);
    expect(hasOrderErrors(orderLocalErrors(i18n.t, orderDraft(order, '2026-07-07')))).toBe(false);
    expect(orderLocalErrors(i18n.t, { ...orderDraft(order, '2026-07-07'), lines: [] }).fields.lines).toBe('至少需要一行订单明细');
  });

  it('gives customers.saveOrder an input its schema takes, prices in fen', () => {
    const input = orderInput(9, null, {
      orderNo: ' PO-1 ',
      orderedOn: '2026-07-01',
      note: '',
      lines: [
        { key: 1, productId: '2', description: '', quantity: 2, unitPrice: 5999 },
        { key: 2, productId: '', description: ' 安装辅材 ', quantity: '1', unitPrice: '600.5' },
      ],
    });
    expect(input).toEqual({
      customerId: 9,
      orderNo: 'PO-1',
      orderedOn: '2026-07-01',
      note: '',
      lines: [
        { productId: 2, description: '', quantity: 2, unitPrice: 599_900 },
        { productId: null, description: '安装辅材', quantity: 1, unitPrice: 60_050 },
      ],
    });
    expect(saveOrderInput.safeParse(input).success).toBe(true);
    expect(orderInput(9, 5, orderDraft(order, '2026-07-07'))).toMatchObject({ id: 5 });
  });

  it("shows main's refusals under the field or the line they name", () => {
    const error = new ApiError({
      code: 'VALIDATION',
      message: 'x',
      details: {
        fields: [
          { path: 'orderNo', code: 'taken', message: 'x' },
          { path: 'lines.1.productId', code: 'notFound', message: 'x' },
          { path: 'lines.2.description', code: 'required', message: 'required' },
        ],
      },
    });
    expect(orderFieldErrors(i18n.t, error)).toEqual({
      fields: { orderNo: '该订单号已存在，请核对' },
      lines: [{}, { productId: '所选项目不存在' }, { description: '请选择产品或填写说明' }],
    });
  });

  it('adds the orders up when they share a currency', () => {
    expect(ordersTotal([order, { total: 200, currency: 'CNY' }])).toEqual({ total: 1_260_000, currency: 'CNY' });
    expect(ordersTotal([order, { total: 200, currency: 'USD' }])).toBeNull();
    expect(ordersTotal([])).toBeNull();
  });
});
