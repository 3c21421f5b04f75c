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
}

export const settings = {
  get: channel<DeskSettings>()({ input: z.object({}).strict(), access: 'signedIn' }),
  update: channel<DeskSettings>()({
    input: z
      .object({
        companyName: z.string().trim().min(1).max(100).optional(),
        reopenWindowDays: z.number().int().min(0).max(365).optional(),
        dormantAfterDays: z.number().int().min(1).max(3650).optional(),
        lostAfterDays: z.number().int().min(2).max(3650).optional(),
      })
      .strict()
      .refine((s) => s.dormantAfterDays === undefined || s.lostAfterDays === undefined || s.lostAfterDays > s.dormantAfterDays, {
        message: 'notAfterDormant',
        path: ['lostAfterDays'],
      }),
    access: 'settings.manage',
  }),
};
