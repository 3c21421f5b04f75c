import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { SessionUser } from '../../../src-shared/contract';
import type { ReportExportInput } from '../../../src-shared/contract/reports';
import { DEFAULT_TIME_ZONE } from '../../../src-shared/domain/time';
import type { CoreDeps } from '../../core/context';
import { recordAudit } from '../audit/record';
import type { Jobs } from '../imports/jobs';
import { getSettings } from '../settings/queries';
import { ticketScope } from '../users/scope';
import type { ExportFile } from './queueExportJob';
import { reportFileName } from './render';

/**
 * exports.report: writes a standard report with the user's filters and words in a worker
 * (the same job, cancel and chunk channels as the other exports), within the user's data
 * scope; on success records who exported which report, with what filters, in which
 * format, how many rows.
 */
export async function startReportExport(deps: CoreDeps, jobs: Jobs, input: ReportExportInput, user: SessionUser, keep: (jobId: string, file: ExportFile) => void): Promise<{ jobId: string }> {
  const { db, clock } = deps;
  const now = clock.now();
  const timeZone = (await getSettings(db)).timeZone ?? DEFAULT_TIME_ZONE;
  // On disk under a unique prefix: two exports of the same report and period do not meet.
  const outPath = path.join(deps.dataDir, 'exports', `${randomUUID()}-${reportFileName(input.words.title, input.filters, input.format)}`);
  const scope = ticketScope(user);
  const job = jobs.start(
    'reportExport',
    { kind: 'reportExport', spec: { report: input.report, filters: input.filters, format: input.format, words: input.words, timeZone, now, outPath, ...(scope ? { scope } : {}) } },
    user.id,
    async (result, view) => {
      if (result.kind !== 'reportExport') return;
      view.file = { name: result.result.fileName, bytes: result.result.bytes };
      keep(view.jobId, { path: outPath, bytes: result.result.bytes, userId: user.id });
      await recordAudit(db, clock.now(), {
        userId: user.id,
        action: 'export.report',
        entity: 'report',
        entityId: null,
        details: { report: input.report, filters: input.filters, format: input.format, rows: result.result.rows, file: result.result.fileName },
      });
    },
  );
  return { jobId: job.jobId };
}
