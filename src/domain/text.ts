/**
 * Text rules shared by every field: what makes a value unfit for an ID, a CSV cell or a log line,
 * and the clean version of a value that comes from a messenger and cannot be refused.
 */

/** C0 and C1 control characters, DEL, and the bidi overrides that make a value display as something else. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
/** The same, but line breaks and tabs are allowed (a message text). */
const CONTROL_MULTILINE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
/**
 * A broken character: a lone surrogate, or U+FFFD, which a decoder puts where the bytes were not
 * UTF-8 (the uploader's file reader refuses it for that reason).
 */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]|\ufffd/;

/** Length in Unicode code points (what "characters" means in Metrica's limits), not UTF-16 units. */
export const characterCount = (value: string): number => [...value].length;

/**
 * Why a text value is unfit, or null: control or direction-override characters, or a broken
 * (lone surrogate) character. `multiline` allows line breaks and tabs.
 */
export function textProblem(value: string, options: { multiline?: boolean } = {}): string | null {
  if (LONE_SURROGATE.test(value)) return 'contains a broken Unicode character (a lone surrogate or U+FFFD)';
  if ((options.multiline ? CONTROL_MULTILINE : CONTROL).test(value)) {
    return 'contains control or direction-override characters';
  }
  return null;
}

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * Cuts a value to at most `max` code points, on a character (grapheme) boundary: an emoji, a flag
 * or a letter with its accent is kept whole or dropped whole, never split into a broken half.
 */
export function cutToCharacters(value: string, max: number): string {
  if (characterCount(value) <= max) return value;
  let out = '';
  let count = 0;
  for (const { segment } of segmenter.segment(value)) {
    const n = characterCount(segment);
    if (count + n > max) break;
    out += segment;
    count += n;
  }
  return out;
}

const CONTROL_ALL = new RegExp(CONTROL.source, 'g');
const LONE_SURROGATE_ALL = new RegExp(LONE_SURROGATE.source, 'g');

/**
 * The clean version of a value a messenger sends and the collector cannot refuse (a display name,
 * a long text): control and direction-override characters and broken characters dropped, spaces
 * at the ends trimmed, cut to `max` characters on a character boundary. Undefined when nothing is left.
 */
export function cleanText(value: string, max: number): string | undefined {
  const clean = cutToCharacters(value.replace(LONE_SURROGATE_ALL, '').replace(CONTROL_ALL, '').trim(), max);
  return clean === '' ? undefined : clean;
}
