import type { RouteHandler } from '../routes.js';
/** `GET /healthz`: the process is up and which database it uses. */
export declare const health: RouteHandler;
