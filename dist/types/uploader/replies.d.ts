/** Reading Metrica's replies: upload records, `Retry-After`, and IDs too long for a float. */
/** Metrica's record of one upload (`OfflineConversionUploading`). */
export interface Uploading {
    /** The upload ID, kept as text: it is an int64 and must not pass through a float. */
    id: string;
    status: string;
    create_time?: string;
    source_quantity?: number;
    line_quantity?: number;
    linked_quantity?: number;
    user_not_found_quantity?: number;
    comment?: string;
    type?: string;
    client_id_type?: string;
}
/** `Retry-After` as seconds or an HTTP date, in ms; undefined when absent or unreadable. */
export declare function parseRetryAfter(header: string | null, now?: number): number | undefined;
/** JSON with 16+ digit `id` values read as strings, so an int64 upload ID keeps every digit. */
export declare function parseJson(text: string): unknown;
/** Reads either reply shape Metrica documents: `{"uploading": {…}}` or `{"uploadings": [{…}]}`. */
export declare function readUploadings(body: unknown, what: string): Uploading[];
