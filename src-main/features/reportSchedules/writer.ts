import type { CoreDeps } from '../../core/context';
import { startTask } from '../../workers/spawn';
import type { ReportFileRequest } from '../reports/render';

/** One report file a run asks for: the report with its period filled in, written to outPath. */
export type ScheduledReportFile = ReportFileRequest;

/**
 * Writes a report file and says how big it came out. The core's writer runs the reports'
 * own renderer in a worker thread (so a large report never blocks the main thread); tests
 * pass ones that fail on purpose or never finish.
 */
export type ReportWriter = (file: ScheduledReportFile) => Promise<{ bytes: number; rows: number }>;

/** The core's writer: the standard reports' renderer, as the 'reportExport' worker task. */
export function workerReportWriter(deps: CoreDeps): ReportWriter {
  return async (file) => {
    const result = await startTask(deps.sqlite, { kind: 'reportExport', spec: file }, () => {}).result;
    if (result.kind !== 'reportExport') throw new Error(`A report run came back as ${result.kind}`);
    return { bytes: result.result.bytes, rows: result.result.rows };
  };
}
