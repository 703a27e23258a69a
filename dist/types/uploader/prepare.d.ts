import { type CsvColumn } from '../shared/conversion.js';
import type { SourceRow } from './read-csv.js';
import { type UploadSummary, type ValidationProblem } from './validate.js';
/**
 * Validates rows and, while no row has failed, writes them as upload-ready CSV files in a
 * temporary directory, starting a new file (with its own header) before one would pass
 * Metrica's size limit. One streaming pass: memory stays flat however large the input.
 */
/** Metrica takes files up to 1 GB; decimal, to stay below it whichever GB is meant. */
export declare const MAX_PART_BYTES = 1000000000;
/** Problems kept for the report; the rest are only counted. */
export declare const MAX_PROBLEMS_KEPT = 1000;
/** Which database row a CSV row came from, so the upload can mark exactly that revision. */
export interface RowRef {
    key: string;
    revision: number;
}
export interface PreparedPart {
    path: string;
    rows: number;
    bytes: number;
    refs: RowRef[];
}
/** Collects validation problems: keeps the first ones, counts all. */
export declare class ProblemLog {
    private readonly limit;
    readonly kept: ValidationProblem[];
    count: number;
    constructor(limit?: number);
    add(problem: ValidationProblem): void;
}
/** A row held back (not written) because it breaks a CHATS rule, with its problems. */
export interface HeldBack {
    ref: RowRef;
    line: number;
    problems: ValidationProblem[];
}
export interface Prepared {
    parts: PreparedPart[];
    /** Rows held back (with `holdBackInvalid`); their problems are not in `problems`. */
    held: HeldBack[];
    summary: UploadSummary;
    problems: ProblemLog;
    /** Removes the temporary files. */
    cleanup(): Promise<void>;
}
export interface PrepareOptions {
    /** Columns of the files; a function is asked once the first row has arrived (a file's header is read by then). */
    columns?: readonly CsvColumn[] | (() => readonly CsvColumn[]);
    maxPartBytes?: number;
    /** Unix seconds; default now. */
    nowSeconds?: number;
    /** Validate and count only (`--dry-run`). */
    write?: boolean;
    problems?: ProblemLog;
    tmpDir?: string;
    /**
     * Hold back the invalid rows that have a database reference and write the valid ones (uploads
     * from the collector's database), instead of writing nothing once a row failed (a user's file,
     * which the user can fix and send again).
     */
    holdBackInvalid?: boolean;
}
export declare function prepareRows(rows: AsyncIterable<SourceRow & {
    ref?: RowRef;
}>, options?: PrepareOptions): Promise<Prepared>;
