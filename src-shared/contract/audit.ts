import { z } from 'zod';
import { channel } from './channel';
import { QUEUE_EXPORT_FORMATS } from './queueExport';

export interface AuditEntryView {
  id: number;
  at: number;
  userId: number | null;
  /** The account's display name (kept for disabled accounts). */
  userName: string | null;
  action: string;
  entity: string;
  entityId: number | null;
  details: Record<string, unknown> | null;
}

export interface AuditPage {
  items: AuditEntryView[];
  /** Pass as `before` for the next (older) page; null at the oldest entry. */
  nextBefore: number | null;
}

export interface AuditVerification {
  /** Entries whose hash follows from the ones before. */
  checked: number;
  /** The first entry that does not (changed, or one before it removed), or null. */
  brokenAt: number | null;
}

export const AUDIT_PAGE_SIZE = 100;

export const auditFilter = z
  .object({
    userId: z.number().int().positive().optional(),
    /** An exact action ('user.create') or a prefix ending in a dot ('auth.'). */
    action: z.string().trim().min(1).max(64).optional(),
    entity: z.string().trim().min(1).max(64).optional(),
    entityId: z.number().int().positive().optional(),
    /** Epoch milliseconds, inclusive… */
    from: z.number().int().nonnegative().optional(),
    /** …and exclusive. */
    to: z.number().int().positive().optional(),
  })
  .strict();

export type AuditFilter = z.infer<typeof auditFilter>;

/** The columns of an exported audit trail, in file order. */
export const AUDIT_EXPORT_COLUMNS = ['at', 'user', 'action', 'entity', 'entityId', 'details'] as const;
export type AuditExportColumn = (typeof AUDIT_EXPORT_COLUMNS)[number];

const word = z.string().trim().min(1).max(100);

/**
 * A search's entries as a file, in the user's language: the column headers, the words for
 * actions and object types (a code without one is written as recorded), and who did what
 * when nobody signed in did (the desk itself; an unknown person trying to sign in).
 */
export const auditExportInput = auditFilter
  .extend({
    format: z.enum(QUEUE_EXPORT_FORMATS),
    headers: z.record(z.enum(AUDIT_EXPORT_COLUMNS), word),
    words: z
      .object({
        actions: z.record(z.string().min(1).max(64), word),
        entities: z.record(z.string().min(1).max(64), word),
        system: word,
        unknownPerson: word,
      })
      .strict(),
  })
  .strict();
export type AuditExportInput = z.output<typeof auditExportInput>;
export type AuditExportWords = AuditExportInput['words'];

export const audit = {
  /** Newest first, keyset-paged by id. */
  list: channel<AuditPage>()({
    input: auditFilter.extend({ before: z.number().int().positive().optional() }).strict(),
    access: 'audit.read',
  }),
  /** The actions recorded so far, for the filter. */
  actions: channel<string[]>()({ input: z.object({}).strict(), access: 'audit.read' }),
  /** Walks the whole hash chain (in slices, without holding up the desk). */
  verify: channel<AuditVerification>()({ input: z.object({}).strict(), access: 'audit.read' }),
};
