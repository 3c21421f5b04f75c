import { z } from 'zod';
import type { SlaTarget } from '../domain/sla';
import { channel } from './channel';

/**
 * backup_failed: a backup did not complete (administrators hear of it; the backup page says why).
 * report_failed: a scheduled report's run failed (its owner and the supervisors hear of it).
 */
export const NOTIFICATION_KINDS = ['sla_warning', 'sla_breach', 'sla_escalated', 'backup_failed', 'report_failed'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export interface NotificationView {
  id: number;
  kind: NotificationKind;
  ticket: { id: number; number: string; subject: string } | null;
  target: SlaTarget | null;
  /** The share of the target reached (a warning threshold, or 100 when breached). */
  level: number | null;
  dueAt: number | null;
  /** Escalations: the actions applied (raise_priority, reassign, lock) and the rule that applied them. */
  actions: string[];
  ruleName: string | null;
  /** report_failed: the schedule and why its run failed (a ScheduleRunError). */
  report: { scheduleId: number; name: string; reason: string } | null;
  createdAt: number;
  readAt: number | null;
}

export interface NotificationPage {
  items: NotificationView[];
  unread: number;
}

/** Everyone reads and clears only their own notifications. */
export const notifications = {
  list: channel<NotificationPage>()({
    input: z.object({ unreadOnly: z.boolean().default(false), limit: z.number().int().min(1).max(200).default(50) }).strict(),
    access: 'signedIn',
  }),
  markRead: channel<NotificationPage>()({
    input: z.union([z.object({ ids: z.array(z.number().int().positive()).min(1).max(500) }).strict(), z.object({ all: z.literal(true) }).strict()]),
    access: 'signedIn',
  }),
};
