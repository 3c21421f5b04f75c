import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../src-shared/errors';
import { ApiError } from '../api/ApiError';
import enUS from './en-US.json';
import { errorMessage, fieldErrors } from './errors';
import zhCN from './zh-CN.json';

const i18n = i18next.createInstance();

beforeAll(async () => {
  await i18n.init({
    resources: { 'zh-CN': { translation: zhCN }, 'en-US': { translation: enUS } },
    lng: 'zh-CN',
    fallbackLng: false,
    interpolation: { escapeValue: false },
  });
});

describe('error messages', () => {
  it('translates every error code', () => {
    for (const code of ERROR_CODES) {
      const text = errorMessage(i18n.t, new ApiError({ code, message: 'x' }));
      expect(text, code).not.toContain('errors.');
      expect(text.length, code).toBeGreaterThan(0);
    }
  });

  it('says how long a locked account must wait', () => {
    const locked = (ms: number) => new ApiError({ code: 'LOCKED_OUT', message: 'x', details: { retryAfterMs: ms } });
    expect(errorMessage(i18n.t, locked(90_500))).toBe('尝试次数过多，账户已临时锁定，请在 1 分 31 秒后重试。');
    expect(errorMessage(i18n.t, locked(30_000))).toBe('尝试次数过多，账户已临时锁定，请在 30 秒后重试。');
    expect(errorMessage(i18n.getFixedT('en-US'), locked(30_000))).toBe('Too many attempts: the account is locked for now. Try again in 30 s.');
  });

  it('says the request changed under us, and what the status allows now', () => {
    const stale = new ApiError({ code: 'CONFLICT', message: 'x', details: { currentVersion: 4 } });
    expect(errorMessage(i18n.t, stale)).toBe(zhCN.errors.conflictChanged);
    // A CONFLICT about a field (a taken part number) is not a stale request.
    expect(errorMessage(i18n.t, new ApiError({ code: 'CONFLICT', message: 'x' }))).toBe(zhCN.errors.CONFLICT);
    const invalid = new ApiError({ code: 'INVALID_TRANSITION', message: 'x', details: { allowed: ['assign', 'hold', 'close'] } });
    expect(errorMessage(i18n.t, invalid)).toBe('当前状态下不能执行此操作。现在可以：分配、挂起、关闭。');
    expect(errorMessage(i18n.getFixedT('en-US'), invalid)).toBe('This is not possible in the current status. Possible now: Assign, Put on hold, Close.');
    expect(errorMessage(i18n.t, new ApiError({ code: 'INVALID_TRANSITION', message: 'x', details: { allowed: [] } }))).toBe(zhCN.errors.INVALID_TRANSITION);
  });

  it('explains why an action was refused', () => {
    const forbidden = (reason: string) => new ApiError({ code: 'FORBIDDEN', message: 'x', details: { reason } });
    expect(errorMessage(i18n.t, forbidden('notYours'))).toBe(zhCN.errors.forbiddenReason.notYours);
    expect(errorMessage(i18n.t, forbidden('reopenWindowPassed'))).toBe(zhCN.errors.forbiddenReason.reopenWindowPassed);
    expect(errorMessage(i18n.t, forbidden('somethingNew'))).toBe(zhCN.errors.FORBIDDEN);
  });

  it('explains why a complaint blocks a step', () => {
    const invalid = (reason: string) => new ApiError({ code: 'INVALID_TRANSITION', message: 'x', details: { reason, allowed: [] } });
    expect(errorMessage(i18n.t, invalid('complaintNotAcknowledged'))).toBe('投诉尚未经服务经理确认，不能标记为已处理或关闭。');
    expect(errorMessage(i18n.t, invalid('complaintIncomplete'))).toBe(zhCN.errors.transitionReason.complaintIncomplete);
    expect(errorMessage(i18n.getFixedT('en-US'), invalid('notComplaint'))).toBe(enUS.errors.transitionReason.notComplaint);
    expect(errorMessage(i18n.t, invalid('somethingNew'))).toBe(zhCN.errors.INVALID_TRANSITION);
    // The reason says more than "changed meanwhile", though the current version comes along.
    const acknowledged = new ApiError({ code: 'CONFLICT', message: 'x', details: { reason: 'alreadyAcknowledged', currentVersion: 7 } });
    expect(errorMessage(i18n.t, acknowledged)).toBe(zhCN.errors.conflictReason.alreadyAcknowledged);
  });

  it('translates the work log and parts field codes', () => {
    const error = new ApiError({
      code: 'VALIDATION',
      message: 'x',
      details: {
        fields: [
          { path: 'endedAt', code: 'beforeStart', message: 'x' },
          { path: 'workMinutes', code: 'longerThanVisit', message: 'x' },
          { path: 'partNo', code: 'partNo', message: 'x' },
        ],
      },
    });
    expect(fieldErrors(i18n.t, error, (p) => p)).toEqual({
      endedAt: zhCN.validation.beforeStart,
      workMinutes: zhCN.validation.longerThanVisit,
      partNo: zhCN.validation.partNo,
    });
  });

  it('treats anything that is not an ApiError as INTERNAL', () => {
    expect(errorMessage(i18n.t, new TypeError('boom'))).toBe(zhCN.errors.INTERNAL);
  });

  it('maps VALIDATION field paths to form fields with translated reasons', () => {
    const error = new ApiError({
      code: 'VALIDATION',
      message: 'x',
      details: {
        fields: [
          { path: 'subject', code: 'required', message: 'x' },
          { path: 'customer.name', code: 'tooLong', message: 'x', max: 100 },
          { path: 'contact.phone', code: 'phone', message: 'x' },
          { path: 'somethingElse', code: 'invalid', message: 'x' },
        ],
      },
    });
    const fieldOf = (path: string) => (path === 'somethingElse' ? null : path.replace('.', '_'));
    expect(fieldErrors(i18n.t, error, fieldOf)).toEqual({
      subject: '此项为必填项',
      customer_name: '最多 100 个字符',
      contact_phone: zhCN.validation.phone,
    });
  });
});
