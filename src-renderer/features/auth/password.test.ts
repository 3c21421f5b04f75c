import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../api/ApiError';
import enUS from '../../i18n/en-US.json';
import zhCN from '../../i18n/zh-CN.json';
import { newPasswordProblem, passwordFieldMessage, passwordLengthLevel, passwordLengthText } from './password';

const i18n = i18next.createInstance();

beforeAll(async () => {
  await i18n.init({ resources: { 'zh-CN': { translation: zhCN }, 'en-US': { translation: enUS } }, lng: 'zh-CN', fallbackLng: false, interpolation: { escapeValue: false } });
});

describe('password forms', () => {
  it('grades the length: short under 8, enough, recommended from 15 (characters as people count them)', () => {
    expect(passwordLengthLevel('')).toBe('empty');
    expect(passwordLengthLevel('1234567')).toBe('short');
    expect(passwordLengthLevel('12345678')).toBe('enough');
    expect(passwordLengthLevel('fifteen chars!!')).toBe('recommended');
    expect(passwordLengthLevel('空调维修服务好')).toBe('short');
    expect(passwordLengthLevel('空调维修服务很好')).toBe('enough');
  });

  it('says the rules until something is typed, then how far along it is', () => {
    expect(passwordLengthText(i18n.t, '')).toBe('至少 8 个字符，建议 15 个以上（例如几个词组成的短语）。不要求符号或大写字母；常见密码会被拒绝。');
    expect(passwordLengthText(i18n.t, 'abc')).toBe('已输入 3 个字符，还差 5 个');
    expect(passwordLengthText(i18n.getFixedT('en-US'), 'a long enough phrase')).toBe('20 characters typed: a good length');
  });

  it('checks what it can before sending: required, length, the account’s own names', () => {
    expect(newPasswordProblem('', ['wangfang', '王芳'])).toBe('required');
    expect(newPasswordProblem('short', ['wangfang'])).toBe('tooShort');
    expect(newPasswordProblem('wangfang2026', ['wangfang', '王芳'])).toBe('contextWord');
    expect(newPasswordProblem('serviceloop1', [])).toBe('contextWord');
    expect(newPasswordProblem('三月的雨落在西湖边', ['wangfang'])).toBeNull();
  });

  it('translates main’s refusal of a password field with its limits', () => {
    const refused = (path: string, code: string) => new ApiError({ code: 'VALIDATION', message: 'x', details: { fields: [{ path, code, message: code }] } });
    expect(passwordFieldMessage(i18n.t, refused('newPassword', 'commonPassword'), 'newPassword')).toBe(zhCN.validation.commonPassword);
    expect(passwordFieldMessage(i18n.t, refused('newPassword', 'tooShort'), 'newPassword')).toBe('至少需要 8 个字符');
    expect(passwordFieldMessage(i18n.t, refused('currentPassword', 'wrongPassword'), 'newPassword')).toBeNull();
    expect(passwordFieldMessage(i18n.t, refused('password', 'somethingNew'), 'password')).toBe(zhCN.validation.invalid);
    expect(passwordFieldMessage(i18n.t, null, 'password')).toBeNull();
  });
});
