import { type ConversionRecord, type CsvColumn } from '../shared/conversion.js';
/**
 * The Metrica CHATS CSV writer: UTF-8 text, comma-separated, header first, RFC 4180 quoting,
 * one line per record, streamed.
 */
/** Lines end with LF, as in Metrica's own example file; Metrica and every CSV reader accept it. */
export declare const EOL = "\n";
export interface CsvOptions {
    /** Columns to write, in this order; default: every CHATS column. */
    columns?: readonly CsvColumn[];
    /**
     * Prefix cells starting with = + - @ tab or CR with an apostrophe so spreadsheets show them as
     * text. Only for files people open in spreadsheets: Metrica must get `+7…` phone numbers as they are.
     */
    escapeFormulas?: boolean;
}
/** One CSV cell, quoted when needed (or always, when `force`). */
export declare function csvField(value: string, force?: boolean): string;
/** Neutralises a formula-looking cell for spreadsheets; other cells are returned unchanged. */
export declare function escapeFormula(value: string): string;
/** The header line (with its line end) for the given columns. */
export declare function csvHeader(columns?: readonly CsvColumn[]): string;
/** One record as a CSV line (with its line end); absent values are empty cells. */
export declare function csvLine(record: ConversionRecord, columns?: readonly CsvColumn[], guardFormulas?: boolean): string;
/**
 * Yields the header line, then one complete line per record, as the records arrive: the whole
 * file never sits in memory, so a caller can pipe it to a file, an HTTP response or an upload.
 */
export declare function csvLines(records: AsyncIterable<ConversionRecord> | Iterable<ConversionRecord>, options?: CsvOptions): AsyncGenerator<string>;
