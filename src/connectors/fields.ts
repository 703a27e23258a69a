import { cleanText, normalizePhone } from '../domain/index.js';
import { cleanCopiedValue } from '../match/index.js';

/**
 * Reading untrusted platform JSON: each helper returns the value in the form a chat stores, or
 * undefined, and never throws. A field of the wrong type is treated as absent, so a platform's
 * new or odd shape ends up ignored rather than refused (platforms disable webhooks that fail).
 */

export type Json = Record<string, unknown>;

export const obj = (v: unknown): Json | undefined =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : undefined;

export const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/**
 * A display string (a username): its clean version (domain/text.ts): control, direction-override
 * and broken characters dropped, cut to `max` characters on a character boundary.
 */
export function label(v: unknown, max: number): string | undefined {
  return typeof v === 'string' ? cleanText(v, max) : undefined;
}

/** Message text as the chat-ID search reads it: any string, capped at Telegram's 4096. */
export const messageText = (v: unknown): string | undefined =>
  typeof v === 'string' && v.length > 0 ? v.slice(0, 4096) : undefined;

/** An identifier: a safe integer, or a string without spaces or control characters. */
export function ident(v: unknown, max: number): string | undefined {
  if (typeof v === 'number' && Number.isSafeInteger(v)) return String(v);
  if (typeof v === 'string' && v.length > 0 && v.length <= max && !/[\s\u0000-\u001f\u007f-\u009f]/.test(v)) return v;
  return undefined;
}

/** Earliest DateTime taken from a platform (2000-01-01); earlier is a unit mistake. */
const MIN_SECONDS = 946_684_800;

/**
 * Unix seconds from a number or a digit string (WhatsApp sends `"1603059201"`), clamped to the
 * collector's clock: Metrica takes past times only, and a sender's clock may run ahead of ours.
 */
export function unixSeconds(v: unknown, nowSeconds: number): number | undefined {
  const n = typeof v === 'string' && /^[0-9]{9,11}$/.test(v) ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < MIN_SECONDS) return undefined;
  return Math.min(n, nowSeconds);
}

/** Unix seconds from an ISO 8601 time; one without a zone is read as UTC. */
export function isoSeconds(v: unknown, nowSeconds: number): number | undefined {
  if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(v)) return undefined;
  const zoned = /(Z|[+-]\d{2}:?\d{2})$/.test(v) ? v : `${v}Z`;
  const ms = Date.parse(zoned);
  return Number.isFinite(ms) ? unixSeconds(Math.floor(ms / 1000), nowSeconds) : undefined;
}

/**
 * A phone number in its one spelling (domain/phone.ts: `+` and the digits), from any spelling,
 * also as a phone copied it (bidi isolates, direction marks, zero-width characters around it).
 */
export function phone(digits: unknown): string | undefined {
  if (typeof digits !== 'string' && typeof digits !== 'number') return undefined;
  return normalizePhone(cleanCopiedValue(String(digits))) ?? undefined;
}
