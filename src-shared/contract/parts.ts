import { z } from 'zod';
import { channel } from './channel';

export interface Part {
  id: number;
  partNo: string;
  name: string;
  /** Minor units (fen) of `currency`. */
  unitPrice: number;
  currency: string;
  active: boolean;
}

export const parts = {
  list: channel<Part[]>()({ input: z.object({ includeInactive: z.boolean().default(false) }).strict(), access: 'parts.read' }),
  /** Creates (no id) or updates a catalog entry; part numbers are unique. */
  save: channel<Part>()({
    input: z
      .object({
        id: z.number().int().positive().optional(),
        partNo: z.string().trim().min(1).max(64).regex(/^[A-Za-z0-9._\-/]+$/, { error: 'partNo' }),
        name: z.string().trim().min(1).max(200),
        unitPrice: z.number().int().min(0).max(100_000_000),
        active: z.boolean().default(true),
      })
      .strict(),
    access: 'parts.manage',
  }),
};
