import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { NotificationView } from '../../../src-shared/contract';
import enUS from '../../i18n/en-US.json';
import zhCN from '../../i18n/zh-CN.json';
import { notificationText } from './notificationText';

const i18n = i18next.createInstance();

beforeAll(async () => {
  await i18n.init({
    resources: { 'zh-CN': { translation: zhCN }, 'en-US': { translation: enUS } },
    lng: 'zh-CN',
    fallbackLng: false,
    interpolation: { escapeValue: false },
  });
});

const ticket = { id: 7, number: 'SR-20250512-0003', subject: '空调漏水' };
function notification(over: Partial<NotificationView>): NotificationView {
  return { id: 1, kind: 'sla_warning', ticket, target: 'response', level: 75, dueAt: 0, actions: [], ruleName: null, report: null, createdAt: 1000, readAt: null, ...over };
}

describe('notification texts', () => {
  it('say which request and what happened to its SLA', () => {
    expect(notificationText(i18n.t, notification({}))).toBe('SR-20250512-0003 首次响应时效已用 75%');
    expect(notificationText(i18n.t, notification({ kind: 'sla_breach', target: 'resolution', level: 100 }))).toBe('SR-20250512-0003 解决超时');
    expect(notificationText(i18n.t, notification({ kind: 'sla_escalated', target: null, actions: ['raise_priority', 'reassign'], ruleName: '响应超时提级' }))).toBe(
      'SR-20250512-0003 已按升级规则「响应超时提级」升级：提升优先级、改派',
    );
    expect(notificationText(i18n.getFixedT('en-US'), notification({ kind: 'sla_breach', target: 'resolution' }))).toBe('SR-20250512-0003 Resolution breached');
  });

  it('still read when details are missing', () => {
    expect(notificationText(i18n.t, notification({ ticket: null, target: null }))).toBe('服务请求 服务时效预警');
    expect(notificationText(i18n.t, notification({ kind: 'sla_escalated', actions: ['unknown'] }))).toBe('SR-20250512-0003 已按升级规则升级');
  });
});
