import { type ChatIdFormat } from './format.js';
/** Folds the text so that a chat ID typed or pasted in any of the usual ways reads as canonical. */
export declare function normalizeForMatching(text: string): string;
/**
 * Finds the chat ID in a message or a start payload.
 * Returns the canonical ID (the configured prefix plus upper-case characters), or null when
 * there is none, when two different IDs appear, or when `text` is not a string.
 *
 * @example extractChatId('Здравствуйте! Номер обращения: ст7kq2m9xa') // 'CT7KQ2M9XA'
 */
export declare function extractChatId(text: unknown, format?: ChatIdFormat): string | null;
/**
 * Splits a Telegram bot command `/start <payload>` (also `/start@BotName <payload>`).
 * Returns the payload (possibly empty) when the text is a start command, otherwise null.
 */
export declare function parseStartPayload(text: unknown): string | null;
