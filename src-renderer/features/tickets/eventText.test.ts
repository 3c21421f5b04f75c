import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import enUS from '../../i18n/en-US.json';
import zhCN from '../../i18n/zh-CN.json';
import { formatDateTime } from '../../i18n/format';
import { agreementChangeSummary, assignmentSummary, eventTitle, lockSummary, priorityChangeSummary, slaEventSummary, statusChangeText } from './eventText';

const i18n = i18next.createInstance();

beforeAll(async () => {
  await i18n.init({
    resources: { 'zh-CN': { translation: zhCN }, 'en-US': { translation: enUS } },
    lng: 'zh-CN',
    fallbackLng: false,
    interpolation: { escapeValue: false },
  });
});

describe('assignment events', () => {
  const byRule = { by: 'rule', ruleId: 3, ruleName: 'HVAC 华东', strategy: 'least_load', load: 3, engineerId: 7, engineerName: '王工' };

  it('explain an automatic assignment by its rule, strategy and load', () => {
    expect(assignmentSummary(i18n.t, byRule)).toBe('系统按规则「HVAC 华东」分配给 王工（最少负载，当前 3 件）');
    expect(assignmentSummary(i18n.getFixedT('en-US'), byRule)).toBe("Assigned to 王工 by rule 'HVAC 华东' (least load, 3 open)");
    expect(assignmentSummary(i18n.t, { ...byRule, strategy: 'round_robin', load: 0 })).toBe('系统按规则「HVAC 华东」分配给 王工（轮流分配，当前 0 件）');
  });

  it('name the engineer of a manual assignment, and say nothing without one', () => {
    expect(assignmentSummary(i18n.t, { by: 'manual', engineerId: 7, engineerName: '王工' })).toBe('分配给 王工');
    expect(assignmentSummary(i18n.t, null)).toBeNull();
    expect(assignmentSummary(i18n.t, { by: 'rule', ruleName: 'x' })).toBeNull();
  });
});

