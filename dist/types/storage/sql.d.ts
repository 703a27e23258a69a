/** The little SQL surface both adapters provide; the storage logic is written once against it. */
export type SqlValue = string | number | null;
export interface Sql {
    /** `?` placeholders; the PostgreSQL adapter numbers them. */
    all<T>(sql: string, params?: readonly SqlValue[]): Promise<T[]>;
    get<T>(sql: string, params?: readonly SqlValue[]): Promise<T | undefined>;
    /** Resolves to the number of rows changed. */
    run(sql: string, params?: readonly SqlValue[]): Promise<number>;
}
/** A column for {@link SqlDriver.insertMany}: its name and its SQL type (`TEXT` or `BIGINT`). */
export type ColumnSpec = readonly [name: string, type: 'TEXT' | 'BIGINT'];
export interface SqlDriver extends Sql {
    readonly kind: 'sqlite' | 'postgres';
    /** `SELECT … FOR UPDATE` where the dialect has it; SQLite locks the whole file in a write transaction anyway. */
    readonly forUpdate: string;
    /** How many pairing batches may be written at once (SQLite: one connection; PostgreSQL: a pool). */
    readonly writeConcurrency: number;
    /**
     * Inserts rows (values in `columns` order) in one statement, atomic on its own, and resolves to
     * the new `id`s in row order. Each dialect picks its cheapest form of a multi-row INSERT.
     */
    insertMany(table: string, columns: readonly ColumnSpec[], rows: readonly SqlValue[][]): Promise<number[]>;
    /**
     * Takes a named lock shared by every process on this database, or resolves to null while another
     * holder has it. It outlives transactions; the returned function releases it.
     */
    tryLock(name: string): Promise<(() => Promise<void>) | null>;
    /**
     * Inside a transaction: waits until no other transaction, of any process, holds `name`, and
     * holds it until this one ends. PostgreSQL takes a transaction advisory lock; SQLite does
     * nothing, since its write transactions (BEGIN IMMEDIATE) run one at a time anyway.
     */
    serialize(q: Sql, name: string): Promise<void>;
    /** Runs `fn` in one write transaction: all of it is committed, or none of it. */
    transaction<T>(fn: (q: Sql) => Promise<T>): Promise<T>;
    close(): Promise<void>;
}
/** One `?` per value, for a VALUES list or an IN list. */
export declare const placeholders: (xs: readonly unknown[]) => string;
/** A count or a bigint column as a number (PostgreSQL returns bigint and COUNT(*) as strings; NULL is 0). */
export declare const toNumber: (v: unknown) => number;
