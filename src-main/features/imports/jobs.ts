import { randomUUID } from 'node:crypto';
import type { ImportJob } from '../../../src-shared/contract/imports';
import { AppError } from '../../../src-shared/errors';
import type { CoreDeps } from '../../core/context';
import fs from 'node:fs';
import path from 'node:path';
import { startTask } from '../../workers/spawn';
import type { Task, TaskResult } from '../../workers/tasks';

interface Job {
  view: ImportJob;
  userId: number;
  cancel(): void;
  /** Resolves once the job has finished, however it ended. */
  finished: Promise<ImportJob>;
}

/** Problems with a file the user chose, as codes the renderer words. */
export const FILE_PROBLEMS = ['unsupportedFormat', 'unreadable', 'notAPackage', 'mappingRequired'];

/** Uploads and exports are kept this long, then removed (they hold customers' data). */
const KEEP_FILES_MS = 24 * 3_600_000;

/** Removes uploads and exports older than a day (at start: earlier runs' files included). */
export function sweepFiles(dataDir: string, now: number): void {
  for (const folder of ['imports', 'exports']) {
    const dir = path.join(dataDir, folder);
    if (!fs.existsSync(dir)) continue;
    for (const name of fs.readdirSync(dir)) {
      const file = path.join(dir, name);
      if (now - fs.statSync(file).mtimeMs > KEEP_FILES_MS) fs.rmSync(file, { force: true });
    }
  }
}

/** How often (at most) a running job announces its progress. */
const PROGRESS_EVERY_MS = 200;
/** Finished jobs are forgotten after this many newer ones. */
const KEEP_JOBS = 50;

/**
 * Long jobs (dry runs, imports, exports) of this session of the app: started in a worker
 * thread, read and cancelled by the user who started them, announced with job.progress.
 */
export function createJobs(deps: CoreDeps) {
  const jobs = new Map<string, Job>();
  // Jobs die with the app: a run still open from an earlier start ended there, unfinished.
  deps.sqlite.prepare("UPDATE import_runs SET outcome = 'failed', finished_at = ? WHERE outcome IS NULL").run(deps.clock.now());
  sweepFiles(deps.dataDir, deps.clock.now());

  function announce(job: Job): void {
    const { jobId, done, total, state } = job.view;
    deps.events.emit('job.progress', { jobId, done, total, state });
  }

  return {
    /** Starts `task`; `finish` turns its result into the job's reports (and may record it); `always` runs however it ended. */
    start(
      kind: ImportJob['kind'],
      task: Task,
      userId: number,
      finish: (result: TaskResult, view: ImportJob) => Promise<void> | void,
      always: () => void = () => {},
    ): ImportJob {
      for (const [id, old] of jobs) if (jobs.size >= KEEP_JOBS && old.view.state !== 'running') jobs.delete(id);
      const view: ImportJob = { jobId: randomUUID(), kind, state: 'running', done: 0, total: 0, reports: [], runId: null, file: null, error: null };
      let lastAnnounced = 0;
      const running = startTask(deps.sqlite, task, (done, total) => {
        view.done = done;
        view.total = total;
        if (Date.now() - lastAnnounced >= PROGRESS_EVERY_MS) {
          lastAnnounced = Date.now();
          announce(job);
        }
      });
      const finished = running.result
        .then(async (result) => {
          await finish(result, view);
          view.done = Math.max(view.done, view.total);
          if (view.state === 'running') view.state = 'done';
        })
        .catch((error: unknown) => {
          const message = error instanceof Error ? error.message : String(error);
          if (message === 'cancelled') {
            view.state = 'cancelled';
            return;
          }
          view.state = 'failed';
          // Known refusals (unreadable file, not a package…) are codes the renderer translates;
          // anything else is the app's fault, logged in full and shown as such.
          view.error = FILE_PROBLEMS.includes(message) ? message : 'internal';
          deps.logger.error('job failed', { kind, error: error instanceof Error ? (error.stack ?? message) : message });
        })
        .then(() => {
          always();
          announce(job);
          return view;
        });
      const job: Job = { view, userId, cancel: running.cancel, finished };
      jobs.set(view.jobId, job);
      return view;
    },

    get(jobId: string, userId: number): ImportJob {
      const job = jobs.get(jobId);
      if (!job || job.userId !== userId) throw new AppError('NOT_FOUND', `Job ${jobId} not found`);
      return job.view;
    },

    cancel(jobId: string, userId: number): ImportJob {
      const job = jobs.get(jobId);
      if (!job || job.userId !== userId) throw new AppError('NOT_FOUND', `Job ${jobId} not found`);
      if (job.view.state === 'running') job.cancel();
      return job.view;
    },

    /** Resolves when a job has finished (tests wait on it). */
    settled(jobId: string): Promise<ImportJob> {
      const job = jobs.get(jobId);
      if (!job) throw new AppError('NOT_FOUND', `Job ${jobId} not found`);
      return job.finished;
    },
  };
}

export type Jobs = ReturnType<typeof createJobs>;
