import type { UploadReceipt } from './contract.js';
import type { Sql } from './sql.js';
/** The record of uploads to Metrica, and which revision of each chat went in which upload. */
/**
 * Records the upload and marks the rows it carried; runs inside the caller's transaction. A row
 * changed after it was read keeps its newer revision and stays pending.
 */
export declare function recordUpload(q: Sql, receipt: UploadReceipt, rows: ReadonlyArray<{
    key: string;
    revision: number;
}>, now: () => number): Promise<void>;
/** Updates the status Metrica reported for an upload; throws for an upload never recorded. */
export declare function updateUploadStatus(db: Sql, uploadId: string, status: string, details: Record<string, unknown> | undefined, now: () => number): Promise<void>;
/** Marks rows held back by the uploader in the revision it read; a later change clears the mark. */
export declare function holdBackRows(q: Sql, rows: ReadonlyArray<{
    key: string;
    revision: number;
    reason: string;
}>): Promise<void>;
