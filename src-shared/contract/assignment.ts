import { z } from 'zod';
import { REGIONS, type Region } from '../domain/regions';
import { channel } from './channel';

export const ASSIGNMENT_STRATEGIES = ['least_load', 'round_robin'] as const;
export type AssignmentStrategy = (typeof ASSIGNMENT_STRATEGIES)[number];

export interface AssignmentRule {
  id: number;
  name: string;
  /** Rules are tried in this order; the first that matches and has an available engineer wins. */
  position: number;
  /** null = any product line. */
  productLine: string | null;
  /** null = any problem category. */
  problemCategoryId: number | null;
  /** null = customers anywhere; otherwise the region of the customer's province. */
  region: Region | null;
  strategy: AssignmentStrategy;
  active: boolean;
  engineers: { id: number; displayName: string; available: boolean }[];
}

const id = z.number().int().positive();

export const assignment = {
  rules: channel<AssignmentRule[]>()({ input: z.object({}).strict(), access: 'tickets.read' }),
  saveRule: channel<AssignmentRule>()({
    input: z
      .object({
        id: id.optional(),
        name: z.string().trim().min(1).max(100),
        position: z.number().int().min(0).max(10_000),
        productLine: z.string().trim().min(1).max(100).nullable(),
        problemCategoryId: id.nullable(),
        region: z.enum(REGIONS).nullable().default(null),
        strategy: z.enum(ASSIGNMENT_STRATEGIES),
        active: z.boolean().default(true),
        engineerIds: z.array(id).min(1).max(200),
      })
      .strict(),
    access: 'assignment.manage',
  }),
  removeRule: channel<null>()({ input: z.object({ id }).strict(), access: 'assignment.manage' }),
};
