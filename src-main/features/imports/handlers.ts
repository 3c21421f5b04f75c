import { open } from 'node:fs/promises';
import path from 'node:path';
import type { ImportJob, ImportMapping, ImportRun, ImportTemplate } from '../../../src-shared/contract/imports';
import type { ImportEntity } from '../../../src-shared/domain/importFields';
import { AppError, fieldError } from '../../../src-shared/errors';
import { requireUser, type CoreDeps } from '../../core/context';
import { defineHandlers } from '../../core/handlers';
import { startTask } from '../../workers/spawn';
import type { TaskResult } from '../../workers/tasks';
import { startAuditExport } from '../audit/exportJob';
import { recordAudit } from '../audit/record';
import { startQueueExport } from '../reports/queueExportJob';
import { startReportExport } from '../reports/reportExportJob';
import { getSettings } from '../settings/queries';
import { DEFAULT_TIME_ZONE } from '../../../src-shared/domain/time';
import { columnsOf } from './clean';
import type { InspectResult } from './inspect';
import { FILE_PROBLEMS, type Jobs } from './jobs';
import { createUploads } from './uploads';

/** A run log cursor: (entity, source key) of the last row shown. */
function decodeLogCursor(raw: string): [string, string] {
  try {
    const value: unknown = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && typeof value[0] === 'string' && typeof value[1] === 'string') return [value[0], value[1]];
  } catch {
    // fall through to the validation error
  }
  throw fieldError('cursor', 'invalid');
}

function parseMapping(json: string): ImportMapping {
  return JSON.parse(json) as ImportMapping;
}

/** The import wizard: upload, inspect, dry run, import, templates and the runs' logs. */
export function importsHandlers(deps: CoreDeps, jobs: Jobs) {
  const { db, clock } = deps;
  const uploads = createUploads(deps.dataDir, () => clock.now());
  /** What each upload was found to hold: the job that follows maps against it without reading the file again. */
  const inspected = new Map<string, InspectResult>();

  async function inspect(uploadId: string, userId: number): Promise<InspectResult> {
    const upload = uploads.get(uploadId, userId);
    const known = inspected.get(upload.id);
    if (known) return known;
    const result = await inspectFile(upload.filePath, upload.fileName);
    if (inspected.size > 100) inspected.clear();
    inspected.set(upload.id, result);
    return result;
  }

  async function inspectFile(filePath: string, fileName: string): Promise<InspectResult> {
    try {
      const done = (await startTask(deps.sqlite, { kind: 'inspect', filePath, fileName }, () => {}).result) as Extract<TaskResult, { kind: 'inspect' }>;
      return done.result;
    } catch (error) {
      const message = error instanceof Error ? error.message : '';
      // The file, not the app, is at fault: say which way. Anything else stays INTERNAL.
      if (FILE_PROBLEMS.includes(message)) {
        throw new AppError('VALIDATION', message, { fields: [{ path: 'uploadId', code: message, message }] });
      }
      throw error;
    }
  }

  return defineHandlers('imports', {
    begin: (input, ctx) => uploads.begin(input.fileName, input.bytes, requireUser(ctx).id),
    chunk: (input, ctx) => uploads.chunk(input.uploadId, input.offset, input.dataBase64, requireUser(ctx).id),
    inspect: async (input, ctx) => ({ uploadId: input.uploadId, ...(await inspect(input.uploadId, requireUser(ctx).id)) }),
    start: async (input, ctx) => {
      const user = requireUser(ctx);
      const upload = uploads.get(input.uploadId, user.id);
      const table = await inspect(upload.id, user.id);
      if (table.format !== 'package') {
        if (!input.entity || !input.mapping) throw fieldError('entity', 'required');
        // A mapping that names a column the file lacks is refused now, not after the upload's rows.
        columnsOf(input.entity, table.headers, input.mapping);
      }
      const startedAt = clock.now();
      const job = jobs.start(
        input.dryRun ? 'dryRun' : 'import',
        {
          kind: 'import',
          spec: {
            filePath: upload.filePath,
            fileName: upload.fileName,
            ...(table.format === 'package' ? {} : { entity: input.entity, mapping: input.mapping }),
            dryRun: input.dryRun,
            userId: user.id,
            now: startedAt,
          },
        },
        user.id,
        (result, view) => {
          if (result.kind !== 'import') return;
          view.reports = result.result.reports;
          view.runId = result.result.runId;
          view.state = result.result.state;
        },
        () => {
          // Finished, cancelled or failed part-way: committed batches may have written records.
          if (!input.dryRun) {
            // A worker stopped mid-file could not record its end: the run was cancelled.
            deps.sqlite
              .prepare("UPDATE import_runs SET outcome = 'cancelled', finished_at = ? WHERE outcome IS NULL AND user_id = ? AND started_at = ?")
              .run(clock.now(), user.id, startedAt);
            deps.events.emit('customers.changed', { ids: [] });
            deps.events.emit('tickets.changed', { ids: [] });
          }
        },
      );
      return { jobId: job.jobId };
    },
    job: (input, ctx) => jobs.get(input.jobId, requireUser(ctx).id),
    cancel: (input, ctx) => jobs.cancel(input.jobId, requireUser(ctx).id),
    templates: async (input) => {
      const rows = await db.selectFrom('import_templates').selectAll().where('entity', '=', input.entity).orderBy('name').execute();
      return rows.map((r): ImportTemplate => ({ id: r.id, entity: r.entity as ImportEntity, name: r.name, mapping: parseMapping(r.mapping) }));
    },
    saveTemplate: async (input) => {
      // Saving under a name in use replaces that template: the wizard's "save" overwrites.
      const row = await db
        .insertInto('import_templates')
        .values({ entity: input.entity, name: input.name, mapping: JSON.stringify(input.mapping), updated_at: clock.now() })
        .onConflict((oc) => oc.columns(['entity', 'name']).doUpdateSet({ mapping: JSON.stringify(input.mapping), updated_at: clock.now() }))
        .returningAll()
        .executeTakeFirstOrThrow();
      return { id: row.id, entity: row.entity as ImportEntity, name: row.name, mapping: parseMapping(row.mapping) };
    },
    removeTemplate: async (input) => {
      const removed = await db.deleteFrom('import_templates').where('id', '=', input.id).executeTakeFirst();
      if (Number(removed.numDeletedRows) === 0) throw new AppError('NOT_FOUND', `Template ${input.id} not found`);
      return null;
    },
    runs: async () => {
      const rows = await db
        .selectFrom('import_runs as r')
        .leftJoin('users as u', 'u.id', 'r.user_id')
        .select(['r.id', 'r.entity', 'r.file_name', 'r.started_at', 'r.finished_at', 'r.outcome', 'r.summary', 'u.display_name'])
        .orderBy('r.id', 'desc')
        .limit(100)
        .execute();
      return rows.map(
        (r): ImportRun => ({
          id: r.id,
          entity: r.entity as ImportRun['entity'],
          fileName: r.file_name,
          userName: r.display_name,
          startedAt: r.started_at,
          finishedAt: r.finished_at,
          outcome: r.outcome as ImportRun['outcome'],
          counts: r.summary ? (JSON.parse(r.summary) as ImportRun['counts']) : null,
        }),
      );
    },
    runLog: async (input) => {
      let q = db.selectFrom('import_keys').select(['entity', 'source_key', 'target_id']).where('run_id', '=', input.runId);
      if (input.cursor) {
        const [entity, key] = decodeLogCursor(input.cursor);
        q = q.where((eb) => eb.or([eb('entity', '>', entity), eb.and([eb('entity', '=', entity), eb('source_key', '>', key)])]));
      }
      const rows = await q.orderBy('entity').orderBy('source_key').limit(input.limit + 1).execute();
      const page = rows.slice(0, input.limit);
      const last = page.at(-1);
      return {
        items: page.map((r) => ({ entity: r.entity as ImportEntity, sourceKey: r.source_key, targetId: r.target_id })),
        nextCursor: rows.length > input.limit && last ? Buffer.from(JSON.stringify([last.entity, last.source_key])).toString('base64url') : null,
      };
    },
  });
}

