import { type ModuleLoader } from './drivers.js';
import type { Storage } from './types.js';
export interface SqliteOptions {
    loader?: ModuleLoader;
    now?: () => number;
    /** How often the worker checkpoints the WAL (default 200 ms). */
    checkpointIntervalMs?: number;
    /** WAL length in pages that makes writes pause once for the log to start over (default 16384). */
    walResetFrames?: number;
}
/** Opens (creating the file and its folder on first start) and migrates a SQLite database. */
export declare function openSqlite(path: string, options?: SqliteOptions): Promise<Storage>;
