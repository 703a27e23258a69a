import type { RouteHandler } from '../context.js';
/** `GET /healthz`: the process is up and which database it uses. */
export declare const health: RouteHandler;
