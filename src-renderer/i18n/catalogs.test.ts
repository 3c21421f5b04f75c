import { describe, expect, it } from 'vitest';
import {
  COMPLAINT_PARTIES,
  COMPLAINT_SEVERITIES,
  TICKET_CHANNELS,
  TICKET_PRIORITIES,
  TICKET_SORTS,
  TICKET_STATUSES,
  TICKET_TYPES,
  TICKET_VIEWS,
} from '../../src-shared/domain/tickets';
import { LOCALES } from '../../src-shared/domain/locale';
import { HOLD_REASONS, LOCK_REASONS, TICKET_ACTIONS, UNLOCK_MODES, WORK_OUTCOMES } from '../../src-shared/domain/lifecycle';
import { ERROR_CODES } from '../../src-shared/errors';
import { ASSIGNMENT_STRATEGIES } from '../../src-shared/contract/assignment';
import { TIMELINE_KINDS, WARRANTY_STATES } from '../../src-shared/contract/customers';
import { CONTACT_CHANNELS, CUSTOMER_KINDS, CUSTOMER_LIFECYCLES, CUSTOMER_TIERS } from '../../src-shared/domain/customers';
import { REGIONS } from '../../src-shared/domain/regions';
import { DATA_SCOPES, PERMISSIONS, ROLES } from '../../src-shared/domain/roles';
import { ESCALATION_ACTIONS, SLA_BASES, SLA_TARGETS } from '../../src-shared/domain/sla';
import { EVENT_KINDS } from '../features/tickets/vocabulary';
import { BULK_FAILURE_CODES, CONFLICT_REASONS, FORBIDDEN_REASONS, TRANSITION_REASONS } from './errors';
import enUS from './en-US.json';
import zhCN from './zh-CN.json';

const FIELD_CODES = [
  'required',
  'tooShort',
  'tooLong',
  'invalid',
  'date',
  'phone',
  'phoneAreaCode',
  'username',
  'notFound',
  'taken',
  'unknownField',
  'beforeStart',
  'longerThanVisit',
  'partNo',
  // Merging a duplicate (intoId), complaint details on create, attachments.
  'closed',
  'sameRequest',
  'complaintDetails',
  'tooLarge',
  'fileName',
  // Service agreements, business calendars, SLA settings and escalation rules (contract/sla.ts refines).
  'intervalOrder',
  'intervalOverlap',
  'timeZone',
  'duplicateDay',
  'resolutionBeforeResponse',
  'duplicatePriority',
  'validToBeforeFrom',
  'thresholdOrder',
  'groupRequired',
  'duplicate',
  'noWorkingTime',
  // A calendar with make-up working days but no hours for them (saveCalendar, path makeUpHours).
  'makeUpHoursRequired',
  // A manual agreement choice that is inactive or outside its validity on the desk's today.
  'notInForce',
  // Customer profiles and contacts (email), merging (intoId), lifecycle thresholds (lostAfterDays).
  'email',
  'sameCustomer',
  'notAfterDormant',
  // Backup settings (contract/backup.ts, features/backup/service.ts).
  'folderNotAbsolute',
  'folderUnwritable',
  'timeOfDay',
  // Passwords (src-shared/domain/password.ts, auth.changePassword, auth.unlock) and the form's confirm field.
  'commonPassword',
  'contextWord',
  'wrongPassword',
  'samePassword',
  'passwordMismatch',
  // Accounts: a team data scope without a team (users.create / users.update, path teamId).
  'teamScopeNeedsTeam',
];

function flatten(value: unknown, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) {
      for (const [kk, vv] of flatten(v, prefix ? `${prefix}.${k}` : k)) out.set(kk, vv);
    }
  } else {
    out.set(prefix, value);
  }
  return out;
}

const catalogs = { 'zh-CN': flatten(zhCN), 'en-US': flatten(enUS) };

