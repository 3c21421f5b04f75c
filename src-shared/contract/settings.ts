import { z } from 'zod';
import { channel } from './channel';

export interface DeskSettings {
  companyName: string;
  /** The desk's time zone (IANA), set at first run from the machine's. */
  timeZone: string;
  /** Closed requests can be reopened for this many days after closing. */
  reopenWindowDays: number;
  /** A customer without a request or purchase for this many days is dormant (休眠)… */
  dormantAfterDays: number;
  /** …and lost (流失) after this many. */
  lostAfterDays: number;
  /** A window without keyboard or mouse input for this long locks until its user's password is typed. */
  idleLockMinutes: number;
  /** Closed requests lose their personal text after this many years; 0 keeps it. */
  personalDataYears: number;
}

export const IDLE_LOCK_LIMITS = { min: 1, max: 480, default: 30 } as const;
export const RETENTION_LIMITS = { min: 0, max: 30 } as const;

export const settings = {
  get: channel<DeskSettings>()({ input: z.object({}).strict(), access: 'signedIn' }),
  update: channel<DeskSettings>()({
    input: z
      .object({
        companyName: z.string().trim().min(1).max(100).optional(),
        reopenWindowDays: z.number().int().min(0).max(365).optional(),
        dormantAfterDays: z.number().int().min(1).max(3650).optional(),
        lostAfterDays: z.number().int().min(2).max(3650).optional(),
        idleLockMinutes: z.number().int().min(IDLE_LOCK_LIMITS.min).max(IDLE_LOCK_LIMITS.max).optional(),
        personalDataYears: z.number().int().min(RETENTION_LIMITS.min).max(RETENTION_LIMITS.max).optional(),
      })
      .strict()
      .refine((s) => s.dormantAfterDays === undefined || s.lostAfterDays === undefined || s.lostAfterDays > s.dormantAfterDays, {
        message: 'notAfterDormant',
        path: ['lostAfterDays'],
      }),
    access: 'settings.manage',
  }),
};
