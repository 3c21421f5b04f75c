import { z } from 'zod';
import { channel } from './channel';

export interface ErasureResult {
  customerId: number;
  /** Requests whose personal text was cleared. */
  requests: number;
  contacts: number;
}

export const privacy = {
  /**
   * Erases a customer's personal data on their request (PIPL): the records stay for the
   * statistics, numbered, with every personal field cleared. Cannot be undone (backups aside).
   */
  erase: channel<ErasureResult>()({
    input: z.object({ customerId: z.number().int().positive(), reason: z.string().trim().min(1).max(200) }).strict(),
    access: 'privacy.manage',
  }),
};
