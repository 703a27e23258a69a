/**
 * The pairing beacon, version 1: what the page script sends and the collector accepts. One
 * definition for both sides, so that a field added to one cannot be missing from the other.
 */
import type { ChatPlatform } from './conversion.js';

/** The beacon's JSON body. Absent fields are left out. */
export interface PairingBeacon {
  v: 1;
  chatId: string;
  clientId?: string;
  yclid?: string;
  userId?: string;
  purchaseId?: string;
  counterId?: string;
  /** The page address, without its fragment. */
  url: string;
  referrer?: string;
  /** The messenger of the link clicked, when one was. */
  platform?: ChatPlatform;
  /** The page's clock, Unix milliseconds (informational: clocks in browsers drift). */
  ts: number;
}
