import type { Readable } from 'node:stream';
import type { ConversionRecord, CsvColumn } from '../shared/conversion.js';
import { type ValidationProblem } from './validate.js';
/** A row on its way to an upload: its line in the file (header = 1) and its values. */
export interface SourceRow {
    line: number;
    record: ConversionRecord;
}
export interface ReadCsvOptions {
    /** Header and structure problems (unknown columns, wrong field counts, broken quoting). */
    onProblem: (problem: ValidationProblem) => void;
    /** The known columns of the file, in file order, once the header is read. */
    onHeader?: (columns: CsvColumn[]) => void;
    /** Bytes of input read so far, for progress. */
    onBytes?: (bytes: number) => void;
}
/**
 * Reads a user's CHATS CSV (made by this tool or elsewhere) as a stream: quoted fields, CRLF or
 * LF, a UTF-8 BOM tolerated. Rows come out with their file line numbers; rows whose structure is
 * broken are reported, not yielded.
 */
export declare function readCsv(input: Readable | AsyncIterable<Buffer | string>, options: ReadCsvOptions): AsyncGenerator<{
    line: number;
    record: ConversionRecord;
}, void, unknown>;
