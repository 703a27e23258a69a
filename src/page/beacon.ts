/**
 * Sending the pairing. `sendBeacon` survives the page being left for the messenger; a string
 * body goes as text/plain, which needs no CORS preflight. Where sendBeacon is missing, throws
 * or refuses (it returns false over its quota), `fetch` with keepalive does the same job.
 */
import type { PairingBeacon } from '../shared/pairing.js';

/** The pairing beacon body, version 1; the collector's side reads the same type. */
export type Pairing = PairingBeacon;

/** POSTs the body as text/plain. Throws only when neither way exists. */
export function send(endpoint: string, body: string): void {
  try {
    if (navigator.sendBeacon(endpoint, body)) return;
  } catch {}
  fetch(endpoint, { method: 'POST', body, keepalive: true }).catch(() => 0);
}
