import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { SessionUser } from '../../../src-shared/contract';
import type { AuditExportInput } from '../../../src-shared/contract/audit';
import { DEFAULT_TIME_ZONE } from '../../../src-shared/domain/time';
import type { CoreDeps } from '../../core/context';
import type { Jobs } from '../imports/jobs';
import type { ExportFile } from '../reports/queueExportJob';
import { getSettings } from '../settings/queries';
import { recordAudit } from './record';
import { FILE_EXTENSION } from '../reports/fileNames';


/** exports.audit: starts the worker; on success records who exported which search, how many entries. */
export async function startAuditExport(deps: CoreDeps, jobs: Jobs, input: AuditExportInput, user: SessionUser, keep: (jobId: string, file: ExportFile) => void): Promise<{ jobId: string }> {
  const { db, clock } = deps;
  const now = clock.now();
  const timeZone = (await getSettings(db)).timeZone ?? DEFAULT_TIME_ZONE;
  const { format, headers, words, ...filter } = input;
  const stamp = new Intl.DateTimeFormat('sv-SE', { timeZone, dateStyle: 'short', timeStyle: 'short' }).format(now).replace(/[-:]/g, '').replace(' ', '-');
  const fileName = `audit-${stamp}.${FILE_EXTENSION[format]}`;
  const outPath = path.join(deps.dataDir, 'exports', `${randomUUID()}-${fileName}`);
  const job = jobs.start('auditExport', { kind: 'auditExport', spec: { outPath, fileName, format, filter, headers, words, timeZone, now } }, user.id, async (result, view) => {
    if (result.kind !== 'auditExport') return;
    view.file = { name: result.result.fileName, bytes: result.result.bytes };
    keep(view.jobId, { path: outPath, bytes: result.result.bytes, userId: user.id });
    await recordAudit(db, clock.now(), { userId: user.id, action: 'export.audit', entity: 'audit_log', entityId: null, details: { filter, format, rows: result.result.rows } });
  });
  return { jobId: job.jobId };
}
