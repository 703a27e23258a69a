import type { ConversionRecord } from '../shared/conversion.js';
/**
 * What the export reads: the rows Metrica has not got in their current form. The collector's
 * storage and the uploader's ConversionStore both have it; this module needs nothing else of them.
 */
export interface PendingRecords {
    pendingConversions(options?: {
        since?: number;
    }): AsyncIterable<{
        record: ConversionRecord;
    }>;
}
/**
 * The CHATS CSV (header first) of what the database holds that Metrica has not got in its
 * current form. `metrica-chats export` and the collector's `GET /v1/conversions.csv` both
 * serve exactly this, so the two give the same file.
 * `since` (Unix seconds) keeps chats at or after that time. `escapeFormulas` is for files
 * meant for spreadsheets only; a file for Metrica keeps `+7…` phone numbers as they are.
 */
export declare function exportPending(store: PendingRecords, options?: {
    since?: number;
    escapeFormulas?: boolean;
}): AsyncGenerator<string>;
