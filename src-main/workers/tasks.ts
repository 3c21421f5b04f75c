import type Database from 'better-sqlite3';
import type { WorkerGate } from '../db/writeGate';
import { runAuditExport, type AuditExportResult, type AuditExportSpec } from '../features/audit/export';
import { quickCheck } from '../db/quickCheck';
import { runDashboardRebuild, type RebuildResult, type RebuildSpec } from '../features/dashboard/rebuild';
import { runBackup, verifyBackup, type BackupResult, type BackupSpec, type VerifyResult, type VerifySpec } from '../features/backup/task';
import { runExport, type ExportResult, type ExportSpec } from '../features/exports/package';
import { inspectFile, type InspectResult } from '../features/imports/inspect';
import { runImport, type ImportResult, type ImportSpec } from '../features/imports/engine';
import { runQueueExport, type QueueExportResult, type QueueExportSpec } from '../features/reports/queueExport';
import { computeReport, renderReportFile, type ReportFileRequest, type ReportFileResult, type ReportRunSpec } from '../features/reports/render';
import type { ReportData } from '../../src-shared/contract/reports';

// The long jobs a worker thread runs, each a plain synchronous function over the worker's
// own connection. Tests (in-memory databases) call runTask in the test's thread.

export type Task =
  | { kind: 'inspect'; filePath: string; fileName: string }
  | { kind: 'import'; spec: ImportSpec }
  | { kind: 'export'; spec: ExportSpec }
  | { kind: 'queueExport'; spec: QueueExportSpec }
  | { kind: 'auditExport'; spec: AuditExportSpec }
  | { kind: 'reportRun'; spec: ReportRunSpec }
  | { kind: 'reportExport'; spec: ReportFileRequest }
  | { kind: 'backup'; spec: BackupSpec }
  | { kind: 'verifyBackup'; spec: VerifySpec }
  | { kind: 'quickCheck' }
  | { kind: 'dashboardRebuild'; spec: RebuildSpec };

export type TaskResult =
  | { kind: 'inspect'; result: InspectResult }
  | { kind: 'import'; result: ImportResult }
  | { kind: 'export'; result: ExportResult }
  | { kind: 'queueExport'; result: QueueExportResult }
  | { kind: 'auditExport'; result: AuditExportResult }
  | { kind: 'reportRun'; result: ReportData }
  | { kind: 'reportExport'; result: ReportFileResult }
  | { kind: 'backup'; result: BackupResult }
  | { kind: 'verifyBackup'; result: VerifyResult }
  | { kind: 'quickCheck'; result: string }
  | { kind: 'dashboardRebuild'; result: RebuildResult };

export interface TaskHooks {
  progress(done: number, total: number): void;
  cancelled(): boolean;
  /** How a task that writes gives way to the main thread's writes (absent: nothing to give way to). */
  gate?: WorkerGate;
}

/** Synchronous, except a backup (SQLite's backup API copies in steps between turns of the event loop) and the reports (Kysely's queries are promises). */
export function runTask(sqlite: Database.Database, task: Task, hooks: TaskHooks): TaskResult | Promise<TaskResult> {
  switch (task.kind) {
    case 'inspect':
      return { kind: 'inspect', result: inspectFile(task.filePath, task.fileName) };
    case 'import':
      return { kind: 'import', result: runImport(sqlite, task.spec, hooks) };
    case 'export':
      return { kind: 'export', result: runExport(sqlite, task.spec, hooks) };
    case 'queueExport':
      return { kind: 'queueExport', result: runQueueExport(sqlite, task.spec, hooks) };
    case 'auditExport':
      return { kind: 'auditExport', result: runAuditExport(sqlite, task.spec, hooks) };
    case 'reportRun':
      return computeReport(sqlite, task.spec).then((result) => ({ kind: 'reportRun', result }));
    case 'reportExport':
      return renderReportFile(sqlite, task.spec, hooks).then((result) => ({ kind: 'reportExport', result }));
    case 'backup':
      return runBackup(sqlite, task.spec, hooks).then((result) => ({ kind: 'backup', result }));
    case 'verifyBackup':
      return { kind: 'verifyBackup', result: verifyBackup(task.spec) };
    case 'quickCheck':
      return { kind: 'quickCheck', result: quickCheck(sqlite) };
    case 'dashboardRebuild':
      return { kind: 'dashboardRebuild', result: runDashboardRebuild(sqlite, task.spec, hooks.gate) };
  }
}
