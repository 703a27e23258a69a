import { removeInvisible } from './clean.js';
import { type CharKind, type FoldedText, foldText } from './fold.js';
import { CHAT_ID_ALPHABET, type ChatIdFormat, DEFAULT_FORMAT } from './format.js';

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

// A message can be long; an ID near the end of a 64 KiB text is still found, nothing longer is read.
const MAX_TEXT = 65536;
// At most this many spaces typed inside an ID still read as a slip of the thumb.
const MAX_SPACES_INSIDE = 3;
// A repaired ID must look random: its random part changes between letters and digits at least
// twice, not counting across a slip. Words, numbers and word-plus-number codes (SUMMER25, 2025SALE)
// change at most once, and so do two such tokens that a slip would join (`CTSALE25 CT scan`);
// 4 in 5 generated IDs qualify.
const MIN_LETTER_DIGIT_CHANGES = 2;
// A piece of a split ID shorter than this is more likely a stray letter than half an ID.
const MIN_PIECE = 2;

const LATIN_THEN_CYRILLIC = /^L+C+$/;

const isDigit = (c: string): boolean => c >= '0' && c <= '9';

/** Changes between letters and digits in the random part, not counting one across the slip at `slipAt`. */
function letterDigitChanges(body: string[], slipAt: number): number {
  let changes = 0;
  for (let k = 1; k < body.length; k++) {
    if (k !== slipAt && isDigit(body[k] as string) !== isDigit(body[k - 1] as string)) changes++;
  }
  return changes;
}

/** What stands next to an ID: a boundary, a word of another script, or more of a Latin word or number. */
function neighbour(kind: CharKind | undefined): 'edge' | 'glue' | 'block' {
  if (kind === 'latin' || kind === 'word') return 'block';
  if (kind === 'lookalike' || kind === 'foreign') return 'glue';
  return 'edge';
}

/** Length of a slip typed inside an ID at `j`: 1–3 spaces, or one dash with a space either side at most. */
function slipLength(t: FoldedText, j: number): number {
  let k = j;
  while (k - j < MAX_SPACES_INSIDE && t.kinds[k] === 'space') k++;
  if (t.kinds[k] !== 'dash') return k - j;
  if (k - j > 1) return 0;
  k++;
  if (t.kinds[k] === 'space') k++;
  return k - j;
}

interface Reading extends ChatIdCandidate {
  /** Index just after the ID in the folded text. */
  end: number;
}

/**
 * Reads an ID of `format` starting exactly at `i`, or null. Deterministic: the first character
 * that is not part of an ID either is the single slip allowed or ends the attempt.
 */
function readAt(t: FoldedText, i: number, prefix: string, format: ChatIdFormat): Reading | null {
  let j = i;
  // The script of each letter of the ID in turn, L(atin) or C(yrillic); digits belong to neither.
  let scripts = '';
  const note = (c: string, kind: CharKind | undefined): void => {
    if (!isDigit(c) && (kind === 'latin' || kind === 'lookalike')) scripts += kind === 'latin' ? 'L' : 'C';
  };
  for (const p of prefix) {
    if (t.chars[j] !== p) return null;
    note(p, t.kinds[j]);
    j++;
  }
  const body: string[] = [];
  let slipAt = -1;
  while (body.length < format.length) {
    const c = t.chars[j];
    const kind = t.kinds[j];
    if (c !== undefined && (kind === 'latin' || kind === 'lookalike') && CHAT_ID_ALPHABET.includes(c)) {
      note(c, kind);
      body.push(c);
      j++;
      continue;
    }
    const slip = slipAt === -1 ? slipLength(t, j) : 0;
    if (slip === 0) return null;
    slipAt = body.length;
    j += slip;
  }
  const before = neighbour(t.kinds[i - 1]);
  const after = neighbour(t.kinds[j]);
  if (before === 'block' || after === 'block') return null;
  // Latin letters followed by Cyrillic ones only: a Latin code with a Russian word glued to it
  // (`CTSALE25ст.`), not an ID retyped on a Russian layout, which starts in Cyrillic or mixes both.
  if (LATIN_THEN_CYRILLIC.test(scripts)) return null;
  const id = format.prefix + body.join('');
  const glued = before === 'glue' || after === 'glue';
  if (slipAt === -1 && !glued) return { id, repair: null, end: j };
  // One repair at most, only on an ID written in Latin letters (a retyped Cyrillic look-alike next
  // to a Russian word has no visible boundary), only with a prefix to anchor it, only when random.
  if (slipAt !== -1 && glued) return null;
  if (scripts.includes('C') || prefix.length === 0 || letterDigitChanges(body, slipAt) < MIN_LETTER_DIGIT_CHANGES)
    return null;
  if (slipAt !== -1 && (prefix.length + slipAt < MIN_PIECE || format.length - slipAt < MIN_PIECE)) return null;
  return { id, repair: slipAt === -1 ? 'glued' : 'split', end: j };
}

/**
 * Every distinct chat ID in a message, in order of first appearance, each with the repair it
 * needed (null when it also stands intact somewhere). Empty when there is none or `text` is not a
 * string. The caller decides between several: see `extractChatId` for the single-answer reading.
 *
 * @example findChatIds('мой CT7KQ2M9XA, а у друга CT 8KQ2M9XB') // [{ id: 'CT7KQ2M9XA', repair: null }, { id: 'CT8KQ2M9XB', repair: 'split' }]
 */
export function findChatIds(text: unknown, format: ChatIdFormat = DEFAULT_FORMAT): ChatIdCandidate[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  const t = foldText(text.length > MAX_TEXT ? text.slice(0, MAX_TEXT) : text);
  const prefix = format.prefix.toUpperCase();
  const found = new Map<string, ChatIdRepair | null>();
  for (let i = 0; i < t.chars.length; ) {
    const reading = prefix.length === 0 || t.chars[i] === prefix[0] ? readAt(t, i, prefix, format) : null;
    if (!reading) {
      i++;
      continue;
    }
    if (!found.has(reading.id) || reading.repair === null) found.set(reading.id, reading.repair);
    i = reading.end;
  }
  return [...found].map(([id, repair]) => ({ id, repair }));
}

/**
 * Finds the chat ID in a message or a start payload.
 * Returns the canonical ID (the configured prefix plus upper-case characters), or null when
 * there is none, when two different IDs appear, or when `text` is not a string.
 *
 * @example extractChatId('Здравствуйте! Номер обращения: ст7kq2m9xa') // 'CT7KQ2M9XA'
 */
export function extractChatId(text: unknown, format: ChatIdFormat = DEFAULT_FORMAT): string | null {
  const candidates = findChatIds(text, format);
  return candidates.length === 1 ? (candidates[0] as ChatIdCandidate).id : null;
}

/** Folds the text so that a chat ID typed or pasted in any of the usual ways reads as canonical. */
export function normalizeForMatching(text: string): string {
  return foldText(text).chars.join('');
}

/**
 * Splits a Telegram bot command `/start <payload>` (also `/start@BotName <payload>`).
 * Returns the payload (possibly empty) when the text is a start command, otherwise null.
 */
export function parseStartPayload(text: unknown): string | null {
  if (typeof text !== 'string') return null;
  const m = /^\s*\/start(?:@[A-Za-z0-9_]{1,64})?(?:\s+([\s\S]*?))?\s*$/i.exec(removeInvisible(text));
  if (!m) return null;
  return m[1] ?? '';
}
