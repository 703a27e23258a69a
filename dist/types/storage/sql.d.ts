/** The little SQL surface both adapters provide; the storage logic is written once against it. */
export type SqlValue = string | number | null;
export interface Sql {
    /** `?` placeholders; the PostgreSQL adapter numbers them. */
    all<T>(sql: string, params?: readonly SqlValue[]): Promise<T[]>;
    get<T>(sql: string, params?: readonly SqlValue[]): Promise<T | undefined>;
    /** Resolves to the number of rows changed. */
    run(sql: string, params?: readonly SqlValue[]): Promise<number>;
}
export interface SqlDriver extends Sql {
    readonly kind: 'sqlite' | 'postgres';
    /** `SELECT … FOR UPDATE` where the dialect has it; SQLite locks the whole file in a write transaction anyway. */
    readonly forUpdate: string;
    /** Runs `fn` in one write transaction: all of it is committed, or none of it. */
    transaction<T>(fn: (q: Sql) => Promise<T>): Promise<T>;
    close(): Promise<void>;
}
