import type { RouteHandler } from '../context.js';
/** `GET /healthz`: 200 when the database answers a query, 503 when it does not. */
export declare const health: RouteHandler;
