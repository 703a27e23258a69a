/**
 * A named lock for the processes sharing one SQLite file (which are on one host): a file
 * `<db>.<name>.lock` created exclusively, holding the holder's process ID. A file left by a
 * process that no longer runs is taken over. An in-memory database is this process's alone, so
 * `held` (per connection) is the lock there.
 */
export declare function tryFileLock(dbPath: string, name: string, held: Set<string>): Promise<(() => Promise<void>) | null>;
