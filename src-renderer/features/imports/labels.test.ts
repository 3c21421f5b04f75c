import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { IMPORT_ENTITIES } from '../../../src-shared/domain/importFields';
import enUS from '../../i18n/en-US.json';
import zhCN from '../../i18n/zh-CN.json';
import { entityLabel, KIND_HINTS, reasonText, REJECT_REASONS } from './labels';

function lookup(catalog: unknown, key: string): string | undefined {
  let node: unknown = catalog;
  for (const part of key.split('.')) node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[part] : undefined;
  return typeof node === 'string' ? node : undefined;
}

/** A t() over one catalog, with i18next's defaultValue fallback. */
function tOf(catalog: unknown): TFunction {
  return ((key: string, options?: { defaultValue?: string }) => lookup(catalog, key) ?? options?.defaultValue ?? key) as unknown as TFunction;
}

describe('rejection reasons', () => {
  it.each([
    ['zh-CN', zhCN],
    ['en-US', enUS],
  ])('%s translates every reason a dry run gives', (_locale, catalog) => {
    for (const reason of REJECT_REASONS) expect(lookup(catalog, `imports.reason.${reason}`), reason).toBeTypeOf('string');
  });

  it('names the landline without area code plainly, and falls back to the raw code', () => {
    const t = tOf(zhCN);
    expect(reasonText(t, 'phoneAreaCode')).toContain('区号');
    expect(reasonText(t, 'email')).toBe('邮箱格式不正确');
    expect(reasonText(t, 'somethingNew')).toBe('somethingNew');
    expect(reasonText(t, 'not a code.')).toBe('not a code.');
  });
});

describe('entities and kinds', () => {
  it('every entity (and a package) has a name, a hint and a kind hint in both languages', () => {
    for (const catalog of [zhCN, enUS]) {
      for (const e of IMPORT_ENTITIES) {
        expect(lookup(catalog, `imports.entity.${e}`), e).toBeTypeOf('string');
        expect(lookup(catalog, `imports.entityHint.${e}`), e).toBeTypeOf('string');
      }
      expect(lookup(catalog, 'imports.entity.package')).toBeTypeOf('string');
      for (const k of [...KIND_HINTS, 'productKey', 'refProduct']) expect(lookup(catalog, `imports.kindHint.${k}`), k).toBeTypeOf('string');
    }
  });

  it('uses the glossary’s words in zh-CN', () => {
    const t = tOf(zhCN);
    expect(entityLabel(t, 'customers')).toBe('客户');
    expect(entityLabel(t, 'contacts')).toBe('联系人');
    expect(entityLabel(t, 'assets')).toContain('已购产品');
    expect(entityLabel(t, 'requests')).toBe('历史服务请求');
    expect(lookup(zhCN, 'nav.data')).toBe('数据导入/导出');
  });
});
