import type { CsvColumn } from '../shared/conversion.js';
import type { ConversionStore } from '../storage/contract.js';
import type { MetricaClient, Uploading, WaitOptions, WaitOutcome } from './client.js';
import { type HeldBack, type PreparedPart, ProblemLog, type RowRef } from './prepare.js';
import type { SourceRow } from './read-csv.js';
import type { UploadSummary, ValidationProblem } from './validate.js';
/**
 * The upload job: rows → validation → CSV files → Metrica → (for the collector's database)
 * the rows marked with the upload ID. Marking comes only after Metrica accepted the file, in
 * one transaction with the receipt; if the run dies in between, the rows stay pending and are
 * sent again next time, which Metrica treats as an update (same DateTime + ChatPlatform +
 * partner), not a new chat.
 */
export interface UploadJobOptions {
    client: MetricaClient;
    counterId: string;
    comment?: string;
    /** Validate and count only; nothing is sent. */
    dryRun?: boolean;
    /** Poll each upload until Metrica's final status. */
    wait?: boolean | WaitOptions;
    /** Columns of the uploaded files; a function is asked once the first row has been read. */
    columns?: readonly CsvColumn[] | (() => readonly CsvColumn[]);
    maxPartBytes?: number;
    nowSeconds?: number;
    tmpDir?: string;
    signal?: AbortSignal;
    /** Told about each part once Metrica accepted it (before the rows are marked). */
    onUploaded?: (uploading: Uploading, part: {
        index: number;
        of: number;
        rows: number;
    }) => void | Promise<void>;
    onStatus?: (uploading: Uploading) => void;
    /** Receives structural problems found while reading (the CSV reader's); merged into the result. */
    problems?: ProblemLog;
    /** See PrepareOptions.holdBackInvalid; set by uploadPending. */
    holdBackInvalid?: boolean;
}
export interface UploadReport {
    uploading: Uploading;
    rows: number;
    outcome?: WaitOutcome;
}
export interface UploadResult {
    /** `invalid`: nothing was sent; `empty`: there was nothing to send. */
    status: 'uploaded' | 'invalid' | 'dry-run' | 'empty';
    /** Rows held back in this run (database uploads only): not sent, each with its problems. */
    held: HeldBack[];
    /** Rows sent that Metrica did not accept (`line_quantity` below the rows of a part), summed. */
    notAccepted: number;
    summary: UploadSummary;
    problems: ValidationProblem[];
    problemCount: number;
    uploads: UploadReport[];
}
/** Uploads rows from any source (a user's file, the database); marks them via `mark` when given. */
export declare function uploadRows(rows: AsyncIterable<SourceRow & {
    ref?: RowRef;
}>, options: UploadJobOptions, mark?: (uploading: Uploading, part: PreparedPart) => Promise<void>): Promise<UploadResult>;
/**
 * Keeps the part number inside Metrica's 255-character comment limit, in the characters a comment
 * may hold (digits, Latin and Cyrillic letters, spaces: no brackets).
 */
export declare function partComment(comment: string, n: number, of: number): string;
/**
 * Uploads what the collector's database holds that Metrica has not got in its current form,
 * and marks those rows with the upload ID.
 */
export declare function uploadPending(store: ConversionStore, options: UploadJobOptions & {
    since?: number;
    includeHeld?: boolean;
}): Promise<UploadResult>;
