import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/**
 * Copies a SQLite WAL back into the database file on a worker thread, with a connection of its own.
 *
 * better-sqlite3 is synchronous: left to SQLite's automatic checkpoint, the commit that crosses
 * the threshold copies the log and fsyncs the file on the event loop, stalling every request in
 * flight for as long as the disk takes (measured: tens of milliseconds). A PASSIVE checkpoint
 * from another connection never blocks the writer, so beacons keep committing meanwhile.
 * Durability is unchanged: commits still land in the WAL exactly as before.
 */

/** How often the worker checkpoints; a checkpoint with nothing new to copy costs next to nothing. */
export const CHECKPOINT_INTERVAL_MS = 200;
/**
 * WAL length (4 KiB pages) past which writes pause once so that the log can start over. Under a
 * steady stream of commits a PASSIVE checkpoint never catches up with the last frame, and SQLite
 * reuses the log from its start only when it has: without a pause the WAL would grow for ever.
 * 16384 frames is 64 MiB, so the pause (the frames since the last checkpoint, then one fsync)
 * comes seldom.
 */
export const WAL_RESET_FRAMES = 16_384;

// Plain CommonJS, run with `eval`: no separate file to ship or to build.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path, { fileMustExist: true });
db.pragma('busy_timeout = 1000');
const checkpoint = () => {
  try {
    return db.pragma('wal_checkpoint(PASSIVE)')[0];
  } catch (error) {
    // SQLITE_BUSY and the like: the next round tries again; the data is safe in the WAL meanwhile.
    return null;
  }
};
const timer = setInterval(() => {
  const r = checkpoint();
  if (r && r.log >= workerData.resetFrames) parentPort.postMessage('reset');
}, workerData.intervalMs);
parentPort.on('message', (m) => {
  if (m === 'catch-up') {
    checkpoint();
    parentPort.postMessage('caught-up');
  } else if (m === 'stop') {
    clearInterval(timer);
    db.close();
    parentPort.close();
  }
});
parentPort.postMessage('ready');
`;

export interface Checkpointer {
  /** Stops the worker after its checkpoint in progress (if any) ends. */
  stop(): Promise<void>;
}

export interface CheckpointerOptions {
  /** Called when the worker dies unexpectedly: the caller hands checkpoints back to SQLite. */
  onFailure: () => void;
  /**
   * Runs `work` while the main connection writes nothing (its statements wait, asynchronously),
   * so a checkpoint can reach the last frame and the next commit starts the log over.
   */
  pauseWrites: (work: () => Promise<void>) => Promise<void>;
  intervalMs?: number;
  resetFrames?: number;
}

/**
 * Starts the checkpoint worker for the database at `path`, or returns null when it cannot start
 * (the caller then keeps SQLite's automatic checkpoint).
 */
export async function startCheckpointer(path: string, options: CheckpointerOptions): Promise<Checkpointer | null> {
  let driver: string;
  try {
    driver = createRequire(import.meta.url).resolve('better-sqlite3');
  } catch {
    return null;
  }
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: {
      path,
      driver,
      intervalMs: options.intervalMs ?? CHECKPOINT_INTERVAL_MS,
      resetFrames: options.resetFrames ?? WAL_RESET_FRAMES,
    },
  });
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  try {
    await new Promise<void>((resolve, reject) => {
      worker.once('message', () => resolve());
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`checkpoint worker exited with code ${code}`)));
    });
  } catch {
    await worker.terminate();
    return null;
  }
  let stopping = false;
  let caughtUp: (() => void) | null = null;
  let resetting = false;
  worker.on('message', (m) => {
    if (m === 'caught-up') {
      caughtUp?.();
      caughtUp = null;
    } else if (m === 'reset' && !resetting && !stopping) {
      resetting = true;
      options
        .pauseWrites(
          () =>
            new Promise<void>((resolve) => {
              caughtUp = resolve;
              // Writes wait for the reply: it must keep the process alive like they would.
              worker.ref();
              worker.postMessage('catch-up');
            }),
        )
        .finally(() => {
          resetting = false;
          if (!stopping) worker.unref();
        });
    }
  });
  // A worker that dies later loses no data (the WAL keeps every commit), but the log would grow:
  // the caller then hands checkpoints back to SQLite.
  worker.on('error', () => {});
  worker.once('exit', () => {
    caughtUp?.();
    if (!stopping) options.onFailure();
  });
  worker.unref();
  return {
    async stop(): Promise<void> {
      stopping = true;
      // Unreferenced, the worker would not keep the process alive until it has closed its connection.
      worker.ref();
      worker.postMessage('stop');
      await exited;
    },
  };
}
