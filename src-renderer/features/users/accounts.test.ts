import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { PERMISSIONS, ROLES } from '../../../src-shared/domain/roles';
import { ApiError } from '../../api/ApiError';
import enUS from '../../i18n/en-US.json';
import zhCN from '../../i18n/zh-CN.json';
import { accountFieldErrors, accountStatus, defaultDataScope, formDataScope, permissionMatrix, teamFieldErrors } from './accounts';
import { formatDeskDateTime } from '../../i18n/format';

const i18n = i18next.createInstance();

beforeAll(async () => {
  await i18n.init({ resources: { 'zh-CN': { translation: zhCN }, 'en-US': { translation: enUS } }, lng: 'zh-CN', fallbackLng: false, interpolation: { escapeValue: false } });
});

describe('accounts page', () => {
  const base = { disabled: false, lockedUntil: null, mustChangePassword: false };
  const now = 1_000_000;

  it('shows one status: disabled, then a lockout still running, then a password to change', () => {
    expect(accountStatus(base, now)).toBe('active');
    expect(accountStatus({ ...base, mustChangePassword: true }, now)).toBe('mustChange');
    expect(accountStatus({ ...base, mustChangePassword: true, lockedUntil: now + 1 }, now)).toBe('locked');
    expect(accountStatus({ ...base, lockedUntil: now }, now)).toBe('active');
    expect(accountStatus({ disabled: true, lockedUntil: now + 1, mustChangePassword: true }, now)).toBe('disabled');
  });

  it('builds the permission matrix from ROLE_PERMISSIONS', () => {
    const matrix = permissionMatrix();
    expect(matrix.map((r) => r.permission)).toEqual([...PERMISSIONS]);
    for (const row of matrix) expect(row.roles.map((r) => r.role)).toEqual([...ROLES]);
    const cell = (permission: string, role: string) => matrix.find((r) => r.permission === permission)?.roles.find((r) => r.role === role)?.granted;
    expect(cell('users.manage', 'admin')).toBe(true);
    expect(cell('users.manage', 'supervisor')).toBe(false);
    expect(cell('tickets.followUp', 'follow_up')).toBe(true);
    expect(cell('tickets.logWork', 'follow_up')).toBe(false);
    expect(cell('tickets.logWork', 'engineer')).toBe(true);
  });

  it('writes a sign-in time in the desk’s time zone, not the machine’s', () => {
    const at = Date.UTC(2026, 10, 26, 16, 5);
    expect(formatDeskDateTime(at, 'zh-CN', 'Asia/Shanghai')).toBe('2026/11/27 00:05');
    expect(formatDeskDateTime(at, 'zh-CN', 'UTC')).toBe('2026/11/26 16:05');
  });

  it('puts main’s refusals under the account form’s fields', () => {
    const refused = (code: ApiError['code'], path: string, fieldCode: string) =>
      new ApiError({ code, message: 'x', details: { fields: [{ path, code: fieldCode, message: fieldCode }] } });
    expect(accountFieldErrors(i18n.t, refused('CONFLICT', 'username', 'taken'))).toEqual({ username: zhCN.validation.taken });
    expect(accountFieldErrors(i18n.t, refused('VALIDATION', 'password', 'commonPassword'))).toEqual({ password: zhCN.validation.commonPassword });
    expect(accountFieldErrors(i18n.t, refused('VALIDATION', 'password', 'tooShort'))).toEqual({ password: '至少需要 8 个字符' });
    expect(accountFieldErrors(i18n.t, refused('VALIDATION', 'teamId', 'notFound'))).toEqual({ teamId: zhCN.validation.notFound });
    expect(teamFieldErrors(i18n.getFixedT('en-US'), refused('VALIDATION', 'name', 'duplicate'))).toEqual({ name: enUS.validation.duplicate });
    expect(accountFieldErrors(i18n.t, new ApiError({ code: 'CONFLICT', message: 'x', details: { reason: 'ownRole' } }))).toEqual({});
  });

  it('gives a new account the data scope main would until one is picked', () => {
    expect(defaultDataScope('agent', 3)).toBe('team');
    expect(defaultDataScope('agent', null)).toBe('all');
    expect(defaultDataScope('engineer', 3)).toBe('all');
    expect(defaultDataScope('supervisor', null)).toBe('all');
    expect(formDataScope(null, 'agent', 3)).toBe('team');
    expect(formDataScope('own', 'agent', 3)).toBe('own');
    expect(formDataScope('all', 'agent', 3)).toBe('all');
  });

  it('puts a team scope without a team under the team field, in words', () => {
    const refused = new ApiError({ code: 'VALIDATION', message: 'x', details: { fields: [{ path: 'teamId', code: 'teamScopeNeedsTeam', message: 'x' }] } });
    expect(accountFieldErrors(i18n.t, refused)).toEqual({ teamId: zhCN.validation.teamScopeNeedsTeam });
    expect(accountFieldErrors(i18n.getFixedT('en-US'), refused)).toEqual({ teamId: enUS.validation.teamScopeNeedsTeam });
  });
});
