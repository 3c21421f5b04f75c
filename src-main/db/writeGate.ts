// Who may write next: the main thread or a worker's import. SQLite has one writer at a time;
// left to its busy timeout, a main-thread write that found an import batch holding the lock
// would sleep inside SQLite with the event loop stopped. The gate lets the two agree first,
// through two shared integers:
//   HOLDER: FREE, or WORKER while a worker's batch is open;
//   WANT:   how many main-thread writes are waiting or running.
// Main counts itself in, then waits (asynchronously: the event loop goes on) while a worker
// holds. A worker takes the gate only while no main write wants it, and ends its batch as
// soon as one does: its batches can then be long (cheap per row) without ever keeping the
// window waiting for more than a commit. Both sides publish first and look second
// (sequentially consistent Atomics), so at least one of them sees the other.

// Node has had Atomics.waitAsync since 16; TypeScript's lib declares it from ES2024 on.
const waitAsync = (Atomics as unknown as { waitAsync(a: Int32Array, i: number, v: number, ms: number): { async: boolean; value: Promise<string> | string } }).waitAsync;

const HOLDER = 0;
const WANT = 1;
const FREE = 0;
const WORKER = 1;

/** The main thread's side: wraps every write transaction of the main connection. */
export interface WriteGate {
  /** Shared with workers (workerData) so their batches can give way. */
  readonly shared: SharedArrayBuffer;
  acquire(): Promise<void>;
  release(): void;
}

export function createWriteGate(): WriteGate {
  const shared = new SharedArrayBuffer(8);
  const slots = new Int32Array(shared);
  return {
    shared,
    async acquire() {
      Atomics.add(slots, WANT, 1);
      while (Atomics.load(slots, HOLDER) === WORKER) {
        // The worker notices WANT after its current row, commits and leaves.
        const wait = waitAsync(slots, HOLDER, WORKER, 1000);
        if (wait.async) await wait.value;
      }
    },
    release() {
      Atomics.sub(slots, WANT, 1);
      Atomics.notify(slots, WANT);
    },
  };
}

/** A worker's side: around each write batch of a long job. */
export interface WorkerGate {
  /** Blocks (the worker thread only) until no main-thread write wants the database, then holds. */
  enter(): void;
  leave(): void;
  /** A main-thread write is waiting: end the batch now. */
  wanted(): boolean;
}

export function workerGate(shared: SharedArrayBuffer): WorkerGate {
  const slots = new Int32Array(shared);
  return {
    enter() {
      for (;;) {
        let want: number;
        while ((want = Atomics.load(slots, WANT)) > 0) Atomics.wait(slots, WANT, want, 50);
        Atomics.store(slots, HOLDER, WORKER);
        if (Atomics.load(slots, WANT) === 0) return;
        // Main counted itself in meanwhile: let it go first.
        Atomics.store(slots, HOLDER, FREE);
        Atomics.notify(slots, HOLDER);
      }
    },
    leave() {
      Atomics.store(slots, HOLDER, FREE);
      Atomics.notify(slots, HOLDER);
    },
    wanted: () => Atomics.load(slots, WANT) > 0,
  };
}

/** For work in the main thread itself (in-memory databases, benches): nothing to wait for. */
export const OPEN_GATE: WorkerGate = { enter() {}, leave() {}, wanted: () => false };
