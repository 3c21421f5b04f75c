import { parentPort, workerData } from 'node:worker_threads';
import { OPEN_GATE, workerGate } from '../db/writeGate';
import { openWorkerConnection } from './connection';
import { runTask, type Task } from './tasks';

// Worker thread entry: one task on its own connection to the desk's database, progress and
// the result posted back, cancel read from a shared flag between batches (the work is
// synchronous, so a message could not be received until it ended).

interface Input {
  dbPath: string;
  task: Task;
  cancel: SharedArrayBuffer;
  /** The main connection's write gate (db/writeGate.ts); null when it has none. */
  gate: SharedArrayBuffer | null;
}

const { dbPath, task, cancel, gate } = workerData as Input;
const flag = new Int32Array(cancel);
const { sqlite } = openWorkerConnection(dbPath);
// A backup's steps run between turns of the loop, hence the promise; the other tasks are synchronous.
parentPort?.postMessage({ type: 'ready' });
Promise.resolve()
  .then(() =>
    runTask(sqlite, task, {
      progress: (done, total) => parentPort?.postMessage({ type: 'progress', done, total }),
      cancelled: () => Atomics.load(flag, 0) === 1,
      gate: gate ? workerGate(gate) : OPEN_GATE,
    }),
  )
  .then(
    (result) => parentPort?.postMessage({ type: 'result', result }),
    (error: unknown) =>
      parentPort?.postMessage({ type: 'error', message: error instanceof Error ? error.message : String(error), stack: error instanceof Error ? error.stack : undefined }),
  )
  .finally(() => sqlite.close());
