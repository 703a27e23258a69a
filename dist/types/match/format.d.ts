/** Upper-case letters and digits a person cannot confuse when reading or retyping. */
export declare const CHAT_ID_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
export declare const DEFAULT_PREFIX = "CT";
export declare const DEFAULT_LENGTH = 8;
/** Telegram's deep-link charset and length: the strictest carrier, so every ID fits it. */
export declare const CHAT_ID_PATTERN: RegExp;
/** Telegram opens an affiliate screen instead of sending `/start` for this prefix. */
export declare const TELEGRAM_RESERVED_PREFIX = "_tgr_";
export interface ChatIdFormat {
    /** Fixed start of every ID, `[A-Za-z0-9_-]*`. Default `CT`. */
    prefix: string;
    /** Number of random characters after the prefix. Default 8. */
    length: number;
}
export declare const DEFAULT_FORMAT: ChatIdFormat;
/** A fresh random ID of the format (crypto random, no look-alike characters). */
export declare const newChatId: (format: ChatIdFormat) => string;
/**
 * Checks a format and returns a message naming the fault, or null when it is usable.
 * The random part needs at least 6 characters (1e9 combinations) to stay unique enough.
 */
export declare function chatIdFormatProblem(format: ChatIdFormat): string | null;
/** True when `id` is a chat ID of the given format, exactly (prefix case included). */
export declare function isChatId(id: unknown, format?: ChatIdFormat): id is string;
/**
 * The former name of {@link chatIdFormatProblem}, kept because it is public API of
 * `metrica-chats/match`; the uploader's problem formatter shared the name.
 * @deprecated Use chatIdFormatProblem.
 */
export declare const formatProblem: typeof chatIdFormatProblem;
