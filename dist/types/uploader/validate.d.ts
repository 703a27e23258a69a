import { isAttributed } from '../domain/index.js';
import { type ChatPlatform, type ConversionRecord, type CsvColumn } from '../shared/conversion.js';
/**
 * The CHATS row rules (the domain's, `domain/chat-row.ts`), checked before anything is sent, so
 * the user learns every problem at once, with its line and column.
 */
export { TAG_MAX_LENGTH } from '../domain/index.js';
export { isAttributed };
/** One bad value: where it is (file line, header = line 1, and column) and what was expected. */
export interface ValidationProblem {
    line: number;
    /** A column name, or several joined by `/` when the rule spans them (the partner IDs). */
    column: string;
    value: string;
    message: string;
}
/**
 * Every problem of one row. `nowSeconds` is the present as Unix seconds: Metrica refuses a
 * DateTime that has not been reached yet.
 */
export declare function validateRecord(record: ConversionRecord, line: number, nowSeconds: number): ValidationProblem[];
/** Counts for `--dry-run` and the report after an upload. */
export interface UploadSummary {
    rows: number;
    attributed: number;
    unattributed: number;
    platforms: Record<ChatPlatform, number>;
}
export declare function emptySummary(): UploadSummary;
/** Adds one valid row to the summary. */
export declare function countRow(summary: UploadSummary, record: ConversionRecord): void;
/**
 * Problems of a user's header line: unknown or repeated names (Metrica spells `ClientID`, not
 * `ClientId`) and missing mandatory columns. Returns the known columns in file order.
 */
export declare function validateHeader(names: readonly string[]): {
    columns: CsvColumn[];
    problems: ValidationProblem[];
};
/** A one-line, human form of a problem: `line 5, Price: "12,50" expected …`. */
export declare function describeProblem(problem: ValidationProblem, source?: string): string;
/**
 * The former name of {@link describeProblem}, kept because it is public API of
 * `metrica-chats/uploader`; `metrica-chats/match` had a different function of the same name.
 * @deprecated Use describeProblem.
 */
export declare const formatProblem: typeof describeProblem;
