/**
 * Versioned schema, one list per dialect. A migration is never edited once released; a change is a
 * new entry. Both lists must describe the same tables so the adapters pass the same tests.
 */
export interface Migration {
    version: number;
    name: string;
    sql: string;
}
export declare const SQLITE_MIGRATIONS: Migration[];
export declare const POSTGRES_MIGRATIONS: Migration[];
