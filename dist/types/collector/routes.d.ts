import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CollectorContext } from './context.js';
/**
 * The collector's routes, in one table. Adding a route is one entry here and a handler in
 * `handlers/`. The dispatcher below does what entries declare, in this order: a wrong webhook
 * secret answers 404 (as a path that does not exist); a CORS route checks the Origin and answers
 * the preflight; a method not listed answers 405 with `Allow`; a bearer route checks the key;
 * then the handler runs.
 */
export interface RouteRequest {
    req: IncomingMessage;
    res: ServerResponse;
    url: URL;
    /** The `:name` segments of the route's path, raw (not percent-decoded). */
    params: Readonly<Record<string, string>>;
    /** CORS headers for the response (empty unless the route is a CORS one and the request has an Origin). */
    cors: Readonly<Record<string, string>>;
}
export type RouteHandler = (ctx: CollectorContext, request: RouteRequest) => Promise<void>;
export interface Route {
    /** `/v1/chats`, or with `:name` segments that match one non-empty path segment each. */
    path: string;
    /** Methods served; a CORS route also answers OPTIONS (the preflight). */
    methods: readonly string[];
    /**
     * `public`: anyone; `bearer`: an API key in `Authorization`; `path-secret`: the webhook secret
     * as the route's `:secret` segment; `basic`: HTTP Basic with an API key as the password (for a
     * browser, which asks for it on the 401), counted against the per-client rate limit first.
     */
    auth: 'public' | 'bearer' | 'path-secret' | 'basic';
    /** Browsers call this route from the allowed origins (the beacon). */
    cors?: boolean;
    handler: RouteHandler;
}
export declare const ROUTES: readonly Route[];
/** The route whose path matches, with its `:name` segments; null for none. */
export declare function matchRoute(routes: readonly Route[], path: string): {
    route: Route;
    params: Record<string, string>;
} | null;
/** Dispatches requests (path already without the mount prefix) to the routes of the table. */
export declare function createDispatcher(ctx: CollectorContext, routes?: readonly Route[]): (req: IncomingMessage, res: ServerResponse, url: URL, path: string) => Promise<void>;
