/**
 * How long after a page view's pairing a later pairing of the same chat ID still belongs to the
 * same visit: Metrica's own visit timeout (a visit ends after 30 minutes without activity). A
 * late ClientID, or a beacon that lost the race with its chat, comes within seconds; a pairing
 * after this is a later visit of the same browser, whose IDs (a new ad click) must never be
 * credited with an earlier chat.
 */
export const SAME_VISIT_MS = 30 * 60 * 1000;
