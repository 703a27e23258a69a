import { type ConversionRecord, strictUpdateKey } from '../domain/index.js';
/**
 * The fake's reading of an uploaded CHATS file. Which values are valid is the domain's rule (the
 * one the collector and the uploader apply); what Metrica does with an invalid value follows its
 * docs and its own API tests (see docs/metrica-api.md, addendum A.3). Marks: [D] documented, [Y]
 * shown by Yandex's API tests for BASIC uploads, [I] inferred.
 *
 * - Whole file refused with 400 `invalid_uploading` [Y]: an empty body, a header with no data
 *   rows, broken quoting, a missing mandatory column. An unknown column [I].
 * - A row with an invalid mandatory value (DateTime, ChatPlatform, no partner ID, an invalid
 *   ClientID or Yclid) is skipped and the upload still succeeds; `line_quantity` counts only the
 *   rows kept [Y].
 * - A short all-empty row is skipped without counting as a source row [Y].
 * - An invalid optional value keeps the row with that value dropped: Price and Currency [D]
 *   ("null values will be sent instead of currencies and amounts"); the other optional columns [I].
 */
export type CsvCheck = {
    ok: true;
    rows: ConversionRecord[];
    sourceRows: number;
    skipped: Array<{
        line: number;
        column: string;
    }>;
} | {
    ok: false;
    errorType: string;
    message: string;
    location?: string;
};
export declare function checkChatsCsv(text: string, nowSeconds: number): CsvCheck;
/** Metrica's update key under the strict reading: the same DateTime, platform and all partner columns. */
export declare const updateKey: typeof strictUpdateKey;
