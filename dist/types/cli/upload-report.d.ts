import type { UploadResult } from '../uploader/job.js';
import { type CliIO } from './io.js';
export declare const rowCount: (n: number) => string;
/**
 * What a failure leaves behind. Once a file was accepted (and, from the database, its rows
 * marked), saying that every row stays pending would be false: a failed status poll after a
 * successful upload is the common case.
 */
export declare function afterFailure(accepted: ReadonlyArray<{
    id: string;
    rows: number;
    of: number;
}>, fromDatabase: boolean): string;
/** Prints the result of an upload run; returns the exit code. */
export declare function printUploadResult(result: UploadResult, o: {
    io: CliIO;
    json: boolean;
    source: string;
    counterId: string;
    isFile: boolean;
}): number;
