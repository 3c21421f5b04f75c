import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ProductOption } from '../../../src-shared/contract';
import { ApiError } from '../../api';
import zhCN from '../../i18n/zh-CN.json';
import { groupByProductLine, productFieldErrors } from './products';

const i18n = i18next.createInstance();

beforeAll(async () => {
  await i18n.init({ resources: { 'zh-CN': { translation: zhCN } }, lng: 'zh-CN', fallbackLng: false, interpolation: { escapeValue: false } });
});

const product = (id: number, productLine: string, model: string, name = '空调'): ProductOption => ({ id, productLine, model, name });

describe('the product catalog', () => {
  it('groups products by line, lines in pinyin order and models in natural order', () => {
    const groups = groupByProductLine(
      [product(1, '商用空调', 'KFR-120LW'), product(2, '家用空调', 'KFR-35GW'), product(3, '商用空调', 'KFR-72LW'), product(4, '冷水机组', 'LSBLG-500')],
      'zh-CN',
    );
    expect(groups.map((g) => [g.productLine, g.products.map((p) => p.model)])).toEqual([
      ['家用空调', ['KFR-35GW']],
      ['冷水机组', ['LSBLG-500']],
      ['商用空调', ['KFR-72LW', 'KFR-120LW']],
    ]);
    expect(groupByProductLine([], 'zh-CN')).toEqual([]);
  });

  it("shows main's field errors under their fields, and says where a taken model already is", () => {
    const error = new ApiError({
      code: 'VALIDATION',
      message: 'x',
      details: {
        fields: [
          { path: 'model', code: 'taken', message: 'x' },
          { path: 'name', code: 'tooLong', message: 'x', max: 200 },
          { path: 'id', code: 'notFound', message: 'x' },
        ],
      },
    });
    expect(productFieldErrors(i18n.t, error)).toEqual({ model: zhCN.validation.modelTaken, name: '最多 200 个字符' });
    expect(productFieldErrors(i18n.t, new ApiError({ code: 'NOT_FOUND', message: 'x' }))).toEqual({});
  });
});
