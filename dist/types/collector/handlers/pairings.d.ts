import type { RouteHandler } from '../context.js';
/** A beacon is ~300 bytes. */
export declare const PAIRING_BODY_LIMIT = 4096;
/** `POST /v1/pairings`: the page script's beacon pairing a chat ID with the visitor's Metrica IDs. */
export declare const pairing: RouteHandler;
