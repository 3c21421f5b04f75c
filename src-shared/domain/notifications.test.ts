import { describe, expect, it } from 'vitest';
import type { NotificationView } from '../contract';
import { headline, newestFirst } from './notifications';

const ticket = { id: 7, number: 'SR-20250512-0003', subject: '空调漏水' };
function notification(over: Partial<NotificationView>): NotificationView {
  return { id: 1, kind: 'sla_warning', ticket, target: 'response', level: 75, dueAt: 0, actions: [], ruleName: null, report: null, createdAt: 1000, readAt: null, ...over };
}

describe('notification order', () => {
  it('puts the newest first', () => {
    const items = [notification({ id: 1, createdAt: 1000 }), notification({ id: 2, createdAt: 3000, readAt: 3500 }), notification({ id: 3, createdAt: 2000 })];
    expect(newestFirst(items).map((n) => n.id)).toEqual([2, 3, 1]);
  });

  it('headlines the most severe unread one of the latest check, counting the rest', () => {
    const items = [
      notification({ id: 1, createdAt: 1000, kind: 'sla_breach', level: 100 }),
      notification({ id: 2, createdAt: 2000, level: 75 }),
      notification({ id: 3, createdAt: 2000, kind: 'sla_breach', level: 100 }),
      notification({ id: 4, createdAt: 2000, level: 90 }),
      notification({ id: 5, createdAt: 3000, readAt: 3500, kind: 'sla_escalated' }),
    ];
    expect(headline(items)).toEqual({ notification: items[2], others: 2 });
    expect(headline([notification({ id: 2, createdAt: 2000, level: 75 }), notification({ id: 4, createdAt: 2000, level: 90 })])?.notification.id).toBe(4);
    expect(headline([notification({ readAt: 5 })])).toBeNull();
  });
});
