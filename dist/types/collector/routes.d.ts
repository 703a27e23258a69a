import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CollectorContext, Route } from './context.js';
export type { Route, RouteHandler, RouteRequest } from './context.js';
/**
 * The collector's routes, in one table. Adding a route is one entry here and a handler in
 * `handlers/`. The dispatcher below does what entries declare, in this order: a wrong webhook
 * secret answers 404 (as a path that does not exist); a CORS route checks the Origin and answers
 * the preflight; a method not listed answers 405 with `Allow`; a bearer route checks the key;
 * then the handler runs.
 */
export declare const ROUTES: readonly Route[];
/** The route whose path matches, with its `:name` segments; null for none. */
export declare function matchRoute(routes: readonly Route[], path: string): {
    route: Route;
    params: Record<string, string>;
} | null;
/** Dispatches requests (path already without the mount prefix) to the routes of the table. */
export declare function createDispatcher(ctx: CollectorContext, routes?: readonly Route[]): (req: IncomingMessage, res: ServerResponse, url: URL, path: string) => Promise<void>;
