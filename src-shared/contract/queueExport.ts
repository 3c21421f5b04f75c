import { z } from 'zod';
import { TICKET_CHANNELS, TICKET_PRIORITIES, TICKET_STATUSES, TICKET_TYPES } from '../domain/tickets';
import { listTicketsInput } from './tickets';

/** A queue view exported as a file: XLSX, CSV in UTF-8 (with BOM, for Excel) or CSV in GB18030. */
export const QUEUE_EXPORT_FORMATS = ['xlsx', 'csv', 'csv-gb18030'] as const;
export type QueueExportFormat = (typeof QUEUE_EXPORT_FORMATS)[number];

/**
 * A queue view also prints: a landscape PDF of the same rows and columns, with the view's
 * name, its filters, the generation time and page numbers. (Audit exports keep to the
 * tabular formats above.)
 */
export const QUEUE_VIEW_FORMATS = [...QUEUE_EXPORT_FORMATS, 'pdf'] as const;
export type QueueViewFormat = (typeof QUEUE_VIEW_FORMATS)[number];

/** The columns, in file order: what the queue shows, plus the channel and the SLA due time. */
export const QUEUE_EXPORT_COLUMNS = ['number', 'subject', 'customer', 'type', 'priority', 'status', 'assignee', 'channel', 'requestedBy', 'createdAt', 'slaDueAt'] as const;
export type QueueExportColumn = (typeof QUEUE_EXPORT_COLUMNS)[number];

const label = z.string().trim().min(1).max(100);
const words = <K extends readonly [string, ...string[]]>(keys: K) => z.record(z.enum(keys), label);

/** The page number in a PDF's footer: the user's words around {page} and {pages}. */
export const PDF_PAGE_TOKENS = ['{page}', '{pages}'] as const;

/** The words a PDF adds around the table: its filter list, the generation time, the page footer. */
export const queueExportPdfLabels = z
  .object({
    /** The label of the text search filter (搜索). */
    search: label,
    /** Before the generation time (生成时间). */
    generatedAt: label,
    /** The footer of each page, e.g. 第 {page} 页，共 {pages} 页. */
    pageOf: label.refine((text) => PDF_PAGE_TOKENS.every((token) => text.includes(token)), { error: 'pageTokens' }),
    /** Between a filter's values (、 or , ). */
    separator: z.string().min(1).max(4),
  })
  .strict();
export type QueueExportPdfLabels = z.output<typeof queueExportPdfLabels>;

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
    /** PDF only (Chinese words when absent). */
    pdf: queueExportPdfLabels.optional(),
  })
  .strict();
export type QueueExportLabels = z.output<typeof queueExportLabels>;

/** The queue's own view, filters and order (as tickets.list takes them), the format, the file's title and its words. */
export const queueExportInput = listTicketsInput
  .omit({ cursor: true, limit: true })
  .extend({
    format: z.enum(QUEUE_VIEW_FORMATS),
    /** Names the file and the sheet, e.g. 队列-未分配; the desk time is appended. */
    title: z.string().trim().min(1).max(60),
    labels: queueExportLabels,
  })
  .strict();
export type QueueExportInput = z.output<typeof queueExportInput>;
