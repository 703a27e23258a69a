import type { FileCleanup } from './forget-types.js';
import type { Sql, SqlDriver } from './sql.js';
/**
 * After the DELETE, SQLite still has the old pages in its write-ahead log. Deleted content in the
 * database file itself is already zeroed (`secure_delete`, set when the file is opened), so a
 * truncating checkpoint leaves no copy. A reader can keep the checkpoint from finishing (busy = 1).
 */
export declare function cleanSqliteFiles(db: Sql): Promise<FileCleanup>;
/**
 * PostgreSQL keeps deleted rows in four places after the DELETE commits: the table and index
 * files (until rewritten), the statistics ANALYZE sampled (`pg_statistic`: most common values and
 * histogram bounds are column values), and the write-ahead log (the INSERTs, and the full-page
 * images the DELETE wrote). This does the most a role can: rewrite the tables, re-sample their
 * statistics and rewrite `pg_statistic`, then move the redo point past the WAL segments holding
 * the old rows (checkpoint, switch segment, checkpoint) so PostgreSQL removes them. A step the role
 * may not take is skipped and said, never an error: the rows are gone already.
 */
export declare function cleanPostgresFiles(db: SqlDriver): Promise<FileCleanup>;
