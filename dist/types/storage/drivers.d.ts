/**
 * Database drivers are optional peer dependencies: a page-script user who installs the package for
 * an SPA must not get a native build. They are imported only when a database of that kind opens.
 */
/** Imports a module by name; injectable so tests can simulate a missing driver. */
export type ModuleLoader = (name: string) => Promise<unknown>;
export declare const importModule: ModuleLoader;
export declare const DRIVER_INSTALL: Record<'better-sqlite3' | 'pg', string>;
/** Thrown when the driver for the chosen database is not installed (or cannot load). */
export declare class MissingDriverError extends Error {
    readonly packageName: 'better-sqlite3' | 'pg';
    name: string;
    constructor(packageName: 'better-sqlite3' | 'pg', purpose: string, cause?: unknown);
}
/** Loads a driver module, turning "module not found" into an error that says what to install. */
export declare function loadDriver<T>(packageName: 'better-sqlite3' | 'pg', purpose: string, loader?: ModuleLoader): Promise<T>;
