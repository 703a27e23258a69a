import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody } from './body.js';
import { HttpError } from './errors.js';
import { decodeUtf8, parseJsonObject } from './json.js';

/** The small HTTP toolkit of the collector's handlers: responses, bodies, media types, refusals. */

const JSON_TYPE = 'application/json; charset=utf-8';
/** Sent with every response: no MIME sniffing, no caching of API answers. */
export const BASE_HEADERS = { 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store' };

/** Sends a JSON body (or none); after headers already went out, the connection is cut instead. */
export function send(res: ServerResponse, status: number, body?: unknown, headers: Record<string, string> = {}): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const all: Record<string, string> = { ...BASE_HEADERS, ...headers };
  if (body === undefined) {
    res.writeHead(status, all);
    res.end();
    return;
  }
  const payload = JSON.stringify(body);
  all['Content-Type'] = JSON_TYPE;
  all['Content-Length'] = String(Buffer.byteLength(payload));
  res.writeHead(status, all);
  res.end(payload);
}

/** The request's media type, lower case, without parameters; '' when there is none. */
export function mediaType(req: IncomingMessage): string {
  return (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

/** Refuses (415) a request whose media type is not one of `allowed`. */
export function requireType(req: IncomingMessage, allowed: readonly string[]): void {
  const type = mediaType(req);
  if (!allowed.includes(type)) {
    throw new HttpError(
      415,
      `Content-Type must be ${allowed.join(' or ')}, got ${JSON.stringify(type || 'none')}`,
      'Content-Type',
    );
  }
}

/** Reads a body of at most `limit` bytes as one strict JSON object (see json.ts). */
export async function readJsonObject(req: IncomingMessage, limit: number): Promise<Record<string, unknown>> {
  return parseJsonObject(decodeUtf8(await readBody(req, limit)));
}

/** The client's address: the last `X-Forwarded-For` entry behind a trusted proxy, else the socket's. */
export function clientAddress(req: IncomingMessage, trustProxy: boolean): string {
  if (trustProxy) {
    const xff = req.headers['x-forwarded-for'];
    const last = (Array.isArray(xff) ? xff.join(',') : (xff ?? '')).split(',').pop()?.trim();
    if (last) return last;
  }
  return req.socket.remoteAddress ?? 'unknown';
}

/** Whether the client reached us over HTTPS: a TLS socket, or `X-Forwarded-Proto: https` from a trusted proxy. */
export function isHttps(req: IncomingMessage, trustProxy: boolean): boolean {
  if ((req.socket as { encrypted?: boolean }).encrypted) return true;
  if (!trustProxy) return false;
  const proto = req.headers['x-forwarded-proto'];
  // As with X-Forwarded-For, the last value is the one our (single, trusted) proxy wrote.
  return (Array.isArray(proto) ? proto.join(',') : (proto ?? '')).split(',').pop()?.trim().toLowerCase() === 'https';
}

/**
 * Whether an error says the database cannot be reached or used right now (so a retry later may
 * succeed): SQLite busy, locked, unreadable, full or closed; PostgreSQL connection failures, an
 * administrator's shutdown, too many connections, or a database that is gone.
 */
export function isDatabaseDown(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown } | null;
  const code = typeof e?.code === 'string' ? e.code : '';
  const message = typeof e?.message === 'string' ? e.message : '';
  return (
    /^SQLITE_(BUSY|LOCKED|CANTOPEN|IOERR|READONLY|CORRUPT|NOTADB|FULL)/.test(code) ||
    /^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENOTFOUND|EHOSTUNREACH|EPIPE)$/.test(code) ||
    /^(08...|57P0.|53...|3D000)$/.test(code) ||
    /storage is closed|database connection is not open|Connection terminated|connection timeout|Client has encountered a connection error/i.test(
      message,
    )
  );
}

/** Answers a failed request: a refusal with its status, field and headers; 503 when the database is down; else 500. */
export function sendError(res: ServerResponse, error: unknown): void {
  if (!(error instanceof HttpError)) {
    if (isDatabaseDown(error)) {
      send(res, 503, { error: 'the database is unavailable; try again later' }, { 'Retry-After': '5' });
      return;
    }
    send(res, 500, { error: 'internal error' });
    return;
  }
  const headers = { ...error.headers };
  // After a refused body the rest of it is not read: close rather than reuse the connection.
  if (error.status === 413) headers.Connection = 'close';
  send(
    res,
    error.status,
    error.field ? { error: error.message, field: error.field } : { error: error.message },
    headers,
  );
}
