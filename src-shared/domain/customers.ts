// Customer records: who a customer is to the desk, and how lively the relationship is.

/** 战略 / 重点 / 普通 / 潜在. */
export const CUSTOMER_TIERS = ['strategic', 'key', 'normal', 'potential'] as const;
export type CustomerTier = (typeof CUSTOMER_TIERS)[number];

export const CUSTOMER_KINDS = ['company', 'individual'] as const;
export type CustomerKind = (typeof CUSTOMER_KINDS)[number];

/** 活跃 / 休眠 / 流失: computed from the latest request or purchase, never set by hand. */
export const CUSTOMER_LIFECYCLES = ['active', 'dormant', 'lost'] as const;
export type CustomerLifecycle = (typeof CUSTOMER_LIFECYCLES)[number];

/** How a contact prefers to be reached. */
export const CONTACT_CHANNELS = ['phone', 'wechat', 'email', 'sms'] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];

export interface LifecycleThresholds {
  /** Dormant after this many days without a request or purchase. */
  dormantAfterDays: number;
  /** Lost after this many. */
  lostAfterDays: number;
}

export const DEFAULT_LIFECYCLE: LifecycleThresholds = { dormantAfterDays: 180, lostAfterDays: 365 };

const DAY = 86_400_000;

export function lifecycleOf(lastActivityAt: number, now: number, t: LifecycleThresholds): CustomerLifecycle {
  const idle = now - lastActivityAt;
  if (idle >= t.lostAfterDays * DAY) return 'lost';
  if (idle >= t.dormantAfterDays * DAY) return 'dormant';
  return 'active';
}

/** The range of last-activity instants a lifecycle covers at `now`: [from, to), either end open. */
export function lifecycleRange(lifecycle: CustomerLifecycle, now: number, t: LifecycleThresholds): { from: number | null; to: number | null } {
  const dormantFrom = now - t.dormantAfterDays * DAY;
  const lostFrom = now - t.lostAfterDays * DAY;
  if (lifecycle === 'active') return { from: dormantFrom + 1, to: null };
  if (lifecycle === 'dormant') return { from: lostFrom + 1, to: dormantFrom + 1 };
  return { from: null, to: lostFrom + 1 };
}

/** A plain mailbox check (local@domain.tld): enough to catch typos, no more. */
export function isEmail(text: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/.test(text) && text.length <= 254;
}

/** Tags as stored: trimmed, inner spaces collapsed, at most 30 characters, no duplicates. */
export function cleanTags(tags: readonly string[]): string[] {
  const out = new Set<string>();
  for (const t of tags) {
    const tag = t.normalize('NFKC').trim().replace(/\s+/g, ' ');
    if (tag) out.add(tag.slice(0, 30));
  }
  return [...out];
}
