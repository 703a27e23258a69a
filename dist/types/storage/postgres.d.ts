import { type ModuleLoader } from './drivers.js';
import type { Storage } from './types.js';
export interface PostgresOptions {
    loader?: ModuleLoader;
    now?: () => number;
    /** Pool size per collector instance; several instances share the server's max_connections. */
    maxConnections?: number;
}
/** Connects a pool to a PostgreSQL database and migrates it. */
export declare function openPostgres(url: string, options?: PostgresOptions): Promise<Storage>;
