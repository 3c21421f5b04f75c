import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import enUS from '../../i18n/en-US.json';
import zhCN from '../../i18n/zh-CN.json';
import { notificationText } from '../notifications/notificationText';
import { cronText } from './whenText';
import { formatDeskDateTime } from '../../i18n/format';

const i18n = i18next.createInstance();

beforeAll(async () => {
  await i18n.init({
    resources: { 'zh-CN': { translation: zhCN }, 'en-US': { translation: enUS } },
    lng: 'zh-CN',
    fallbackLng: false,
    interpolation: { escapeValue: false },
  });
});

describe('a schedule’s time in words', () => {
  it.each([
    ['0 8 * * *', '每天 08:00', 'Daily at 08:00'],
    ['30 7 * * 1', '每周一 07:30', 'Every Mon at 07:30'],
    ['0 18 * * 1,5', '每周一、周五 18:00', 'Every Mon, Fri at 18:00'],
    ['0 18 * * 0,6', '每周六、周日 18:00', 'Every Sat, Sun at 18:00'],
    ['0 9 * * 1,2,3,4,5', '每周一至周五 09:00', 'Monday to Friday at 09:00'],
    ['0 6 15 * *', '每月 15 日 06:00', 'Monthly on day 15 at 06:00'],
    ['45 22 L * *', '每月最后一天 22:45', 'Monthly on the last day at 22:45'],
    ['*/30 8-18 * * 1-5', '自定义：*/30 8-18 * * 1-5', 'Custom: */30 8-18 * * 1-5'],
  ])('%s', async (cron, zh, en) => {
    await i18n.changeLanguage('zh-CN');
    expect(cronText(i18n.t, cron)).toBe(zh);
    await i18n.changeLanguage('en-US');
    expect(cronText(i18n.t, cron)).toBe(en);
  });

  it('times read on the desk clocks, to the minute', () => {
    expect(formatDeskDateTime(Date.UTC(2026, 10, 30, 0, 0), 'zh-CN', 'Asia/Shanghai')).toBe('2026/11/30 08:00');
  });

  it('a failed run’s notification names the schedule and the reason', async () => {
    await i18n.changeLanguage('zh-CN');
    const n = { id: 1, kind: 'report_failed', ticket: null, target: null, level: null, dueAt: null, actions: [], ruleName: null, report: { scheduleId: 3, name: '每周服务时效', reason: 'folderMissing' }, createdAt: 1, readAt: null } as const;
    expect(notificationText(i18n.t, { ...n, actions: [] })).toBe('定时报表「每周服务时效」运行失败：找不到写入文件夹（路径或网络共享不可用）');
  });
});
