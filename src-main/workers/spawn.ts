import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';
import { writeGateOf } from '../db/connection';
import { runTask, type Task, type TaskHooks, type TaskResult } from './tasks';

/** How long a cancelled worker may take to reach its next batch before it is stopped. */
const CANCEL_GRACE_MS = 3000;

export interface RunningTask {
  result: Promise<TaskResult>;
  cancel(): void;
  /** Settles when the worker has loaded and begins the task (benches time the task from here). */
  ready: Promise<void>;
}

/**
 * A young generation of 192 MB (64 MB semi-spaces, V8's default is 16): an import makes
 * millions of short-lived strings and objects, and with the default the worker spent a
 * fifth of its time collecting them (CPU profile of a 200k-row import; about 20% less CPU
 * time with this). Costs about 130 MB more memory while a job runs.
 */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 192 };

/**
 * The worker's entry: out/main/jobWorker.js next to the bundled main (electron-vite builds it
 * as its own input), or else the TypeScript source, loaded through tsx's API (the web host
 * and the tests run from source; Node 20 does not hand `--import tsx` on to a worker).
 */
function workerEntry(): { code: string | URL; eval: boolean } {
  const built = new URL('./jobWorker.js', import.meta.url);
  if (fs.existsSync(fileURLToPath(built))) return { code: built, eval: false };
  const source = new URL('./jobWorker.ts', import.meta.url).href;
  // tsx's ES-module API, found through its package.json (require.resolve would pick the CommonJS build).
  const manifest = createRequire(import.meta.url).resolve('tsx/package.json');
  const api = (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { exports: Record<string, { import: { default: string } }> }).exports['./esm/api']!.import.default;
  const tsx = pathToFileURL(path.join(path.dirname(manifest), api)).href;
  return { code: `import(${JSON.stringify(tsx)}).then(({ tsImport }) => tsImport(${JSON.stringify(source)}, ${JSON.stringify(source)}))`, eval: true };
}

/**
 * Runs a long task in a worker thread with its own connection to the database file. An
 * in-memory database (tests) cannot be shared with another thread, so there the task runs
 * here, synchronously: the same code, only without the thread.
 */
export function startTask(sqlite: Database.Database, task: Task, onProgress: (done: number, total: number) => void): RunningTask {
  const cancel = new SharedArrayBuffer(4);
  const flag = new Int32Array(cancel);
  if (sqlite.memory) {
    const hooks: TaskHooks = { progress: onProgress, cancelled: () => Atomics.load(flag, 0) === 1 };
    return {
      // Deferred a tick so a caller can read the job as started before it runs.
      result: new Promise((resolve, reject) =>
        setImmediate(() => {
          try {
            resolve(runTask(sqlite, task, hooks));
          } catch (error) {
            reject(error instanceof Error ? error : new Error(String(error)));
          }
        }),
      ),
      cancel: () => Atomics.store(flag, 0, 1),
      ready: Promise.resolve(),
    };
  }
  const entry = workerEntry();
  // The worker's write batches give way to this thread's writes through the connection's gate.
  const gate = writeGateOf(sqlite)?.shared ?? null;
  const worker = new Worker(entry.code, { eval: entry.eval, workerData: { dbPath: sqlite.name, task, cancel, gate }, resourceLimits: WORKER_LIMITS });
  let settled = false;
  let stopped = false;
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  const result = new Promise<TaskResult>((resolve, reject) => {
    worker.on('message', (message: { type: string; done?: number; total?: number; result?: TaskResult; message?: string; stack?: string }) => {
      if (message.type === 'ready') markReady();
      else if (message.type === 'progress') onProgress(message.done ?? 0, message.total ?? 0);
      else if (message.type === 'result') {
        settled = true;
        resolve(message.result!);
      } else if (message.type === 'error') {
        settled = true;
        // The worker's own message (a file problem's code) and stack, for the log.
        const error = new Error(message.message ?? 'worker failed');
        if (message.stack) error.stack = message.stack;
        reject(error);
      }
    });
    worker.on('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.on('exit', (code) => {
      if (settled) return;
      settled = true;
      reject(new Error(stopped ? 'cancelled' : `The worker stopped (exit code ${code}) before it finished`));
    });
  });
  return {
    result,
    ready,
    cancel() {
      Atomics.store(flag, 0, 1);
      // The flag is read between batches; reading or parsing a large file has none, so a
      // worker that has not stopped after a grace period is stopped. Its transaction, if
      // any, rolls back with it: only committed batches stay, as with a cancel in between.
      // The grace counts from when the worker has started its task (loading the worker
      // can itself take seconds on a busy machine), so a cancel is always seen and recorded.
      void ready.then(() =>
        setTimeout(() => {
          if (settled) return;
          stopped = true;
          void worker.terminate();
        }, CANCEL_GRACE_MS).unref(),
      );
    },
  };
}
