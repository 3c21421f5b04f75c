import { z } from 'zod';
import type { CronPick } from '../domain/cronPicker';
import { RELATIVE_PERIODS, REPORT_IDS, type RelativePeriod, type ReportId } from '../domain/reports';
import { channel } from './channel';
import { reportFiltersObject, reportWords } from './reports';

/** A report's filters without its period: a schedule's period is relative to each run. */
export const scheduleFilters = reportFiltersObject.omit({ from: true, to: true });
export type ScheduleFilters = z.output<typeof scheduleFilters>;

/** The file a scheduled run writes: XLSX, PDF, or CSV (UTF-8 with BOM, or GB18030). */
export const SCHEDULE_FORMATS = ['xlsx', 'pdf', 'csv', 'csv-gb18030'] as const;
export type ScheduleFormat = (typeof SCHEDULE_FORMATS)[number];

/**
 * Why a run failed, as the runs list and the notification word it: the folder is gone or
 * refuses files (a share offline, permissions), the disk is full, the app stopped during
 * the run, or anything else (internal: details in the log).
 */
export const SCHEDULE_RUN_ERRORS = ['folderMissing', 'folderUnwritable', 'diskFull', 'ownerInactive', 'interrupted', 'internal'] as const;
export type ScheduleRunError = (typeof SCHEDULE_RUN_ERRORS)[number];

export interface ReportScheduleRun {
  id: number;
  scheduleId: number;
  /** scheduled: on the schedule (catching up once after a missed slot); manual: 立即运行. */
  trigger: 'scheduled' | 'manual';
  /** The scheduled time the run is for (null for a manual one). */
  slotAt: number | null;
  startedAt: number;
  finishedAt: number | null;
  /** null while it runs. */
  outcome: 'ok' | 'failed' | null;
  error: ScheduleRunError | null;
  /** The period the report covered, desk days. */
  from: string;
  to: string;
  /** The file's name in the folder (ok runs). */
  fileName: string | null;
  rows: number | null;
  bytes: number | null;
  durationMs: number | null;
  /** Who ran it by hand. */
  by: string | null;
}

export interface ReportSchedule {
  id: number;
  name: string;
  report: ReportId;
  filters: ScheduleFilters;
  period: RelativePeriod;
  format: ScheduleFormat;
  folder: string;
  /** Five fields, read in the desk's time zone. */
  cron: string;
  /** The picker's reading of cron, or null for an advanced expression. */
  pick: CronPick | null;
  paused: boolean;
  owner: { id: number; displayName: string };
  /** When it runs next (null while paused). */
  nextRunAt: number | null;
  lastRun: ReportScheduleRun | null;
  createdAt: number;
  updatedAt: number;
}

export interface ReportScheduleList {
  schedules: ReportSchedule[];
  /** The desk's time zone: schedules run on its clocks. */
  timeZone: string;
}

const id = z.number().int().positive();

export const saveScheduleInput = z
  .object({
    /** Absent for a new schedule. */
    id: id.optional(),
    name: z.string().trim().min(1).max(100),
    report: z.enum(REPORT_IDS),
    filters: scheduleFilters,
    period: z.enum(RELATIVE_PERIODS),
    format: z.enum(SCHEDULE_FORMATS),
    /** An absolute path or a network share (\\server\share\folder) that exists and takes files. */
    folder: z.string().trim().min(1).max(1000),
    cron: z.string().trim().min(1).max(120),
    /** The report's words in the saving user's language: the files are written in them. */
    words: reportWords,
  })
  .strict();
export type SaveScheduleInput = z.output<typeof saveScheduleInput>;

/** Scheduled reports: supervisors write reports into folders on a schedule; every run is listed. */
export const reportSchedules = {
  list: channel<ReportScheduleList>()({ input: z.object({}).strict(), access: 'reports.schedule' }),
  /** Creates or edits; the folder is checked (it exists and takes a file) and the expression validated. */
  save: channel<ReportSchedule>()({ input: saveScheduleInput, access: 'reports.schedule' }),
  remove: channel<{ removed: true }>()({ input: z.object({ id }).strict(), access: 'reports.schedule' }),
  /** Paused schedules do not run; resuming runs from the next slot (missed ones are not caught up). */
  setPaused: channel<ReportSchedule>()({ input: z.object({ id, paused: z.boolean() }).strict(), access: 'reports.schedule' }),
  /** Runs it now, in a worker; the run is listed (follow it with runs). */
  runNow: channel<ReportScheduleRun>()({ input: z.object({ id }).strict(), access: 'reports.schedule' }),
  runs: channel<ReportScheduleRun[]>()({
    input: z.object({ scheduleId: id, limit: z.number().int().min(1).max(200).default(20) }).strict(),
    access: 'reports.schedule',
  }),
};
