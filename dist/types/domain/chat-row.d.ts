import { CHAT_PLATFORMS, type ChatPlatform, type ConversionRecord, CSV_COLUMNS, type CsvColumn, METRICA_ID_COLUMNS, PARTNER_CSV_COLUMNS } from '../shared/conversion.js';
import { type Verdict } from './problem.js';
/**
 * The rules of one CHATS row, as Metrica documents them (see docs/metrica-api.md), written once:
 * the collector refuses a report that would break them, the uploader holds back a stored row that
 * breaks them, and the fake Metrica skips such a row.
 */
export { CHAT_PLATFORMS, type ChatPlatform, type ConversionRecord, CSV_COLUMNS, type CsvColumn, METRICA_ID_COLUMNS, PARTNER_CSV_COLUMNS, };
/** Earliest DateTime accepted (2000-01-01): anything before is a unit or parsing mistake. */
export declare const MIN_DATE_TIME = 946684800;
export declare const TAG_MAX_LENGTH = 100;
export declare const URL_MAX_LENGTH = 2048;
/** Partner IDs: a Telegram username is at most 32, a Viber display name a few dozen; IDs are shorter. */
export declare const USERNAME_MAX_LENGTH = 100;
export declare const PARTNER_USER_ID_MAX_LENGTH = 128;
export declare const isChatPlatform: (value: unknown) => value is ChatPlatform;
export declare function platformVerdict(value: string): Verdict;
/** DateTime: Unix seconds as digits, after 2000-01-01, not after `nowSeconds` (Metrica takes past times only). */
export declare function dateTimeVerdict(value: string, nowSeconds: number): Verdict;
/** ChatUsername: a messenger username or display name, 1–100 characters, no control characters. */
export declare function usernameVerdict(value: string): Verdict;
/** ChatUserID: the messenger's user ID, 1–128 characters without spaces or control characters. */
export declare function partnerUserIdVerdict(value: string): Verdict;
/** ChatAnswered: 1 (answered) or 0 (not answered). */
export declare const answeredVerdict: (value: string) => Verdict;
/** Tag: comma-separated tags, at most 100 characters together. */
export declare function tagVerdict(value: string): Verdict;
/** Price: a non-negative amount with a full stop: up to 15 digits, up to 4 after the stop. */
export declare function priceVerdict(value: string): Verdict;
/**
 * URL and MessengerTrackerURL: an absolute http(s) URL as written. The URL parser alone also takes
 * `https:example.com`, `http:/x`, `https:\\x` and surrounding spaces, which it repairs, but Metrica
 * gets the raw text.
 */
export declare function urlVerdict(value: string): Verdict;
/** The rule of each optional column (DateTime and ChatPlatform are checked on their own). */
export declare const COLUMN_RULES: {
    readonly [C in CsvColumn]?: (value: string) => Verdict;
};
/** One bad value of a row: the column (several joined by `/` when a rule spans them) and the message. */
export interface ColumnProblem {
    column: string;
    value: string;
    message: string;
}
/** Every problem of one CHATS row; empty when Metrica would take it. `nowSeconds`: the present, Unix seconds. */
export declare function checkChatRecord(record: ConversionRecord, nowSeconds: number): ColumnProblem[];
/** Whether Metrica can attribute the row: it carries at least one Metrica ID. */
export declare const isAttributed: (record: ConversionRecord) => boolean;
