import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { SessionUser } from '../../../src-shared/contract';
import type { QueueExportInput } from '../../../src-shared/contract/queueExport';
import { DEFAULT_TIME_ZONE, isoDay } from '../../../src-shared/domain/time';
import type { CoreDeps } from '../../core/context';
import { recordAudit } from '../audit/record';
import type { Jobs } from '../imports/jobs';
import { getSettings } from '../settings/queries';
import { queueQuery } from '../tickets/views';
import { FILE_EXTENSION, fileTitle } from './fileNames';
import { queuePdfSpec } from './pdfQueueHeading';

/** A finished export file, for exports.chunk to hand out to the user who made it. */
export interface ExportFile {
  path: string;
  bytes: number;
  userId: number;
}

/**
 * exports.queue: resolves the queue's view and filters to the list query tickets.list
 * reads (so the file holds the same rows in the same order), starts the worker, and on
 * success records who exported what filter, in which format, how many rows.
 */
export async function startQueueExport(deps: CoreDeps, jobs: Jobs, input: QueueExportInput, user: SessionUser, keep: (jobId: string, file: ExportFile) => void): Promise<{ jobId: string }> {
  const { db, clock } = deps;
  const now = clock.now();
  const timeZone = (await getSettings(db)).timeZone ?? DEFAULT_TIME_ZONE;
  const query = queueQuery(input, user, isoDay(now, timeZone));
  // The desk's local time, as the people who file the export read it: 20261124-1030.
  const stamp = new Intl.DateTimeFormat('sv-SE', { timeZone, dateStyle: 'short', timeStyle: 'short' }).format(now).replace(/[-:]/g, '').replace(' ', '-');
  const fileName = `${fileTitle(input.title, 'export')}-${stamp}.${FILE_EXTENSION[input.format]}`;
  // On disk under a unique prefix: two exports in the same minute do not meet.
  const outPath = path.join(deps.dataDir, 'exports', `${randomUUID()}-${fileName}`);
  const filters = { status: input.status, type: input.type, priority: input.priority, assignee: input.assignee, text: input.text, drill: input.drill, sort: input.sort };
  const job = jobs.start(
    'queueExport',
    {
      kind: 'queueExport',
      spec: {
        outPath,
        fileName,
        format: input.format,
        filter: query?.filter ?? null,
        sort: query?.sort ?? input.sort,
        labels: input.labels,
        sheetName: input.title,
        timeZone,
        now,
        ...(input.format === 'pdf' ? { pdf: await queuePdfSpec(db, input, timeZone, now) } : {}),
      },
    },
    user.id,
    async (result, view) => {
      if (result.kind !== 'queueExport') return;
      view.file = { name: result.result.fileName, bytes: result.result.bytes };
      keep(view.jobId, { path: outPath, bytes: result.result.bytes, userId: user.id });
      await recordAudit(db, clock.now(), {
        userId: user.id,
        action: 'export.queue',
        entity: 'tickets',
        entityId: null,
        details: { view: input.view ?? null, filters, format: input.format, rows: result.result.rows, file: result.result.fileName },
      });
    },
  );
  return { jobId: job.jobId };
}
