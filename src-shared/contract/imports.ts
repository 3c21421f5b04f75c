import { z } from 'zod';
import { IMPORT_ENTITIES, type ImportEntity } from '../domain/importFields';
import { channel } from './channel';
import { auditExportInput } from './audit';
import { queueExportInput } from './queueExport';
import { reportExportInput } from './reports';

export { IMPORT_ENTITIES, IMPORT_FIELDS, type ImportEntity, type ImportField } from '../domain/importFields';

/** Uploads travel in pieces of at most this many bytes (before base64). */
export const UPLOAD_CHUNK_BYTES = 4 * 1024 * 1024;
/** The largest file the wizard takes. */
export const MAX_IMPORT_BYTES = 512 * 1024 * 1024;

/** What the wizard learned from a file before any mapping. */
export interface UploadedTable {
  uploadId: string;
  fileName: string;
  format: 'csv' | 'xlsx' | 'package';
  /** How a CSV was read: 'utf-8' (with or without BOM), 'utf-16' (with BOM) or 'gb18030' (GBK files read as such). */
  encoding: 'utf-8' | 'utf-16' | 'gb18030' | null;
  headers: string[];
  /** The first rows, as text, for the mapping screen. */
  sample: string[][];
  rows: number;
  /** An export package: the entities it holds, in import order, with their row counts. */
  entities: { entity: ImportEntity; rows: number }[];
}

/** Field → column header; value maps turn the source's words (e.g. old priorities 1–5) into the app's. */
export const importMappingSchema = z
  .object({
    columns: z.record(z.string().max(50), z.string().max(200)),
    values: z.record(z.string().max(50), z.record(z.string().max(200), z.string().max(50))).default({}),
    /** How to read an ambiguous date such as 03/04/2026: day first (the default) or month first. */
    dayFirst: z.boolean().default(true),
  })
  .strict();
export type ImportMapping = z.output<typeof importMappingSchema>;

export interface RejectedRow {
  /** The line in the file (CSV: the physical line the record starts on; XLSX: the row number). */
  line: number;
  field: string | null;
  /** A validation code (required, invalid, phoneAreaCode, unknownReference, duplicateKey, brokenQuote…). */
  reason: string;
  value: string | null;
}

export interface ImportCounts {
  rows: number;
  created: number;
  /** Already imported by an earlier run (same key): left as they are. */
  unchanged: number;
  rejected: number;
}

export interface ImportReport extends ImportCounts {
  /** The first rejected rows with reasons (all of them up to MAX_REJECTED_LISTED). */
  rejectedRows: RejectedRow[];
}
export const MAX_REJECTED_LISTED = 1000;

export interface ImportJob {
  jobId: string;
  kind: 'import' | 'dryRun' | 'export' | 'queueExport' | 'auditExport' | 'reportExport';
  state: 'running' | 'done' | 'cancelled' | 'failed';
  /** Rows (or records) handled so far, of total. */
  done: number;
  total: number;
  /** Per entity, when finished (a package has several). */
  reports: ({ entity: ImportEntity } & ImportReport)[];
  /** The import run (for its source → new id log), once it wrote anything. */
  runId: number | null;
  /** For an export: the file to fetch with exports.chunk. */
  file: { name: string; bytes: number } | null;
  error: string | null;
}

export interface ImportTemplate {
  id: number;
  entity: ImportEntity;
  name: string;
  mapping: ImportMapping;
}

export interface ImportRun {
  id: number;
  /** 'package': an export package with several entities. */
  entity: ImportEntity | 'package';
  fileName: string;
  userName: string | null;
  startedAt: number;
  finishedAt: number | null;
  outcome: 'done' | 'cancelled' | 'failed' | null;
  counts: ImportCounts | null;
}

const jobId = z.string().regex(/^[a-z0-9-]{1,64}$/);
const entity = z.enum(IMPORT_ENTITIES);

