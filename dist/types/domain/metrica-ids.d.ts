import { type Verdict } from './problem.js';
/**
 * The Metrica IDs a chat is attributed with (ClientID, UserID, Yclid, PurchaseID). A chat row
 * carries any of them or none (then Metrica keeps it unattributed).
 */
/**
 * ClientID (`_ym_uid`): a 10-digit creation time and 7–9 random digits, so 17–19 digits in all
 * (Metrica's tag source, `src/utils/uid/uid.ts`). Always kept as text, never a number. The page
 * script reads only this shape (page/metrica.ts), so that its beacons are never refused.
 */
export declare const CLIENT_ID_PATTERN: RegExp;
/** Yclid: the Yandex Direct click number, digits (an unsigned 64-bit number has at most 20; a few spare). */
export declare const YCLID_PATTERN: RegExp;
/** UserID and PurchaseID are the site's own strings; this many characters is plenty and keeps rows small. */
export declare const SITE_ID_MAX_LENGTH = 100;
export declare function clientIdVerdict(value: string): Verdict;
export declare function yclidVerdict(value: string): Verdict;
/** UserID and PurchaseID: the site's own ID, 1–100 characters, no control characters. */
export declare function siteIdVerdict(value: string): Verdict;
export declare const userIdVerdict: typeof siteIdVerdict;
export declare const purchaseIdVerdict: typeof siteIdVerdict;
/** True when a pairing or row carries a Metrica ID that a chat can be credited with. */
export declare const hasMetricaId: (ids: {
    clientId?: string | null;
    userId?: string | null;
    yclid?: string | null;
    purchaseId?: string | null;
}) => boolean;
