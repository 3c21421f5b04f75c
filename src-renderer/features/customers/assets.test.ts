import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CustomerAsset } from '../../../src-shared/contract';
import { saveAssetInput } from '../../../src-shared/contract/customers';
import { ApiError } from '../../api';
import zhCN from '../../i18n/zh-CN.json';
import { assetDraft, assetFieldErrors, assetInput, assetLabel, productLabel } from './assets';

const i18n = i18next.createInstance();

beforeAll(async () => {
  await i18n.init({ resources: { 'zh-CN': { translation: zhCN } }, lng: 'zh-CN', fallbackLng: false, interpolation: { escapeValue: false } });
});

const asset: CustomerAsset = {
  id: 4,
  product: { id: 2, name: '立柜式空调 3匹', model: 'KFR-72LW/B3', productLine: '家用空调' },
  serialNo: 'SN-2026-0001',
  installDate: '2026-03-01',
  location: '3 楼机房',
  warrantyStart: '2026-03-01',
  warrantyEnd: '2028-02-29',
  warranty: 'in_warranty',
  agreement: { id: 3, name: 'VIP' },
};

describe('the installed product form', () => {
  it('starts blank for a new product, and from the record when editing', () => {
    expect(assetDraft(null)).toEqual({ productId: '', serialNo: '', installDate: '', location: '', warrantyStart: '', warrantyEnd: '', agreementId: '' });
    expect(assetDraft(asset)).toEqual({
      productId: '2',
      serialNo: 'SN-2026-0001',
      installDate: '2026-03-01',
      location: '3 楼机房',
      warrantyStart: '2026-03-01',
      warrantyEnd: '2028-02-29',
      agreementId: '3',
    });
  });

  it('saves what it holds, with blanks as null and the record id when editing', () => {
    const input = assetInput(7, asset.id, { ...assetDraft(asset), serialNo: ' SN-2026-0001 ' });
    expect(input).toEqual({
      id: 4,
      customerId: 7,
      productId: 2,
      serialNo: 'SN-2026-0001',
      installDate: '2026-03-01',
      location: '3 楼机房',
      warrantyStart: '2026-03-01',
      warrantyEnd: '2028-02-29',
      agreementId: 3,
    });
    const blank = assetInput(7, null, assetDraft(null));
    expect(blank).toEqual({ customerId: 7, productId: null, serialNo: '', installDate: null, location: '', warrantyStart: null, warrantyEnd: null, agreementId: null });
    // Both are what main accepts.
    expect(saveAssetInput.safeParse(input).success).toBe(true);
    expect(saveAssetInput.safeParse(blank).success).toBe(true);
  });

  it("shows main's field errors under their fields, and says what a taken serial number means", () => {
    const error = new ApiError({
      code: 'VALIDATION',
      message: 'x',
      details: {
        fields: [
          { path: 'serialNo', code: 'taken', message: 'x' },
          { path: 'warrantyEnd', code: 'beforeStart', message: 'x' },
          { path: 'agreementId', code: 'notFound', message: 'x' },
          { path: 'customerId', code: 'notFound', message: 'x' },
        ],
      },
    });
    expect(assetFieldErrors(i18n.t, error)).toEqual({
      serialNo: zhCN.validation.serialNoTaken,
      warrantyEnd: zhCN.validation.beforeStart,
      agreementId: zhCN.validation.notFound,
    });
    expect(assetFieldErrors(i18n.t, new ApiError({ code: 'FORBIDDEN', message: 'x' }))).toEqual({});
  });

  it('names a product by name and model, and an installed product by what is recorded', () => {
    expect(productLabel({ name: '立柜式空调 3匹', model: 'KFR-72LW/B3' })).toBe('立柜式空调 3匹 (KFR-72LW/B3)');
    expect(productLabel({ name: '冷却塔', model: '' })).toBe('冷却塔');
    expect(assetLabel(asset, '（未指定产品）')).toBe('立柜式空调 3匹 (KFR-72LW/B3) · SN-2026-0001');
    expect(assetLabel({ ...asset, product: null }, '（未指定产品）')).toBe('SN-2026-0001');
    expect(assetLabel({ ...asset, product: null, serialNo: null }, '（未指定产品）')).toBe('（未指定产品）');
  });
});
