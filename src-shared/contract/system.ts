import { z } from 'zod';
import { LOCALES, type Locale } from '../domain/locale';
import { channel } from './channel';
import type { SessionUser } from './auth';
import { passwordSchema, usernameSchema, displayNameSchema } from './auth';

export interface SystemStatus {
  setupDone: boolean;
  companyName: string | null;
  defaultLocale: Locale | null;
  version: string;
  /**
   * The database failed its check at start (PRAGMA quick_check): the app runs so that an
   * administrator can restore a backup; the folder says where backups are.
   */
  databaseProblem: { backupsFolder: string } | null;
}

export const system = {
  status: channel<SystemStatus>()({ input: z.object({}).strict(), access: 'public' }),
  /** First run only: company, language and the first administrator; signs that admin in. */
  setup: channel<{ user: SessionUser; demoTickets: number }>()({
    input: z
      .object({
        companyName: z.string().trim().min(1).max(100),
        locale: z.enum(LOCALES),
        admin: z
          .object({
            username: usernameSchema,
            displayName: displayNameSchema,
            password: passwordSchema,
          })
          .strict(),
        demoData: z.boolean(),
      })
      .strict(),
    access: 'public',
  }),
};
