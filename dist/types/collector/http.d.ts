import type { IncomingMessage, ServerResponse } from 'node:http';
/** Sent with every response: no MIME sniffing, no caching of API answers. */
export declare const BASE_HEADERS: {
    'X-Content-Type-Options': string;
    'Cache-Control': string;
};
/** Sends a JSON body (or none); after headers already went out, the connection is cut instead. */
export declare function send(res: ServerResponse, status: number, body?: unknown, headers?: Record<string, string>): void;
/** The request's media type, lower case, without parameters; '' when there is none. */
export declare function mediaType(req: IncomingMessage): string;
/** Refuses (415) a request whose media type is not one of `allowed`. */
export declare function requireType(req: IncomingMessage, allowed: readonly string[]): void;
/** Reads a body of at most `limit` bytes as one strict JSON object (see json.ts). */
export declare function readJsonObject(req: IncomingMessage, limit: number): Promise<Record<string, unknown>>;
/** The client's address: the last `X-Forwarded-For` entry behind a trusted proxy, else the socket's. */
export declare function clientAddress(req: IncomingMessage, trustProxy: boolean): string;
/** Whether the client reached us over HTTPS: a TLS socket, or `X-Forwarded-Proto: https` from a trusted proxy. */
export declare function isHttps(req: IncomingMessage, trustProxy: boolean): boolean;
/**
 * Whether an error says the database cannot be reached or used right now (so a retry later may
 * succeed): SQLite busy, locked, unreadable, full or closed; PostgreSQL connection failures, an
 * administrator's shutdown, too many connections, or a database that is gone.
 */
export declare function isDatabaseDown(error: unknown): boolean;
/** Answers a failed request: a refusal with its status, field and headers; 503 when the database is down; else 500. */
export declare function sendError(res: ServerResponse, error: unknown): void;
