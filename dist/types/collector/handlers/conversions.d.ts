import type { RouteHandler } from '../context.js';
/** `GET /v1/conversions.csv`: the CHATS CSV of the pending rows, streamed. */
export declare const conversionsCsv: RouteHandler;
/** `GET /v1/stats`: counts of chats by outcome, as JSON. */
export declare const stats: RouteHandler;
