import { expected, type Verdict } from './problem.js';

/**
 * One spelling per phone number, so that `79161234567`, `+7 916 123-45-67`, `8 (916) 123-45-67`
 * and `00 7 916 1234567` are one chat partner, one partner link and one Metrica key.
 *
 * The rule:
 * - spaces (any Unicode space), dots, dashes, slashes and brackets are dropped;
 * - a leading `+` or `00` marks the international form; without either, the digits are read as
 *   international too (WhatsApp and most CRMs send the country code without `+`);
 * - a domestic Russian or Kazakh number, `8` and ten digits of which the first is `9` (mobile) or
 *   `7` (Kazakh numbers), is read as `+7` and those ten digits: `8 916 123-45-67` → `+79161234567`.
 *   No country code starts with `89` or is 11 digits long starting `87`, so no international number
 *   is misread. Any other `8…` number is kept as written (read as international digits): a
 *   Russian landline written `8 495 …` cannot be told from a Vietnamese `84 95 …` and must be given
 *   with `+7`;
 * - the result is `+` and 7 to 15 digits (E.164 allows 15); anything else is not a phone number.
 */

const SEPARATORS = /[\s\u00a0\u2000-\u200b\u202f\u2060.()[\]/\u2010-\u2015-]/g;
const DOMESTIC_RU_KZ = /^8([79][0-9]{9})$/;

/** The one spelling of a phone number (`+` and 7–15 digits), or null when the value is not one. */
export function normalizePhone(raw: string): string | null {
  let s = raw.replace(SEPARATORS, '');
  if (s.startsWith('+')) s = s.slice(1);
  else if (s.startsWith('00')) s = s.slice(2);
  else {
    const domestic = DOMESTIC_RU_KZ.exec(s);
    if (domestic) s = `7${domestic[1]}`;
  }
  return /^[1-9][0-9]{6,14}$/.test(s) ? `+${s}` : null;
}

/**
 * A phone number as a CHATS row may carry it: with or without `+`, digits only (Metrica: "without
 * spaces, with the country code", e.g. +70123456789). Rows stored before the one spelling was
 * introduced carry numbers without `+`; they stay valid so that their updates keep the same key.
 */
export function phoneColumnVerdict(value: string): Verdict {
  if (/^\+?[0-9]{7,15}$/.test(value)) return null;
  const normal = normalizePhone(value);
  return expected(
    '+ and 7 to 15 digits with the country code, e.g. +79161234567',
    normal ? `write it ${normal}` : undefined,
  );
}
