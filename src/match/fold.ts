import { plainSpaces, removeInvisible } from './clean.js';

/**
 * Folding a message character by character so that a chat ID typed or pasted in any of the usual
 * ways reads as canonical, while remembering how each character was written: whether a found ID
 * stands alone or is glued to a word depends on the script of its neighbours, which folding hides.
 */

/**
 * How a character was written, for reading an ID out of the text:
 * - `latin`: an ASCII letter or digit, or its full-width form;
 * - `lookalike`: a Cyrillic letter that looks like a Latin one, read as that Latin letter;
 * - `foreign`: any other letter of a script other than Latin (a Russian word, Chinese…);
 * - `word`: a Latin letter outside ASCII, a digit of another script or a combining mark: part of a word;
 * - `space`, `dash`: what people type inside an ID by mistake;
 * - `other`: punctuation, symbols, emoji, line breaks, `_`.
 */
export type CharKind = 'latin' | 'lookalike' | 'foreign' | 'word' | 'space' | 'dash' | 'other';

export interface FoldedText {
  /** One entry per code point left after dropping invisible characters; letters of IDs in upper case. */
  chars: string[];
  kinds: CharKind[];
}

// Cyrillic letters that look like Latin ones, as typed on a Russian keyboard layout.
const LOOK_ALIKES: Readonly<Record<string, string>> = {
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

// Hyphen-minus, hyphen, non-breaking hyphen, en dash, minus sign: what a phone keyboard or an
// autocorrecting editor puts where a person typed "-". Em dash is punctuation between words.
const DASHES = new Set(['-', '\u2010', '\u2011', '\u2013', '\u2212']);

// Full-width ASCII forms (U+FF01–U+FF5E) sit exactly 0xFEE0 above their ASCII twins.
const FULL_WIDTH_FIRST = 0xff01;
const FULL_WIDTH_LAST = 0xff5e;
const FULL_WIDTH_OFFSET = 0xfee0;

const LETTER = /^\p{L}$/u;
const LATIN_LETTER = /^\p{Script=Latin}$/u;
const DIGIT_OR_MARK = /^[\p{N}\p{M}]$/u;

const ASCII_KINDS: CharKind[] = Array.from({ length: 128 }, (_, code) => {
  const c = String.fromCharCode(code);
  if (/[A-Za-z0-9]/.test(c)) return 'latin';
  if (c === ' ' || c === '\t') return 'space';
  return c === '-' ? 'dash' : 'other';
});

function foldChar(c: string, out: FoldedText): void {
  let code = c.codePointAt(0) ?? 0;
  if (code >= FULL_WIDTH_FIRST && code <= FULL_WIDTH_LAST) code -= FULL_WIDTH_OFFSET;
  if (code < 128) {
    const kind = ASCII_KINDS[code] as CharKind;
    out.chars.push(kind === 'latin' ? String.fromCharCode(code).toUpperCase() : String.fromCharCode(code));
    out.kinds.push(kind);
    return;
  }
  const lookAlike = LOOK_ALIKES[c];
  out.chars.push(lookAlike ?? c);
  out.kinds.push(lookAlike ? 'lookalike' : kindOf(c));
}

// Property lookups cost more than the rest of the fold; a message repeats few distinct characters.
const KIND_CACHE = new Map<string, CharKind>();
const KIND_CACHE_LIMIT = 4096;

function kindOf(c: string): CharKind {
  let kind = KIND_CACHE.get(c);
  if (kind) return kind;
  kind = 'other';
  if (DASHES.has(c)) kind = 'dash';
  else if (LETTER.test(c)) kind = LATIN_LETTER.test(c) ? 'word' : 'foreign';
  else if (DIGIT_OR_MARK.test(c)) kind = 'word';
  if (KIND_CACHE.size < KIND_CACHE_LIMIT) KIND_CACHE.set(c, kind);
  return kind;
}

/** Folds `text` for reading chat IDs out of it. Pure; linear in the length of the text. */
export function foldText(text: string): FoldedText {
  const out: FoldedText = { chars: [], kinds: [] };
  for (const c of plainSpaces(removeInvisible(text))) foldChar(c, out);
  return out;
}
