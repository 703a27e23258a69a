/**
 * The chat-ID format shared by the page script, the collector and the uploader.
 *
 * Default: `CT` + 8 characters from an alphabet without look-alikes (no 0/O, 1/I),
 * e.g. `CT7KQ2M9XA`. 32^8 ≈ 1.1e12 combinations: the chance that a new ID equals one of
 * a million live IDs is about 1e-6.
 */
import { customAlphabet } from 'nanoid';

/** Upper-case letters and digits a person cannot confuse when reading or retyping. */
export const CHAT_ID_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
export const DEFAULT_PREFIX = 'CT';
export const DEFAULT_LENGTH = 8;

/** Telegram's deep-link charset and length: the strictest carrier, so every ID fits it. */
export const CHAT_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
/** Telegram opens an affiliate screen instead of sending `/start` for this prefix. */
export const TELEGRAM_RESERVED_PREFIX = '_tgr_';

export interface ChatIdFormat {
  /** Fixed start of every ID, `[A-Za-z0-9_-]*`. Default `CT`. */
  prefix: string;
  /** Number of random characters after the prefix. Default 8. */
  length: number;
}

export const DEFAULT_FORMAT: ChatIdFormat = { prefix: DEFAULT_PREFIX, length: DEFAULT_LENGTH };

/** A fresh random ID of the format (crypto random, no look-alike characters). */
export const newChatId = (format: ChatIdFormat): string =>
  format.prefix + customAlphabet(CHAT_ID_ALPHABET, format.length)();

/**
 * Checks a format and returns a message naming the fault, or null when it is usable.
 * The random part needs at least 6 characters (1e9 combinations) to stay unique enough.
 */
export function chatIdFormatProblem(format: ChatIdFormat): string | null {
  const { prefix, length } = format;
  if (typeof prefix !== 'string' || !/^[A-Za-z0-9_-]{0,32}$/.test(prefix)) {
    return `prefix must be 0–32 characters of A-Z a-z 0-9 _ -, got ${JSON.stringify(prefix)}`;
  }
  if (prefix.startsWith(TELEGRAM_RESERVED_PREFIX)) {
    return `prefix must not start with ${TELEGRAM_RESERVED_PREFIX} (Telegram reserves it), got ${JSON.stringify(prefix)}`;
  }
  if (!Number.isInteger(length) || length < 6 || length > 32) {
    return `length must be an integer from 6 to 32, got ${JSON.stringify(length)}`;
  }
  if (prefix.length + length > 64) {
    return `prefix and length together must stay within 64 characters, got ${prefix.length + length}`;
  }
  return null;
}

/** True when `id` is a chat ID of the given format, exactly (prefix case included). */
export function isChatId(id: unknown, format: ChatIdFormat = DEFAULT_FORMAT): id is string {
  if (typeof id !== 'string' || id.length !== format.prefix.length + format.length) return false;
  if (!id.startsWith(format.prefix) || id.startsWith(TELEGRAM_RESERVED_PREFIX)) return false;
  for (let i = format.prefix.length; i < id.length; i++) {
    if (!CHAT_ID_ALPHABET.includes(id.charAt(i))) return false;
  }
  return true;
}

/**
 * The former name of {@link chatIdFormatProblem}, kept because it is public API of
 * `metrica-chats/match`; the uploader's problem formatter shared the name.
 * @deprecated Use chatIdFormatProblem.
 */
export const formatProblem = chatIdFormatProblem;
