import { type Verdict } from './problem.js';
/** The one spelling of a phone number (`+` and 7–15 digits), or null when the value is not one. */
export declare function normalizePhone(raw: string): string | null;
/**
 * A phone number as a CHATS row may carry it: with or without `+`, digits only (Metrica: "without
 * spaces, with the country code", e.g. +70123456789). Rows stored before the one spelling was
 * introduced carry numbers without `+`; they stay valid so that their updates keep the same key.
 */
export declare function phoneColumnVerdict(value: string): Verdict;
