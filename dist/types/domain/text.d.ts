/**
 * Text rules shared by every field: what makes a value unfit for an ID, a CSV cell or a log line,
 * and the clean version of a value that comes from a messenger and cannot be refused.
 */
/** Length in Unicode code points (what "characters" means in Metrica's limits), not UTF-16 units. */
export declare const characterCount: (value: string) => number;
/**
 * Why a text value is unfit, or null: control or direction-override characters, or a broken
 * (lone surrogate) character. `multiline` allows line breaks and tabs.
 */
export declare function textProblem(value: string, options?: {
    multiline?: boolean;
}): string | null;
/**
 * Cuts a value to at most `max` code points, on a character (grapheme) boundary: an emoji, a flag
 * or a letter with its accent is kept whole or dropped whole, never split into a broken half.
 */
export declare function cutToCharacters(value: string, max: number): string;
/**
 * The clean version of a value a messenger sends and the collector cannot refuse (a display name,
 * a long text): control and direction-override characters and broken characters dropped, spaces
 * at the ends trimmed, cut to `max` characters on a character boundary. Undefined when nothing is left.
 */
export declare function cleanText(value: string, max: number): string | undefined;
