import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type ChatIdFormat, DEFAULT_FORMAT, formatProblem } from '../match/index.js';
import { openStorage } from '../storage/index.js';
import { partnersOf } from '../storage/rows.js';
import type { Storage } from '../storage/types.js';
import { exportPending } from '../uploader/export.js';
import { findChatId, recordChat } from './attribute.js';
import { secretMatcher } from './auth.js';
import { readBody } from './body.js';
import { type BotChat, telegramChat, viberChat } from './bots.js';
import { HttpError } from './errors.js';
import { decodeUtf8, parseJsonObject } from './json.js';
import { jsonLogger, type Logger, mask, silentLogger } from './logger.js';
import { originMatcher } from './origins.js';
import { clientKey, RateLimiter, type RateLimitOptions } from './rate-limit.js';
import { checkDateTime, parseChatReport, parsePairing } from './validate.js';

/** Body caps: a beacon is ~300 bytes; bot updates carry up to 4096 characters of text and metadata. */
export const PAIRING_BODY_LIMIT = 4096;
export const CHAT_BODY_LIMIT = 64 * 1024;
export const WEBHOOK_BODY_LIMIT = 1024 * 1024;

export interface CollectorOptions {
  /** SQLite file path, `postgres://` URL, or an opened storage (which close() then closes too). */
  db: string | Storage;
  /** Origins allowed to send beacons: exact, or `https://*.example.com` for subdomains. */
  allowOrigins?: readonly string[];
  /** Bearer keys for `/v1/chats`, `/v1/conversions.csv` and `/v1/stats`. */
  apiKeys?: readonly string[];
  /** The `<secret>` path segment of the bot webhooks; without it the webhooks are off. */
  webhookSecret?: string;
  /** Mount point such as `/px`: routes become `/px/v1/...`. Default '' (routes at `/v1/...`). */
  pathPrefix?: string;
  /** Per-client limit on beacons; `false` turns it off. Default 120 a minute, bursts of 30. */
  rateLimit?: RateLimitOptions | false;
  /** Read the client address from the last `X-Forwarded-For` entry (behind one proxy). */
  trustProxy?: boolean;
  /** Structured log sink; default JSON lines on stdout; `false` for none. */
  logger?: Logger | false;
  /** The chat-ID format the page script uses. Default `CT` + 8. */
  chatIdFormat?: ChatIdFormat;
  /** Delete pairings older than this many days, checked hourly. Default: keep them. */
  retentionDays?: number;
  /** How long close() waits for requests in flight before cutting connections. Default 10 s. */
  shutdownTimeoutMs?: number;
  /** Clock, Unix ms (tests). */
  now?: () => number;
}

export interface Collector {
  /** A `node:http` request listener, to mount in an existing server. */
  handler(req: IncomingMessage, res: ServerResponse): void;
  /** Starts a standalone server; port 0 picks a free one. */
  listen(port?: number, host?: string): Promise<{ url: string }>;
  /** Stops accepting, finishes requests in flight, then closes the database. */
  close(): Promise<void>;
  readonly storage: Storage;
}