describe('SLA and escalation events', () => {
  const responseDueAt = Date.UTC(2025, 4, 12, 6);
  const resolutionDueAt = Date.UTC(2025, 4, 14, 10);
  const at = (ms: number, locale = 'zh-CN') => formatDateTime(ms, locale);
  const computed = {
    reason: 'created',
    agreementName: 'VIP',
    basis: 'customer',
    responseTargetMinutes: 240,
    resolutionTargetMinutes: 960,
    responseDueAt,
    resolutionDueAt,
  };
  const zh = (kind: string, details: Record<string, unknown> | null) => slaEventSummary(i18n.t, 'zh-CN', { kind, details });

  it('say which agreement set the targets, both due times and why it applies', () => {
    expect(zh('slaComputed', computed)).toBe(`按「VIP」协议计算时效：首次响应 ${at(responseDueAt)} 前，解决 ${at(resolutionDueAt)} 前（客户协议）`);
    expect(slaEventSummary(i18n.getFixedT('en-US'), 'en-US', { kind: 'slaComputed', details: { ...computed, basis: 'warranty' } })).toBe(
      `Targets under 'VIP': first response by ${at(responseDueAt, 'en-US')}, resolution by ${at(resolutionDueAt, 'en-US')} (Warranty)`,
    );
  });

  it('add what caused a recomputation', () => {
    expect(zh('slaComputed', { ...computed, reason: 'priority' })).toMatch(/（客户协议）\n优先级变更后重新计算$/);
    expect(zh('slaComputed', { ...computed, reason: 'agreement', basis: 'manual' })).toMatch(/（手动指定）\n更换服务协议后重新计算$/);
    expect(zh('slaComputed', { ...computed, basis: 'unknown' })).not.toContain('（');
  });

  it('announce warnings and breaches by target', () => {
    expect(zh('slaWarning', { target: 'resolution', level: 75, dueAt: resolutionDueAt })).toBe(`解决时效已用 75%，${at(resolutionDueAt)} 前到期`);
    expect(zh('slaBreach', { target: 'response', dueAt: responseDueAt })).toBe(`首次响应超时（应在 ${at(responseDueAt)} 前完成）`);
    expect(zh('slaBreach', { target: 'response' })).toBe('首次响应超时');
  });

  it('list what an escalation rule did', () => {
    expect(zh('escalated', { ruleName: '紧急超时', actions: ['raise_priority', 'reassign', 'lock'] })).toBe('按升级规则「紧急超时」：提升优先级、改派、锁定交服务经理');
    expect(slaEventSummary(i18n.getFixedT('en-US'), 'en-US', { kind: 'escalated', details: { ruleName: 'Urgent', actions: ['raise_priority', 'boom'] } })).toBe(
      "Escalation rule 'Urgent': raised priority",
    );
    expect(zh('escalated', { ruleName: '紧急超时', actions: [] })).toBe('按升级规则「紧急超时」升级');
  });

  it('say nothing for other kinds or unreadable details', () => {
    expect(zh('assign', computed)).toBeNull();
    expect(zh('slaWarning', { target: 'elsewhere', level: 75, dueAt: 1 })).toBeNull();
    expect(zh('slaComputed', null)).toBeNull();
    expect(zh('escalated', { actions: ['lock'] })).toBeNull();
  });

  it('explain what the system changed on its own: priority, reassignment and lock', () => {
    expect(priorityChangeSummary(i18n.t, { from: 'normal', to: 'urgent' })).toBe('优先级：普通 → 紧急');
    expect(priorityChangeSummary(i18n.t, { from: 'normal' })).toBeNull();
    expect(assignmentSummary(i18n.t, { by: 'escalation', engineerName: '王工', ruleName: '紧急超时' })).toBe('系统按升级规则「紧急超时」改派给 王工');
    expect(lockSummary(i18n.t, { lockReason: 'sla_breached' })).toBe('锁定原因：服务时效超时（按升级规则锁定）');
    expect(lockSummary(i18n.t, { lockReason: 'whatever' })).toBeNull();
  });

  it('name the agreement a service manager changed to, and the one it replaced', () => {
    expect(agreementChangeSummary(i18n.t, { agreementId: 2, agreementName: 'VIP', previousAgreementName: '标准' })).toBe('服务协议：标准 → VIP');
    expect(agreementChangeSummary(i18n.getFixedT('en-US'), { agreementId: 2, agreementName: 'VIP', previousAgreementName: null })).toBe('Service agreement: VIP');
    expect(agreementChangeSummary(i18n.t, { agreementId: 2 })).toBeNull();
  });
});

describe('event titles and status lines', () => {
  it('name every known kind, and fall back for old or unknown ones', () => {
    expect(eventTitle(i18n.t, 'created')).toBe('创建服务请求');
    expect(eventTitle(i18n.t, 'reply')).toBe('回复客户');
    expect(eventTitle(i18n.t, 'status_changed')).toBe('状态变更');
    expect(eventTitle(i18n.t, 'somethingNew')).toBe('记录');
    expect(eventTitle(i18n.getFixedT('en-US'), 'somethingNew')).toBe('Entry');
  });

  it('say how a lifecycle step moved the status, and nothing for changes beside it', () => {
    expect(statusChangeText(i18n.t, { kind: 'assign', fromStatus: 'pending_assignment', toStatus: 'assigned' })).toBe('状态：待分配 → 已分配');
    expect(statusChangeText(i18n.t, { kind: 'created', fromStatus: null, toStatus: 'pending_assignment' })).toBe('状态：待分配');
    expect(statusChangeText(i18n.t, { kind: 'priority', fromStatus: 'assigned', toStatus: 'assigned' })).toBeNull();
    expect(statusChangeText(i18n.t, { kind: 'reply', fromStatus: null, toStatus: null })).toBeNull();
  });
});
