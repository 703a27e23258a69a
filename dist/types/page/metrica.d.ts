/** Cookie that keeps the latest ad click's yclid. */
export declare const YCLID_KEY = "_mc_yclid";
/** Metrica attributes a visit to an ad click for up to 90 days; the yclid is kept that long. */
export declare const YCLID_DAYS = 90;
/**
 * A ClientID as Metrica writes it (the localStorage copy is JSON, so it may be quoted), or undefined.
 * Only the shape the collector takes, 17–19 digits (domain/metrica-ids.ts; the page stays free of
 * server code, and its test holds the two together): anything else would get the whole beacon
 * refused, yclid included. (exec() reads undefined and null as "undefined", "null".)
 */
export declare const cleanClientId: (v: unknown) => string | undefined;
/** The ClientID Metrica left in the `_ym_uid` cookie, else in localStorage. */
export declare const storedClientId: () => string | undefined;
/** Asks the Metrica tag for the ClientID; it may answer at once, later, or never. A throwing `ym` is ignored. */
export declare const askMetrica: (counterId: string, found: (id: string) => void) => unknown;
/** The yclid from this page's URL, kept for later pages (latest wins); else the one kept earlier. */
export declare function loadYclid(search: string, domain?: string): string | undefined;
