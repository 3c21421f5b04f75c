import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import enUS from '../../i18n/en-US.json';
import zhCN from '../../i18n/zh-CN.json';
import { assignmentSummary } from './eventText';

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