describe('i18n catalogs', () => {
  it('zh-CN and en-US have exactly the same keys', () => {
    expect([...catalogs['zh-CN'].keys()].sort()).toEqual([...catalogs['en-US'].keys()].sort());
  });

  it('every value is a non-empty string', () => {
    for (const catalog of Object.values(catalogs)) {
      for (const [key, value] of catalog) {
        expect(typeof value, key).toBe('string');
        expect((value as string).trim().length, key).toBeGreaterThan(0);
      }
    }
  });

  it('use the same interpolation variables in both languages', () => {
    const vars = (s: unknown) => [...String(s).matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    for (const [key, value] of catalogs['zh-CN']) expect(vars(value), key).toEqual(vars(catalogs['en-US'].get(key)));
  });

  const required: string[] = [
    ...ERROR_CODES.map((c) => `errors.${c}`),
    ...ROLES.map((r) => `role.${r}`),
    ...PERMISSIONS.map((p) => `permission.${p}`),
    ...DATA_SCOPES.flatMap((s) => [`users.scope.${s}`, `users.scopeHint.${s}`]),
    ...FIELD_CODES.map((c) => `validation.${c}`),
    ...TICKET_STATUSES.map((s) => `ticket.status.${s}`),
    ...TICKET_TYPES.map((s) => `ticket.type.${s}`),
    ...TICKET_PRIORITIES.map((s) => `ticket.priority.${s}`),
    ...TICKET_CHANNELS.map((s) => `ticket.channel.${s}`),
    ...TICKET_SORTS.map((s) => `ticket.sort.${s}`),
    ...TICKET_VIEWS.map((v) => `ticket.view.${v}`),
    ...BULK_FAILURE_CODES.map((c) => `queue.bulk.reason.${c}`),
    ...(['assign', 'hold', 'priority'] as const).map((k) => `queue.bulk.title.${k}`),
    ...LOCALES.map((l) => `locales.${l}`),
    ...TICKET_ACTIONS.map((a) => `lifecycle.action.${a}`),
    ...HOLD_REASONS.map((r) => `lifecycle.holdReason.${r}`),
    ...WORK_OUTCOMES.map((o) => `lifecycle.outcome.${o}`),
    ...UNLOCK_MODES.map((m) => `lifecycle.unlockMode.${m}`),
    ...LOCK_REASONS.map((r) => `lifecycle.lockReason.${r}`),
    ...EVENT_KINDS.map((k) => `detail.event.${k}`),
    ...FORBIDDEN_REASONS.map((r) => `errors.forbiddenReason.${r}`),
    ...TRANSITION_REASONS.map((r) => `errors.transitionReason.${r}`),
    ...CONFLICT_REASONS.map((r) => `errors.conflictReason.${r}`),
    ...COMPLAINT_SEVERITIES.map((s) => `complaint.severityLevel.${s}`),
    ...COMPLAINT_PARTIES.map((p) => `complaint.partyKind.${p}`),
    ...ASSIGNMENT_STRATEGIES.map((s) => `detail.strategy.${s}`),
    'detail.system',
    'detail.autoAssigned',
    ...ASSIGNMENT_STRATEGIES.map((s) => `assignment.strategy.${s}`),
    ...ASSIGNMENT_STRATEGIES.map((s) => `assignment.strategyHint.${s}`),
    ...REGIONS.map((r) => `region.${r}`),
    'errors.conflictChanged',
    'errors.invalidTransitionAllowed',
    // SLA clocks, their history events and the notification centre.
    ...SLA_BASES.flatMap((b) => [`sla.basis.${b}`, `sla.basisHint.${b}`]),
    ...SLA_TARGETS.flatMap((x) => [`sla.target.${x}`, `sla.targetShort.${x}`]),
    ...ESCALATION_ACTIONS.map((a) => `sla.escalationAction.${a}`),
    ...(['warning', 'breach', 'escalated'] as const).map((k) => `notifications.text.${k}`),
    // The customer 360 page's timeline filter and warranty badges.
    ...TIMELINE_KINDS.map((k) => `customer360.timeline.kind.${k}`),
    ...WARRANTY_STATES.map((w) => `customer360.assets.warranty.${w}`),
    // The customer list's badges and filters, the profile form and contacts.
    ...CUSTOMER_TIERS.map((x) => `customers.tier.${x}`),
    ...CUSTOMER_LIFECYCLES.map((x) => `customers.lifecycle.${x}`),
    ...CUSTOMER_KINDS.map((x) => `customer360.kind.${x}`),
    ...CONTACT_CHANNELS.map((x) => `customer360.contacts.channel.${x}`),
    ...(['erp', 'manual'] as const).map((x) => `orders.sourceKind.${x}`),
  ];

  it.each(Object.keys(catalogs))('%s translates every error code, field code and ticket vocabulary value', (locale) => {
    const catalog = catalogs[locale as keyof typeof catalogs];
    const missing = required.filter((key) => typeof catalog.get(key) !== 'string');
    expect(missing).toEqual([]);
  });

  it('uses the glossary terms for statuses in zh-CN', () => {
    const zh = catalogs['zh-CN'];
    expect(zh.get('nav.parts')).toBe('备件目录');
    expect(zh.get('nav.products')).toBe('产品目录');
    expect(zh.get('nav.workbench')).toBe('我的工作台');
    expect(zh.get('dispatchSheet.title')).toBe('现场服务派工单');
    expect(zh.get('assignment.strategy.least_load')).toBe('最少负载');
    expect(zh.get('assignment.strategy.round_robin')).toBe('轮流分配');
    expect(zh.get('detail.problemCategory')).toBe('问题类型');
    expect(zh.get('detail.attempts')).toBe('处理次数');
    expect(zh.get('detail.workLogs')).toBe('服务记录');
    expect(zh.get('detail.followUps')).toBe('回访');
    expect(zh.get('ticket.status.pending_assignment')).toBe('待分配');
    expect(zh.get('ticket.status.follow_up')).toBe('回访');
    expect(zh.get('nav.tickets')).toBe('服务请求');
    expect(zh.get('ticket.view.mine')).toBe('我的服务请求');
    expect(zh.get('ticket.view.unassigned')).toBe('待分配');
    expect(zh.get('ticket.view.awaiting_follow_up')).toBe('待回访');
    expect(zh.get('ticket.view.on_hold')).toBe('挂起');
    expect(zh.get('detail.event.reply')).toBe('回复客户');
    expect(zh.get('detail.event.note')).toBe('内部备注');
    expect(zh.get('complaint.title')).toBe('投诉处理');
    expect(zh.get('detail.system')).toBe('系统');
    expect(zh.get('region.east')).toBe('华东');
    expect(zh.get('region.south')).toBe('华南');
    expect(zh.get('region.hmt')).toBe('港澳台');
    expect(zh.get('assignment.anyRegion')).toBe('全部地区');
    expect(zh.get('newTicket.provinceNone')).toBe('未指定');
    expect(zh.get('ticket.view.breaching')).toBe('即将超时');
    expect(zh.get('ticket.view.breached')).toBe('已超时');
    expect(zh.get('sla.target.response')).toBe('首次响应');
    expect(zh.get('sla.target.resolution')).toBe('解决');
    expect(zh.get('sla.basis.customer')).toBe('客户协议');
    expect(zh.get('customer360.title')).toBe('客户360视图');
    expect(zh.get('customer360.kpi.meanResolutionHours')).toBe('平均解决时长');
    expect(zh.get('customer360.kpi.csat')).toBe('满意度');
    expect(zh.get('customer360.timeline.kind.followUp')).toBe('回访');
    expect(zh.get('nav.customers')).toBe('客户');
    expect(zh.get('customers.tier.strategic')).toBe('战略客户');
    expect(zh.get('customers.tier.key')).toBe('重点客户');
    expect(zh.get('customers.tier.normal')).toBe('普通客户');
    expect(zh.get('customers.tier.potential')).toBe('潜在客户');
    expect(zh.get('customers.lifecycle.active')).toBe('活跃');
    expect(zh.get('customers.lifecycle.dormant')).toBe('休眠');
    expect(zh.get('customers.lifecycle.lost')).toBe('流失');
  });
});
