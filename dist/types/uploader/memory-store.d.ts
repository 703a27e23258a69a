import type { ConversionRecord } from '../shared/conversion.js';
import type { ConversionStore, HeldRow, PendingConversion, UploadReceipt } from '../storage/contract.js';
/**
 * A ConversionStore held in memory: the contract's behaviour in its plainest form (revisions,
 * marking only the revision that was sent), for the upload job's tests and for embedding the
 * uploader where there is no database. The collector's adapters are SQLite and PostgreSQL.
 */
export declare class MemoryConversionStore implements ConversionStore {
    private readonly rows;
    readonly receipts: Array<UploadReceipt & {
        keys: string[];
        details?: Record<string, unknown>;
    }>;
    /** Adds or changes a row; every change is a new revision that is pending until uploaded. */
    put(key: string, record: ConversionRecord): void;
    pendingConversions(options?: {
        since?: number;
        includeHeld?: boolean;
    }): AsyncIterable<PendingConversion>;
    markUploaded(receipt: UploadReceipt, rows: ReadonlyArray<Pick<PendingConversion, 'key' | 'revision'>>): Promise<void>;
    holdBack(rows: readonly HeldRow[]): Promise<void>;
    /** The held-back mark of a row in its current revision, if any. */
    heldReason(key: string): string | undefined;
    updateUploadStatus(uploadId: string, status: string, details?: Record<string, unknown>): Promise<void>;
    close(): Promise<void>;
}