export const imports = {
  /** Starts an upload; the file then arrives in chunks, in order. */
  begin: channel<{ uploadId: string }>()({
    input: z
      .object({ fileName: z.string().trim().min(1).max(255), bytes: z.number().int().min(1).max(MAX_IMPORT_BYTES) })
      .strict(),
    access: 'data.import',
  }),
  chunk: channel<{ received: number }>()({
    input: z
      .object({ uploadId: jobId, offset: z.number().int().min(0), dataBase64: z.string().max(Math.ceil(UPLOAD_CHUNK_BYTES / 3) * 4) })
      .strict(),
    access: 'data.import',
  }),
  /** Reads the uploaded file's headers and first rows (detecting its encoding). */
  inspect: channel<UploadedTable>()({ input: z.object({ uploadId: jobId }).strict(), access: 'data.import' }),
  /**
   * Checks (dryRun) or imports the file in a worker thread. A package (an export) ignores
   * entity and mapping: its files carry the fields' own names.
   */
  start: channel<{ jobId: string }>()({
    input: z
      .object({ uploadId: jobId, entity: entity.optional(), mapping: importMappingSchema.optional(), dryRun: z.boolean() })
      .strict()
      .refine((s) => s.entity === undefined || s.mapping !== undefined, { message: 'required', path: ['mapping'] }),
    access: 'data.import',
  }),
  job: channel<ImportJob>()({ input: z.object({ jobId }).strict(), access: 'data.import' }),
  /** Stops after the batch in hand: what was committed stays, and a re-run carries on. */
  cancel: channel<ImportJob>()({ input: z.object({ jobId }).strict(), access: 'data.import' }),
  templates: channel<ImportTemplate[]>()({ input: z.object({ entity }).strict(), access: 'data.import' }),
  saveTemplate: channel<ImportTemplate>()({
    input: z.object({ entity, name: z.string().trim().min(1).max(100), mapping: importMappingSchema }).strict(),
    access: 'data.import',
  }),
  removeTemplate: channel<null>()({ input: z.object({ id: z.number().int().positive() }).strict(), access: 'data.import' }),
  runs: channel<ImportRun[]>()({ input: z.object({}).strict(), access: 'data.import' }),
  /** A run's log: each source key and the id it became. */
  runLog: channel<{ items: { entity: ImportEntity; sourceKey: string; targetId: number }[]; nextCursor: string | null }>()({
    input: z.object({ runId: z.number().int().positive(), cursor: z.string().max(200).optional(), limit: z.number().int().min(1).max(500).default(100) }).strict(),
    access: 'data.import',
  }),
};

export const exportsChannels = {
  /** Writes every record, or one customer's, as CSV files per entity plus a manifest, in one zip (audited). */
  start: channel<{ jobId: string }>()({
    input: z.object({ customerId: z.number().int().positive().optional() }).strict(),
    access: 'data.export',
  }),
  /**
   * Writes a queue view with the user's filters, in the queue's order, as XLSX or CSV (the
   * same job, cancel and chunk channels fetch it; audited).
   */
  queue: channel<{ jobId: string }>()({ input: queueExportInput, access: 'data.export' }),
  /** Writes the audit trail entries a search finds, newest first, as XLSX or CSV (administrators; audited). */
  audit: channel<{ jobId: string }>()({ input: auditExportInput, access: 'audit.read' }),
  /** Writes a standard report with its filters as XLSX, CSV or PDF in a worker (service managers; audited). */
  report: channel<{ jobId: string }>()({ input: reportExportInput, access: 'reports.read' }),
  job: channel<ImportJob>()({ input: z.object({ jobId }).strict(), access: 'data.export' }),
  cancel: channel<ImportJob>()({ input: z.object({ jobId }).strict(), access: 'data.export' }),
  /** A finished export's bytes, a piece at a time. */
  chunk: channel<{ dataBase64: string; bytes: number; done: boolean }>()({
    input: z.object({ jobId, offset: z.number().int().min(0) }).strict(),
    access: 'data.export',
  }),
};
