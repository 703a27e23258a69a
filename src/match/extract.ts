import { CHAT_ID_ALPHABET, type ChatIdFormat, DEFAULT_FORMAT } from './format.js';

/**
 * Finding a chat ID in what a visitor actually sent. People edit the pre-filled message,
 * retype the tag on a Russian keyboard, paste it through apps that add invisible characters,
 * and bots receive it as `/start <payload>`. The search is tolerant of all of that, but it
 * returns null rather than a guess: no match inside longer words, none when two different
 * IDs appear.
 */

// Zero-width and formatting characters that apps insert or keep invisibly inside text:
// ZWSP, ZWNJ, ZWJ, LRM, RLM, word joiner and invisible operators, BOM, soft hyphen, Mongolian vowel separator.
const INVISIBLE = /[\u200B-\u200F\u2060-\u2064\uFEFF\u00AD\u180E]/g;

// Cyrillic letters that look like Latin ones, as typed on a Russian keyboard layout.
const LOOK_ALIKES: Record<string, string> = {
  А: 'A',
  В: 'B',
  Е: 'E',
  К: 'K',
  М: 'M',
  Н: 'H',
  О: 'O',
  Р: 'P',
  С: 'C',
  Т: 'T',
  Х: 'X',
  У: 'Y',
  а: 'A',
  в: 'B',
  е: 'E',
  к: 'K',
  м: 'M',
  н: 'H',
  о: 'O',
  р: 'P',
  с: 'C',
  т: 'T',
  х: 'X',
  у: 'Y',
};
const LOOK_ALIKE_CHARS = new RegExp(`[${Object.keys(LOOK_ALIKES).join('')}]`, 'g');

// Full-width ASCII forms (U+FF01–U+FF5E) sit exactly 0xFEE0 above their ASCII twins.
const FULL_WIDTH = /[\uFF01-\uFF5E]/g;
const FULL_WIDTH_OFFSET = 0xfee0;

/** Folds the text so that a chat ID typed or pasted in any of the usual ways reads as canonical. */
export function normalizeForMatching(text: string): string {
  return text
    .replace(INVISIBLE, '')
    .replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - FULL_WIDTH_OFFSET))
    .replace(LOOK_ALIKE_CHARS, (c) => LOOK_ALIKES[c] ?? c)
    .toUpperCase();
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

const patternCache = new Map<string, RegExp>();

/**
 * A global regex for the format's IDs in normalized text. `_` and `-` count as separators
 * (a Telegram start payload such as `promo-CT7KQ2M9XA` keeps an earlier value before the ID);
 * any letter or digit, of any script, next to the ID makes it part of a longer word.
 */
function idPattern(format: ChatIdFormat): RegExp {
  const key = `${format.prefix}\u0000${format.length}`;
  let re = patternCache.get(key);
  if (!re) {
    re = new RegExp(
      `(?<![\\p{L}\\p{N}\\p{M}])${escapeRegExp(format.prefix.toUpperCase())}([${CHAT_ID_ALPHABET}]{${format.length}})(?![\\p{L}\\p{N}\\p{M}])`,
      'gu',
    );
    patternCache.set(key, re);
  }
  re.lastIndex = 0;
  return re;
}

/**
 * Finds the chat ID in a message or a start payload.
 * Returns the canonical ID (the configured prefix plus upper-case characters), or null when
 * there is none, when two different IDs appear, or when `text` is not a string.
 *
 * @example extractChatId('Здравствуйте! Номер обращения: ст7kq2m9xa') // 'CT7KQ2M9XA'
 */
export function extractChatId(text: unknown, format: ChatIdFormat = DEFAULT_FORMAT): string | null {
  if (typeof text !== 'string' || text.length === 0) return null;
  // A message can be long; an ID near the end of a 64 KiB text is still found, nothing longer is read.
  const normalized = normalizeForMatching(text.length > 65536 ? text.slice(0, 65536) : text);
  let found: string | null = null;
  for (const m of normalized.matchAll(idPattern(format))) {
    const id = format.prefix + (m[1] as string);
    if (found !== null && found !== id) return null;
    found = id;
  }
  return found;
}

/**
 * Splits a Telegram bot command `/start <payload>` (also `/start@BotName <payload>`).
 * Returns the payload (possibly empty) when the text is a start command, otherwise null.
 */
export function parseStartPayload(text: unknown): string | null {
  if (typeof text !== 'string') return null;
  const m = /^\s*\/start(?:@[A-Za-z0-9_]{1,64})?(?:\s+([\s\S]*?))?\s*$/i.exec(text.replace(INVISIBLE, ''));
  if (!m) return null;
  return m[1] ?? '';
}
