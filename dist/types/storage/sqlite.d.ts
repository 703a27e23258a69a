import { type ModuleLoader } from './drivers.js';
import type { Storage } from './types.js';
export interface SqliteOptions {
    loader?: ModuleLoader;
    now?: () => number;
}
/** Opens (creating the file and its folder on first start) and migrates a SQLite database. */
export declare function openSqlite(path: string, options?: SqliteOptions): Promise<Storage>;
