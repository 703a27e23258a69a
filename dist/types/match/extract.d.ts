import { type ChatIdFormat } from './format.js';
/**
 * Finding chat IDs in what a visitor actually sent. People edit the pre-filled message, retype
 * the tag on a Russian keyboard, paste it through apps that add invisible characters, type a
 * space or a hyphen inside it, glue the next Russian word to it, and bots receive it as
 * `/start <payload>`. The search reads through all of that, but never finds an ID inside a longer
 * Latin word or number, and accepts a damaged ID only where nothing else could have been meant.
 */
/**
 * The one repair a damaged ID needed:
 * - `split`: a space or a hyphen typed inside it (`CT 7KQ2M9XA`, `CT7KQ-2M9XA`);
 * - `glued`: a word of another script typed against it (`CT7KQ2M9XAспасибо`).
 */
export type ChatIdRepair = 'split' | 'glued';
export interface ChatIdCandidate {
    /** Canonical ID: the configured prefix plus upper-case characters. */
    id: string;
    /** null when the ID stood intact somewhere in the text, otherwise the repair it needed. */
    repair: ChatIdRepair | null;
}
/**
 * Every distinct chat ID in a message, in order of first appearance, each with the repair it
 * needed (null when it also stands intact somewhere). Empty when there is none or `text` is not a
 * string. The caller decides between several: see `extractChatId` for the single-answer reading.
 *
 * @example findChatIds('мой CT7KQ2M9XA, а у друга CT 8KQ2M9XB') // [{ id: 'CT7KQ2M9XA', repair: null }, { id: 'CT8KQ2M9XB', repair: 'split' }]
 */
export declare function findChatIds(text: unknown, format?: ChatIdFormat): ChatIdCandidate[];
/**
 * Finds the chat ID in a message or a start payload.
 * Returns the canonical ID (the configured prefix plus upper-case characters), or null when
 * there is none, when two different IDs appear, or when `text` is not a string.
 *
 * @example extractChatId('Здравствуйте! Номер обращения: ст7kq2m9xa') // 'CT7KQ2M9XA'
 */
export declare function extractChatId(text: unknown, format?: ChatIdFormat): string | null;
/** Folds the text so that a chat ID typed or pasted in any of the usual ways reads as canonical. */
export declare function normalizeForMatching(text: string): string;
/**
 * Splits a Telegram bot command `/start <payload>` (also `/start@BotName <payload>`).
 * Returns the payload (possibly empty) when the text is a start command, otherwise null.
 */
export declare function parseStartPayload(text: unknown): string | null;
