import { describe, expect, it } from 'vitest';
import type { HolidayImport } from '../../../src-shared/domain/businessCalendar';
import { CHARGING_METHODS, ESCALATION_ACTIONS, ESCALATION_TARGETS, FIRST_RESPONSE_MODES } from '../../../src-shared/domain/sla';
import enUS from '../../i18n/en-US.json';
import zhCN from '../../i18n/zh-CN.json';

// The admin pages translate every value of the SLA vocabulary; a value added to the domain
// without a label would show as a raw key.

const IMPORT_REASONS: HolidayImport['errors'][number]['reason'][] = ['badDate', 'badKind', 'duplicate', 'columns', 'noEvents'];

const required = [
  ...CHARGING_METHODS.map((m) => `slaAdmin.charging.${m}`),
  ...ESCALATION_TARGETS.map((x) => `slaAdmin.target.${x}`),
  ...ESCALATION_ACTIONS.flatMap((a) => [`slaAdmin.action.${a}`, `slaAdmin.actionHint.${a}`]),
  ...FIRST_RESPONSE_MODES.map((m) => `slaAdmin.firstResponse.${m}`),
  ...[1, 2, 3, 4, 5, 6, 7].map((d) => `slaAdmin.weekday.${d}`),
  ...IMPORT_REASONS.map((r) => `slaAdmin.import.reason.${r}`),
  'slaAdmin.dayKind.holiday',
  'slaAdmin.dayKind.workday',
  'jobs.outcome.ok',
  'jobs.outcome.failed',
];

function lookup(catalog: unknown, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[part] : undefined), catalog);
}

describe('SLA administration vocabulary', () => {
  it.each([
    ['zh-CN', zhCN],
    ['en-US', enUS],
  ])('%s labels every value', (_locale, catalog) => {
    expect(required.filter((key) => typeof lookup(catalog, key) !== 'string')).toEqual([]);
  });

  it('uses the glossary terms', () => {
    expect(lookup(zhCN, 'nav.slaAgreements')).toBe('服务协议');
    expect(lookup(zhCN, 'nav.slaCalendars')).toBe('工作日历');
    expect(lookup(zhCN, 'nav.slaEscalations')).toBe('升级规则');
    expect(lookup(zhCN, 'slaAdmin.target.response')).toBe('首次响应');
    expect(lookup(zhCN, 'slaAdmin.target.resolution')).toBe('解决');
    expect(lookup(zhCN, 'slaAdmin.dayKind.workday')).toBe('调休上班日');
    expect(lookup(zhCN, 'slaAdmin.calendars.makeUpHours')).toBe('调休上班日工作时间');
    expect(lookup(enUS, 'slaAdmin.calendars.makeUpHours')).toBe('Hours on make-up working days');
    expect(lookup(enUS, 'slaAdmin.calendars.specialDays')).toBe('Holidays and make-up working days');
    expect(lookup(zhCN, 'slaAdmin.dayKind.holiday')).toBe('节假日');
    expect(lookup(zhCN, 'jobs.runNow')).toBe('立即检查');
  });
});