/** Exports: every record or one customer's, as a zip of CSVs, fetched back in pieces; audited. */
export function exportsHandlers(deps: CoreDeps, jobs: Jobs) {
  const { db, clock } = deps;
  const folder = path.join(deps.dataDir, 'exports');
  const files = new Map<string, { path: string; bytes: number; userId: number }>();
  const CHUNK = 4 * 1024 * 1024;

  return defineHandlers('exports', {
    start: async (input, ctx) => {
      const user = requireUser(ctx);
      let label = 'all';
      if (input.customerId !== undefined) {
        const customer = await db.selectFrom('customers').select('customer_no').where('id', '=', input.customerId).executeTakeFirst();
        if (!customer) throw fieldError('customerId', 'notFound');
        label = customer.customer_no;
      }
      const now = clock.now();
      // The desk's local time, as the people who file the export read it.
      const timeZone = (await getSettings(db)).timeZone ?? DEFAULT_TIME_ZONE;
      const stamp = new Intl.DateTimeFormat('sv-SE', { timeZone, dateStyle: 'short', timeStyle: 'medium' }).format(now).replace(/[-:]/g, '').replace(' ', '-');
      const outPath = path.join(folder, `serviceloop-${label}-${stamp}.zip`);
      const job: ImportJob = jobs.start('export', { kind: 'export', spec: { outPath, now, ...(input.customerId !== undefined ? { customerId: input.customerId } : {}) } }, user.id, async (result, view) => {
        if (result.kind !== 'export') return;
        view.file = { name: result.result.fileName, bytes: result.result.bytes };
        files.set(view.jobId, { path: outPath, bytes: result.result.bytes, userId: user.id });
        await recordAudit(db, clock.now(), {
          userId: user.id,
          action: input.customerId === undefined ? 'export.all' : 'export.customer',
          entity: input.customerId === undefined ? 'desk' : 'customer',
          entityId: input.customerId ?? null,
          details: { file: result.result.fileName, counts: result.result.counts },
        });
      });
      return { jobId: job.jobId };
    },
    queue: (input, ctx) => startQueueExport(deps, jobs, input, requireUser(ctx), (jobId, file) => files.set(jobId, file)),
    audit: (input, ctx) => startAuditExport(deps, jobs, input, requireUser(ctx), (jobId, file) => files.set(jobId, file)),
    report: (input, ctx) => startReportExport(deps, jobs, input, requireUser(ctx), (jobId, file) => files.set(jobId, file)),
    job: (input, ctx) => jobs.get(input.jobId, requireUser(ctx).id),
    cancel: (input, ctx) => jobs.cancel(input.jobId, requireUser(ctx).id),
    chunk: async (input, ctx) => {
      const file = files.get(input.jobId);
      if (!file || file.userId !== requireUser(ctx).id) throw new AppError('NOT_FOUND', `Export ${input.jobId} not found`);
      if (input.offset > file.bytes) throw fieldError('offset', 'invalid');
      const handle = await open(file.path, 'r');
      try {
        const length = Math.min(CHUNK, file.bytes - input.offset);
        const buffer = Buffer.alloc(length);
        await handle.read(buffer, 0, length, input.offset);
        return { dataBase64: buffer.toString('base64'), bytes: length, done: input.offset + length >= file.bytes };
      } finally {
        await handle.close();
      }
    },
  });
}
