/** A SQLite path that cannot hold the database: names the path and the cause, in one line. */
export declare class DatabasePathError extends Error {
    readonly path: string;
    readonly reason: string;
    name: string;
    constructor(path: string, reason: string);
}
/**
 * Makes sure the database file's folder exists, creating the missing folders one level at a time.
 * Node's recursive mkdir loops forever under /proc (mkdir answers ENOENT there while the parent
 * exists); going down level by level stops at the first refusal and says which folder refused.
 */
export declare function prepareSqlitePath(path: string): void;
/** SQLite's own "cannot open" as a DatabasePathError; other errors as they are. */
export declare function sqliteOpenError(path: string, error: unknown): unknown;
