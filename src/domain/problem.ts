/**
 * A rule's verdict on one value. `null` means the value is valid. Otherwise `expected` says what
 * was expected, in words that fit after "must be" (the collector's 4xx) and after "expected"
 * (the uploader's report); `hint` says what the value looks like it went wrong by, when known.
 */
export type Verdict = null | { expected: string; hint?: string };

export const expected = (what: string, hint?: string): Verdict =>
  hint ? { expected: what, hint } : { expected: what };

/** "expected …" plus the hint in brackets: the uploader's and the fake Metrica's wording. */
export const describeVerdict = (v: Exclude<Verdict, null>): string =>
  `expected ${v.expected}${v.hint ? ` (${v.hint})` : ''}`;
