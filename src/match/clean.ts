/**
 * Characters that phones and messengers put into copied text without showing them. Android wraps
 * a copied phone number in U+2068 … U+2069 (first-strong isolate … pop isolate); iOS and desktop
 * apps add direction marks around numbers in right-to-left contexts; web pages and word
 * processors keep zero-width spaces, joiners and soft hyphens. None of them is part of what a
 * person meant to type.
 */

// Bidi controls: ALM, LRM, RLM, the embeddings and overrides U+202A–U+202E, the isolates
// U+2066–U+2069. Zero-width: ZWSP, ZWNJ, ZWJ, word joiner and the invisible operators
// U+2060–U+2064, BOM / zero-width no-break space. Also the soft hyphen, the Mongolian vowel
// separator (a space before Unicode 6.3, still pasted as one) and the combining grapheme joiner.
const INVISIBLE = /[\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF\u00AD\u180E]|\u034F/g;

// Spaces that look like an ordinary space but are other code points: no-break space (typed by
// French and Russian keyboards and inserted by phones between the groups of a number), Ogham,
// the typographic spaces U+2000–U+200A, narrow no-break, medium mathematical, ideographic.
const ODD_SPACES = /[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g;

// The embeddings, overrides and isolates alone: they make a value display as something else and
// were never accepted in a stored value, so dropping them changes no stored name or ID.
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

/** Drops the bidi embeddings, overrides and isolates only: for names, whose joiners and marks are meant. */
export function removeBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, '');
}

/** Drops the invisible characters. Emoji sequences lose their joiners: use only on matching or on identifiers. */
export function removeInvisible(text: string): string {
  return text.replace(INVISIBLE, '');
}

/** Reads every look-alike space as an ordinary one. */
export function plainSpaces(text: string): string {
  return text.replace(ODD_SPACES, ' ');
}

/**
 * Cleans a single value a person or an app copied: a phone number, a username, an ID. Drops the
 * invisible characters, reads odd spaces as spaces and trims. A value that is still invalid after
 * this is really invalid.
 *
 * @example cleanCopiedValue('\u2068+7\u00A0916\u00A0123-45-67\u2069') // '+7 916 123-45-67'
 */
export function cleanCopiedValue(text: string): string {
  return plainSpaces(removeInvisible(text)).trim();
}