const JSON_TYPE = 'application/json; charset=utf-8';
const BASE_HEADERS = { 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store' };

function send(res: ServerResponse, status: number, body?: unknown, headers: Record<string, string> = {}): void {
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

function mediaType(req: IncomingMessage): string {
  return (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

function requireType(req: IncomingMessage, allowed: readonly string[]): void {
  const type = mediaType(req);
  if (!allowed.includes(type)) {
    throw new HttpError(
      415,
      `Content-Type must be ${allowed.join(' or ')}, got ${JSON.stringify(type || 'none')}`,
      'Content-Type',
    );
  }
}

function normalizePrefix(prefix: string | undefined): string {
  const p = (prefix ?? '').trim().replace(/\/+$/, '');
  if (p === '') return '';
  if (!/^(\/[A-Za-z0-9._~-]+)+$/.test(p)) {
    throw new Error(`pathPrefix must look like /some/path (letters, digits, . _ ~ -), got ${JSON.stringify(prefix)}`);
  }
  return p;
}

/** Creates the collector: opens (and migrates) the database, then serves the HTTP API v1. */
export async function createCollector(options: CollectorOptions): Promise<Collector> {
  const now = options.now ?? Date.now;
  const format = options.chatIdFormat ?? DEFAULT_FORMAT;
  const problem = formatProblem(format);
  if (problem) throw new Error(`chatIdFormat: ${problem}`);
  const prefix = normalizePrefix(options.pathPrefix);
  const originAllowed = originMatcher(options.allowOrigins ?? []);
  const hasOrigins = (options.allowOrigins ?? []).length > 0;
  const keyAccepted = secretMatcher(options.apiKeys ?? []);
  const hasKeys = (options.apiKeys ?? []).some((k) => k.length > 0);
  const webhookSecret = options.webhookSecret ?? '';
  if (webhookSecret && !/^[A-Za-z0-9_-]{1,256}$/.test(webhookSecret)) {
    // Telegram's secret_token allows only these, and they need no escaping in a URL path.
    throw new Error('webhookSecret must be 1–256 characters of A-Z a-z 0-9 _ -');
  }
  const secretAccepted = secretMatcher(webhookSecret ? [webhookSecret] : []);
  const limiter =
    options.rateLimit === false ? null : new RateLimiter(options.rateLimit ?? { perMinute: 120, burst: 30 }, now);
  const secrets = [webhookSecret, ...(options.apiKeys ?? [])].filter(Boolean);
  const log: Logger = options.logger === false ? silentLogger : (options.logger ?? jsonLogger(undefined, secrets));
  const storage = typeof options.db === 'string' ? await openStorage(options.db) : options.db;

  let inFlight = 0;
  let closing = false;
  let idle: (() => void) | null = null;
  const servers: Server[] = [];

  const clientAddress = (req: IncomingMessage): string => {
    if (options.trustProxy) {
      const xff = req.headers['x-forwarded-for'];
      const last = (Array.isArray(xff) ? xff.join(',') : (xff ?? '')).split(',').pop()?.trim();
      if (last) return last;
    }
    return req.socket.remoteAddress ?? 'unknown';
  };

  const authorize = (req: IncomingMessage): void => {
    const header = req.headers.authorization;
    const m = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
    if (!m) {
      throw new HttpError(401, 'Authorization: Bearer <key> is required', 'Authorization', {
        'WWW-Authenticate': 'Bearer',
      });
    }
    if (!hasKeys || !keyAccepted(m[1] as string)) throw new HttpError(403, 'API key not accepted', 'Authorization');
  };

  async function pairing(req: IncomingMessage, res: ServerResponse, cors: Record<string, string>): Promise<void> {
    if (limiter) {
      const wait = limiter.take(clientKey(clientAddress(req)));
      if (wait > 0) throw new HttpError(429, 'too many requests', undefined, { 'Retry-After': String(wait), ...cors });
    }
    requireType(req, ['text/plain', 'application/json']);
    const body = parseJsonObject(decodeUtf8(await readBody(req, PAIRING_BODY_LIMIT)));
    const input = parsePairing(body, now(), format);
    await storage.insertPairing(input);
    // 204 only now: the pairing is committed, so an acknowledged beacon survives a crash.
    send(res, 204, undefined, cors);
  }

  async function chats(req: IncomingMessage, res: ServerResponse): Promise<void> {
    authorize(req);
    requireType(req, ['application/json']);
    const body = parseJsonObject(decodeUtf8(await readBody(req, CHAT_BODY_LIMIT)));
    const t = now();
    const report = parseChatReport(body, t, format);
    const result = await recordChat(storage, report, t, format);
    send(res, result.created ? 201 : 200, result);
  }

  async function webhook(req: IncomingMessage, res: ServerResponse, kind: 'telegram' | 'viber'): Promise<void> {
    requireType(req, ['application/json']);
    const body = parseJsonObject(decodeUtf8(await readBody(req, WEBHOOK_BODY_LIMIT)));
    const t = now();
    const seconds = Math.floor(t / 1000);
    const chat: BotChat | null = kind === 'telegram' ? telegramChat(body, seconds) : viberChat(body, seconds);
    if (!chat) {
      send(res, 200, { ok: true, ignored: true });
      return;
    }
    // A bot sees every message; only the first of a partner (or one carrying a chat ID) is a new chat.
    if (!chat.starts && findChatId(chat.report, format) === null) {
      const partner = partnersOf(chat.report)[0];
      if (partner && (await storage.partnerHasChat(chat.report.platform, partner))) {
        send(res, 200, { ok: true, ignored: true });
        return;
      }
    }
    const result = await recordChat(storage, chat.report, t, format);
    send(res, 200, { ok: true, chatId: result.chatId, unattributedReason: result.unattributedReason });
  }

  function sinceParam(url: URL): number | undefined {
    const raw = url.searchParams.get('since');
    if (raw === null || raw === '') return undefined;
    if (!/^\d+$/.test(raw))
      throw new HttpError(400, `since must be Unix seconds, got ${JSON.stringify(raw.slice(0, 40))}`, 'since');
    return checkDateTime(Number(raw), Math.floor(now() / 1000), 'since');
  }

  async function conversions(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    authorize(req);
    const since = sinceParam(url);
    const chunks = exportPending(storage, since === undefined ? {} : { since });
    // Read the first chunk before sending headers, so a database error still gets a clean 500.
    const first = await chunks.next();
    res.writeHead(200, {
      ...BASE_HEADERS,
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': 'attachment; filename="conversions.csv"',
    });
    if (!first.done) res.write(first.value);
    for await (const chunk of { [Symbol.asyncIterator]: () => chunks }) {
      if (!res.write(chunk)) await new Promise((r) => res.once('drain', r));
    }
    res.end();
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://collector.invalid');
    } catch {
      throw new HttpError(400, 'request target is not a valid path');
    }
    let path = url.pathname;
    if (prefix) {
      if (path !== prefix && !path.startsWith(`${prefix}/`)) throw new HttpError(404, 'not found');
      path = path.slice(prefix.length) || '/';
    }
    const method = req.method ?? 'GET';
    const allow = (methods: string) => {
      if (!methods.split(', ').includes(method)) {
        throw new HttpError(405, `method ${method} is not allowed here; use ${methods}`, undefined, { Allow: methods });
      }
    };
    if (path === '/healthz') {
      allow('GET, HEAD');
      send(res, 200, { ok: true, db: storage.kind });
      return;
    }
    if (path === '/v1/pairings') {
      const origin = req.headers.origin;
      let cors: Record<string, string> = {};
      if (origin !== undefined) {
        if (!originAllowed(origin)) {
          throw new HttpError(
            403,
            hasOrigins ? 'origin not allowed' : 'no origin is allowed yet: start the collector with --allow-origin',
            'Origin',
          );
        }
        cors = { 'Access-Control-Allow-Origin': origin, Vary: 'Origin' };
      }
      if (method === 'OPTIONS') {
        send(res, 204, undefined, {
          ...cors,
          'Access-Control-Allow-Methods': 'POST',
          'Access-Control-Allow-Headers': 'Content-Type',
          'Access-Control-Max-Age': '86400',
        });
        return;
      }
      allow('POST, OPTIONS');
      try {
        await pairing(req, res, cors);
      } catch (error) {
        // The page may read the refusal only with the CORS header on it.
        if (error instanceof HttpError) Object.assign(error.headers, cors);
        throw error;
      }
      return;
    }
    if (path === '/v1/chats') {
      allow('POST');
      await chats(req, res);
      return;
    }
    const hook = /^\/v1\/webhooks\/(telegram|viber)\/([^/]+)$/.exec(path);
    if (hook) {
      // A wrong secret looks exactly like a path that does not exist.
      // The raw segment is compared: decoding could throw on malformed escapes, and secrets need none.
      if (!webhookSecret || !secretAccepted(hook[2] as string)) throw new HttpError(404, 'not found');
      allow('POST');
      await webhook(req, res, hook[1] as 'telegram' | 'viber');
      return;
    }
    if (path === '/v1/conversions.csv') {
      allow('GET');
      await conversions(req, res, url);
      return;
    }
    if (path === '/v1/stats') {
      allow('GET');
      authorize(req);
      const since = sinceParam(url);
      send(res, 200, await storage.chatStats(since === undefined ? {} : { since }));
      return;
    }
    throw new HttpError(404, 'not found');
  }

  function handler(req: IncomingMessage, res: ServerResponse): void {
    inFlight++;
    if (closing) res.setHeader('Connection', 'close');
    const started = performance.now();
    route(req, res)
      .catch((error: unknown) => {
        const path = mask(req.url ?? '', secrets);
        if (error instanceof HttpError) {
          const headers = { ...error.headers };
          // After a refused body the rest of it is not read: close rather than reuse the connection.
          if (error.status === 413) headers.Connection = 'close';
          send(
            res,
            error.status,
            error.field ? { error: error.message, field: error.field } : { error: error.message },
            headers,
          );
          log.warn('request refused', {
            method: req.method,
            path,
            status: error.status,
            // Refusals may quote the value sent (a phone number, say); a custom logger gets it masked too.
            error: mask(error.message, secrets),
            field: error.field,
          });
          return;
        }
        send(res, 500, { error: 'internal error' });
        log.error('request failed', {
          method: req.method,
          path,
          error: mask(error instanceof Error ? error.message : String(error), secrets),
          ms: Math.round(performance.now() - started),
        });
      })
      .finally(() => {
        inFlight--;
        if (inFlight === 0 && idle) idle();
      });
  }

  let retentionTimer: NodeJS.Timeout | null = null;
  if (options.retentionDays !== undefined) {
    const days = options.retentionDays;
    if (!(days > 0)) throw new Error(`retentionDays must be a positive number of days, got ${days}`);
    const purge = () => {
      storage
        .purgePairings(now() - days * 86_400_000)
        .then((n) => n > 0 && log.info('old pairings purged', { count: n, olderThanDays: days }))
        .catch((e: Error) => log.error('purge failed', { error: e.message }));
    };
    purge();
    retentionTimer = setInterval(purge, 3_600_000);
    retentionTimer.unref();
  }

  let closed: Promise<void> | null = null;
  async function doClose(): Promise<void> {
    closing = true;
    if (retentionTimer) clearInterval(retentionTimer);
    const timeout = options.shutdownTimeoutMs ?? 10_000;
    // Stop accepting; idle kept-alive connections go now, busy ones once their response is out.
    const stopped = servers.map(
      (server) =>
        new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeIdleConnections();
        }),
    );
    if (inFlight > 0) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, timeout);
        idle = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
    for (const server of servers) server.closeAllConnections();
    await Promise.all(stopped);
    await storage.close();
    log.info('collector stopped');
  }

  return {
    handler,
    storage,
    listen(port = 0, host = '127.0.0.1'): Promise<{ url: string }> {
      const server = createServer(
        { keepAliveTimeout: 65_000, requestTimeout: 30_000, headersTimeout: 20_000 },
        handler,
      );
      servers.push(server);
      // While closing, a response on a kept-alive connection also closes that connection.
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          const { port: p } = server.address() as AddressInfo;
          const h = host.includes(':') ? `[${host}]` : host;
          const url = `http://${h}:${p}${prefix}`;
          log.info('collector listening', { url, db: storage.kind });
          resolve({ url });
        });
      });
    },
    close(): Promise<void> {
      closed ??= doClose();
      return closed;
    },
  };
}
