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
/** Folds `text` for reading chat IDs out of it. Pure; linear in the length of the text. */
export declare function foldText(text: string): FoldedText;
