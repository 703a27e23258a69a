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
export declare const CHECKPOINT_INTERVAL_MS = 200;
/**
 * WAL length (4 KiB pages) past which writes pause once so that the log can start over. Under a
 * steady stream of commits a PASSIVE checkpoint never catches up with the last frame, and SQLite
 * reuses the log from its start only when it has: without a pause the WAL would grow for ever.
 * 16384 frames is 64 MiB, so the pause (the frames since the last checkpoint, then one fsync)
 * comes seldom.
 */
export declare const WAL_RESET_FRAMES = 16384;
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
export declare function startCheckpointer(path: string, options: CheckpointerOptions): Promise<Checkpointer | null>;
