import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/ApiError';
import enUS from '../../i18n/en-US.json';
import zhCN from '../../i18n/zh-CN.json';
import { FILE_PROBLEMS, importErrorText, jobErrorText, MAPPING_PROBLEMS } from './importErrors';

function lookup(catalog: unknown, key: string): string | undefined {
  let node: unknown = catalog;
  for (const part of key.split('.')) node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[part] : undefined;
  return typeof node === 'string' ? node : undefined;
}

/** t() over the zh-CN catalog with {{var}} interpolation and defaultValue. */
const t = ((key: string, options?: Record<string, unknown>) => {
  const text = lookup(zhCN, key) ?? (options?.defaultValue as string | undefined) ?? key;
  return text.replace(/\{\{(\w+)\}\}/g, (_m, name: string) => String(options?.[name] ?? ''));
}) as unknown as TFunction;

function validation(path: string, code: string): ApiError {
  return new ApiError({ code: 'VALIDATION', message: code, details: { fields: [{ path, code, message: code }] } });
}

describe('import errors', () => {
  it('says what is wrong with the file', () => {
    expect(importErrorText(t, validation('uploadId', 'notAPackage'), null)).toBe('这个 .zip 文件不是本系统导出的数据包。');
    expect(importErrorText(t, validation('uploadId', 'unsupportedFormat'), null)).toContain('.xlsx');
  });

  it('names the field whose column main could not use', () => {
    expect(importErrorText(t, validation('mapping.columns.phone', 'unknownColumn'), 'customers')).toBe('“电话”对应的列在文件中不存在，请重新选择。');
    expect(importErrorText(t, validation('mapping.columns.name', 'required'), 'customers')).toBe('必填字段“客户名称”还没有对应的列。');
  });

  it('reads a lost upload as one to send again, and anything else through the common mapping', () => {
    expect(importErrorText(t, new ApiError({ code: 'NOT_FOUND', message: 'Upload x not found' }), null)).toContain('重新上传');
    expect(importErrorText(t, new ApiError({ code: 'FORBIDDEN', message: 'no' }), null)).toBe(lookup(zhCN, 'errors.FORBIDDEN'));
    expect(importErrorText(t, validation('uploadId', 'somethingElse'), null)).toBe(lookup(zhCN, 'errors.VALIDATION'));
  });

  it("words a failed job's error when it is a file problem, else says it failed", () => {
    expect(jobErrorText(t, 'unreadable')).toContain('无法读取');
    expect(jobErrorText(t, 'internal')).toBe(lookup(zhCN, 'imports.progress.failed'));
    expect(jobErrorText(t, null)).toBe(lookup(zhCN, 'imports.progress.failed'));
  });

  it.each([
    ['zh-CN', zhCN],
    ['en-US', enUS],
  ])('%s has every file and mapping problem', (_locale, catalog) => {
    for (const code of FILE_PROBLEMS) expect(lookup(catalog, `imports.fileProblem.${code}`), code).toBeTypeOf('string');
    for (const code of MAPPING_PROBLEMS) expect(lookup(catalog, `imports.startError.${code}`), code).toBeTypeOf('string');
    expect(lookup(catalog, 'imports.uploadGone')).toBeTypeOf('string');
  });
});
