/**
 * Reading untrusted platform JSON: each helper returns the value in the form a chat stores, or
 * undefined, and never throws. A field of the wrong type is treated as absent, so a platform's
 * new or odd shape ends up ignored rather than refused (platforms disable webhooks that fail).
 */
export type Json = Record<string, unknown>;
export declare const obj: (v: unknown) => Json | undefined;
export declare const list: (v: unknown) => unknown[];
/**
 * A display string (a username): its clean version (domain/text.ts): control, direction-override
 * and broken characters dropped, cut to `max` characters on a character boundary.
 */
export declare function label(v: unknown, max: number): string | undefined;
/** Message text as the chat-ID search reads it: any string, capped at Telegram's 4096. */
export declare const messageText: (v: unknown) => string | undefined;
/** An identifier: a safe integer, or a string without spaces or control characters. */
export declare function ident(v: unknown, max: number): string | undefined;
/**
 * Unix seconds from a number or a digit string (WhatsApp sends `"1603059201"`), clamped to the
 * collector's clock: Metrica takes past times only, and a sender's clock may run ahead of ours.
 */
export declare function unixSeconds(v: unknown, nowSeconds: number): number | undefined;
/** Unix seconds from an ISO 8601 time; one without a zone is read as UTC. */
export declare function isoSeconds(v: unknown, nowSeconds: number): number | undefined;
/**
 * A phone number in its one spelling (domain/phone.ts: `+` and the digits), from any spelling,
 * also as a phone copied it (bidi isolates, direction marks, zero-width characters around it).
 */
export declare function phone(digits: unknown): string | undefined;
