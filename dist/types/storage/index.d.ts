import type { ModuleLoader } from './drivers.js';
import type { Storage } from './types.js';
export { chatKey, hasMetricaId, partnersOf } from '../domain/index.js';
export type { ConversionStore, PendingConversion, UploadReceipt } from './contract.js';
export { DRIVER_INSTALL, MissingDriverError, type ModuleLoader } from './drivers.js';
export { recordOf } from './rows.js';
export { DatabasePathError } from './sqlite-path.js';
export * from './types.js';
export interface OpenStorageOptions {
    /** Where relative file paths are resolved; default the process's working folder. */
    cwd?: string;
    /** Replaces `import()` for the driver (tests simulate a missing one). */
    loader?: ModuleLoader;
    /** Clock for created/updated times, Unix ms. */
    now?: () => number;
    /** PostgreSQL pool size per process. */
    maxConnections?: number;
}
/** True when the target names a PostgreSQL database rather than a SQLite file. */
export declare const isPostgresUrl: (target: string) => boolean;
/**
 * Opens the collector's database: a `postgres://` (or `postgresql://`) URL selects PostgreSQL,
 * anything else is a SQLite file path (created with its folder on first start), `:memory:` included.
 */
export declare function openStorage(target: string, options?: OpenStorageOptions): Promise<Storage>;
