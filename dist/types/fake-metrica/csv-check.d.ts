import { type ConversionRecord } from '../shared/conversion.js';
/**
 * The fake's own reading of an uploaded CHATS file, kept apart from the uploader's validator so
 * the tests check one against the other. Messages are those Metrica's own API tests expect.
 */
export type CsvCheck = {
    ok: true;
    rows: ConversionRecord[];
} | {
    ok: false;
    errorType: string;
    message: string;
    location?: string;
};
export declare function checkChatsCsv(text: string, nowSeconds: number): CsvCheck;
/** Metrica's update key: the same DateTime, platform and partner update a chat instead of adding one. */
export declare function updateKey(row: ConversionRecord): string;
