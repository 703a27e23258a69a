/**
 * Characters that phones and messengers put into copied text without showing them. Android wraps
 * a copied phone number in U+2068 … U+2069 (first-strong isolate … pop isolate); iOS and desktop
 * apps add direction marks around numbers in right-to-left contexts; web pages and word
 * processors keep zero-width spaces, joiners and soft hyphens. None of them is part of what a
 * person meant to type.
 */
/** Drops the bidi embeddings, overrides and isolates only: for names, whose joiners and marks are meant. */
export declare function removeBidiControls(text: string): string;
/** Drops the invisible characters. Emoji sequences lose their joiners: use only on matching or on identifiers. */
export declare function removeInvisible(text: string): string;
/** Reads every look-alike space as an ordinary one. */
export declare function plainSpaces(text: string): string;
/**
 * Cleans a single value a person or an app copied: a phone number, a username, an ID. Drops the
 * invisible characters, reads odd spaces as spaces and trims. A value that is still invalid after
 * this is really invalid.
 *
 * @example cleanCopiedValue('\u2068+7\u00A0916\u00A0123-45-67\u2069') // '+7 916 123-45-67'
 */
export declare function cleanCopiedValue(text: string): string;
