import type { ConversionStore } from '../storage/contract.js';
import type { Storage } from '../storage/index.js';
export declare class DatabaseNotFoundError extends Error {
    name: string;
}
/**
 * Opens an existing collector database for the CLI commands that read it (upload, export,
 * report). A SQLite path must already exist: opening a mistyped path would create an empty
 * database and report "nothing to upload". The storage code loads only when called, so
 * `upload file.csv` never loads a database driver.
 */
export declare function openCollectorStorage(target: string, cwd: string): Promise<Storage>;
/** The same, seen as the uploader sees it: only what the upload job needs. */
export declare function openConversionStore(target: string, cwd: string): Promise<ConversionStore>;
