/**
 * Structured logs: one JSON object per line. Values pass through `mask` so that phone numbers,
 * bearer tokens and the webhook secret never reach a log in clear.
 */
export interface Logger {
    info(msg: string, fields?: Record<string, unknown>): void;
    warn(msg: string, fields?: Record<string, unknown>): void;
    error(msg: string, fields?: Record<string, unknown>): void;
}
/** Hides secrets and phone-number-like digit runs in a string. */
export declare function mask(value: string, secrets?: readonly string[]): string;
export declare function jsonLogger(write?: (line: string) => void, secrets?: readonly string[]): Logger;
export declare const silentLogger: Logger;
/** A warning logged once per key per process (then silently counted as seen). */
export declare function onceLogger(log: Logger): (key: string, msg: string, fields: Record<string, unknown>) => void;
