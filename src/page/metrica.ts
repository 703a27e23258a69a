/**
 * The visitor's Metrica IDs. The ClientID comes from the Metrica tag when it is on the page
 * (its `ym` queue stub also takes the request before the tag has loaded); a blocked or absent
 * tag may have left its `_ym_uid` cookie or localStorage copy on an earlier visit.
 * The yclid exists only in the landing URL of an ad click, so it is kept in a cookie.
 */
import { attempt } from './safe.js';
import { getCookie, getItem, setCookie } from './storage.js';

/** Cookie that keeps the latest ad click's yclid. */
export const YCLID_KEY = '_mc_yclid';
/** Metrica attributes a visit to an ad click for up to 90 days; the yclid is kept that long. */
export const YCLID_DAYS = 90;

type Ym = (counterId: number, method: string, cb: (id: unknown) => void) => void;

/**
 * A ClientID as Metrica writes it (the localStorage copy is JSON, so it may be quoted), or undefined.
 * Only the shape the collector takes, 17–19 digits (domain/metrica-ids.ts; the page stays free of
 * server code, and its test holds the two together): anything else would get the whole beacon
 * refused, yclid included. (exec() reads undefined and null as "undefined", "null".)
 */
export const cleanClientId = (v: unknown): string | undefined => (/^"?(\d{17,19})"?$/.exec(v as string) || [])[1];

/** The ClientID Metrica left in the `_ym_uid` cookie, else in localStorage. */
export const storedClientId = (): string | undefined =>
  cleanClientId(getCookie('_ym_uid')) || cleanClientId(getItem('_ym_uid'));

/** Asks the Metrica tag for the ClientID; it may answer at once, later, or never. A throwing `ym` is ignored. */
export const askMetrica = (counterId: string, found: (id: string) => void): unknown =>
  attempt(() =>
    ((window as unknown as { ym: Ym }).ym as Ym)(+counterId, 'getClientID', (v) => {
      const id = cleanClientId(v);
      if (id) found(id);
    }),
  );

/** The yclid from this page's URL, kept for later pages (latest wins); else the one kept earlier. */
export function loadYclid(search: string, domain?: string): string | undefined {
  const m = /[?&]yclid=(\d{1,24})(&|$)/.exec(search);
  if (m) setCookie(YCLID_KEY, m[1]!, YCLID_DAYS, domain);
  return m ? m[1] : cleanYclid(getCookie(YCLID_KEY));
}

const cleanYclid = (v: unknown): string | undefined => (/^\d{1,24}$/.exec(v as string) || [])[0];
