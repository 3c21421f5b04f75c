import { z } from 'zod';
import { TICKET_CHANNELS, TICKET_PRIORITIES, TICKET_STATUSES, TICKET_TYPES } from '../domain/tickets';
import { listTicketsInput } from './tickets';

/** A queue view exported as a file: XLSX, CSV in UTF-8 (with BOM, for Excel) or CSV in GB18030. */
export const QUEUE_EXPORT_FORMATS = ['xlsx', 'csv', 'csv-gb18030'] as const;
export type QueueExportFormat = (typeof QUEUE_EXPORT_FORMATS)[number];

/** The columns, in file order: what the queue shows, plus the channel and the SLA due time. */
export const QUEUE_EXPORT_COLUMNS = ['number', 'subject', 'customer', 'type', 'priority', 'status', 'assignee', 'channel', 'requestedBy', 'createdAt', 'slaDueAt'] as const;
export type QueueExportColumn = (typeof QUEUE_EXPORT_COLUMNS)[number];

const label = z.string().trim().min(1).max(100);
const words = <K extends readonly [string, ...string[]]>(keys: K) => z.record(z.enum(keys), label);

/**
 * The words the file uses, in the user's language, from the renderer's catalogs: column
 * headers and the coded values (status, type, priority, channel) as users see them.
 */
export const queueExportLabels = z
  .object({
    columns: words(QUEUE_EXPORT_COLUMNS),
    status: words(TICKET_STATUSES),
    type: words(TICKET_TYPES),
    priority: words(TICKET_PRIORITIES),
    channel: words(TICKET_CHANNELS),
    /** The assignee cell of a request nobody owns. */
    unassigned: label,
  })
  .strict();
export type QueueExportLabels = z.output<typeof queueExportLabels>;

/** The queue's own view, filters and order (as tickets.list takes them), the format, the file's title and its words. */
export const queueExportInput = listTicketsInput
  .omit({ cursor: true, limit: true })
  .extend({
    format: z.enum(QUEUE_EXPORT_FORMATS),
    /** Names the file and the sheet, e.g. 队列-未分配; the desk time is appended. */
    title: z.string().trim().min(1).max(60),
    labels: queueExportLabels,
  })
  .strict();
export type QueueExportInput = z.output<typeof queueExportInput>;
