import { z } from 'zod';
import { channel } from './channel';

export interface DeskSettings {
  companyName: string;
  /** The desk's time zone (IANA), set at first run from the machine's. */
  timeZone: string;
  /** Closed requests can be reopened for this many days after closing. */
  reopenWindowDays: number;
}

export const settings = {
  get: channel<DeskSettings>()({ input: z.object({}).strict(), access: 'signedIn' }),
  update: channel<DeskSettings>()({
    input: z
      .object({
        companyName: z.string().trim().min(1).max(100).optional(),
        reopenWindowDays: z.number().int().min(0).max(365).optional(),
      })
      .strict(),
    access: 'settings.manage',
  }),
};
