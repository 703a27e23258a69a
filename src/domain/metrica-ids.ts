import { expected, type Verdict } from './problem.js';
import { characterCount, textProblem } from './text.js';

/**
 * The Metrica IDs a chat is attributed with (ClientID, UserID, Yclid, PurchaseID). A chat row
 * carries any of them or none (then Metrica keeps it unattributed).
 */

/**
 * ClientID (`_ym_uid`): a 10-digit creation time and 7–9 random digits, so 17–19 digits in all
 * (Metrica's tag source, `src/utils/uid/uid.ts`). Always kept as text, never a number. The page
 * script reads only this shape (page/metrica.ts), so that its beacons are never refused.
 */
export const CLIENT_ID_PATTERN = /^[0-9]{17,19}$/;

/** Yclid: the Yandex Direct click number, digits (an unsigned 64-bit number has at most 20; a few spare). */
export const YCLID_PATTERN = /^[0-9]{1,24}$/;

/** UserID and PurchaseID are the site's own strings; this many characters is plenty and keeps rows small. */
export const SITE_ID_MAX_LENGTH = 100;

export function clientIdVerdict(value: string): Verdict {
  if (CLIENT_ID_PATTERN.test(value)) return null;
  const float = /[.eE]/.test(value) ? 'it looks like a number that went through a spreadsheet or a float' : undefined;
  return expected('17 to 19 digits kept as text', float);
}

export function yclidVerdict(value: string): Verdict {
  return YCLID_PATTERN.test(value) ? null : expected('the digits of the Yandex Direct click ID (1 to 24 digits)');
}

/** UserID and PurchaseID: the site's own ID, 1–100 characters, no control characters. */
export function siteIdVerdict(value: string): Verdict {
  if (value.trim() === '') return expected(`1 to ${SITE_ID_MAX_LENGTH} characters, not only spaces`);
  const n = characterCount(value);
  if (n > SITE_ID_MAX_LENGTH) return expected(`at most ${SITE_ID_MAX_LENGTH} characters`, `it has ${n}`);
  const bad = textProblem(value);
  return bad ? expected('text without control characters', bad) : null;
}

export const userIdVerdict = siteIdVerdict;
export const purchaseIdVerdict = siteIdVerdict;

/** True when a pairing or row carries a Metrica ID that a chat can be credited with. */
export const hasMetricaId = (ids: {
  clientId?: string | null;
  userId?: string | null;
  yclid?: string | null;
  purchaseId?: string | null;
}): boolean => Boolean(ids.clientId || ids.userId || ids.yclid || ids.purchaseId);
