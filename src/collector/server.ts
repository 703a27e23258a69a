import type { IncomingMessage, ServerResponse } from 'node:http';
import { linkTable } from '../bridge/links.js';
import { FILTER_LIST_URLS, type FilterListSource } from '../check/filters.js';
import { type ChatIdFormat, chatIdFormatProblem, DEFAULT_FORMAT } from '../match/index.js';
import { openStorage } from '../storage/index.js';
import type { Storage } from '../storage/types.js';
import { observeStorage } from './activity.js';
import { basicAuthorizer, bearerAuthorizer, secretMatcher } from './auth.js';
import type { CollectorContext } from './context.js';
import { HttpError } from './errors.js';
import { clientAddress, isHttps, sendError } from './http.js';
import { createLifecycle, type ScheduledJobFactory } from './lifecycle.js';
import { jsonLogger, type Logger, mask, onceLogger, silentLogger } from './logger.js';
import { originMatcher } from './origins.js';
import { RateLimiter, type RateLimitOptions } from './rate-limit.js';
import { createDispatcher } from './routes.js';
import { shortSecretProblem } from './secrets.js';

/**
 * The collector: options → the context its handlers share, the route table (routes.ts), and the
 * lifecycle (lifecycle.ts). The handlers are in handlers/, one file per route family.
 */

export { CHAT_BODY_LIMIT } from './handlers/chats.js';
export { PAIRING_BODY_LIMIT } from './handlers/pairings.js';
export { WEBHOOK_BODY_LIMIT } from './handlers/webhooks.js';

export interface CollectorOptions {
  /** SQLite file path, `postgres://` URL, or an opened storage (which close() then closes too). */
  db: string | Storage;
  /** Origins allowed to send beacons: exact, or `https://*.example.com` for subdomains. */
  allowOrigins?: readonly string[];
  /** Bearer keys for `/v1/chats`, `/v1/conversions.csv` and `/v1/stats`; each at least 16 characters. */
  apiKeys?: readonly string[];
  /**
   * The `<secret>` path segment of the bot and connector webhooks, at least 16 characters; without
   * it the webhooks are off.
   */
  webhookSecret?: string;
  /** Meta's app secret: WhatsApp Cloud API notifications must be signed with it (else 401). */
  whatsappAppSecret?: string;
  /** Green-API's Webhook URL Token: when set, Green-API webhooks must carry it in `Authorization`. */
  greenApiToken?: string;
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
  /**
   * Upload the pending chats to Metrica on a schedule (`serve --upload-every`): build it with
   * `scheduledUpload()` of the uploader. Collectors on one database take turns through a lock,
   * so each row is uploaded once.
   */
  uploadSchedule?: ScheduledJobFactory;
  /** Where the dashboard's installation check reads the filter lists. Default: download them. */
  filterLists?: FilterListSource;
  /**
   * Bridge links, name → messenger URL, served at `/go/<name>` for ads, QR codes and e-mails that
   * open a messenger directly. A URL the page script's rules cannot carry a chat ID in is refused.
   */
  links?: Readonly<Record<string, string>>;
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

function normalizePrefix(prefix: string | undefined): string {
  const p = (prefix ?? '').trim().replace(/\/+$/, '');
  if (p === '') return '';
  if (!/^(\/[A-Za-z0-9._~-]+)+$/.test(p)) {
    throw new Error(`pathPrefix must look like /some/path (letters, digits, . _ ~ -), got ${JSON.stringify(prefix)}`);
  }
  // A `.` or `..` segment means another path to a browser or a proxy than to the collector.
  if (p.split('/').some((segment) => segment === '.' || segment === '..')) {
    throw new Error(`pathPrefix must not have a . or .. segment, got ${JSON.stringify(prefix)}`);
  }
  return p;
}

/** Creates the collector: opens (and migrates) the database, then serves the HTTP API v1. */
export async function createCollector(options: CollectorOptions): Promise<Collector> {
  const now = options.now ?? Date.now;
  const format = options.chatIdFormat ?? DEFAULT_FORMAT;
  const problem = chatIdFormatProblem(format);
  if (problem) throw new Error(`chatIdFormat: ${problem}`);
  const prefix = normalizePrefix(options.pathPrefix);
  const webhookSecret = options.webhookSecret ?? '';
  if (webhookSecret && !/^[A-Za-z0-9_-]{1,256}$/.test(webhookSecret)) {
    // Telegram's secret_token allows only these, and they need no escaping in a URL path.
    throw new Error('webhookSecret must be 1–256 characters of A-Z a-z 0-9 _ -');
  }
  const shortSecret = shortSecretProblem(options.apiKeys ?? [], webhookSecret || undefined);
  if (shortSecret) throw new Error(shortSecret);
  // Before the database opens: a refused link stops the start-up with nothing to clean up.
  const links = linkTable(Object.entries(options.links ?? {}));
  const connectorSecrets = [options.whatsappAppSecret ?? '', options.greenApiToken ?? ''];
  const secrets = [webhookSecret, ...connectorSecrets, ...(options.apiKeys ?? [])].filter(Boolean);
  const log: Logger = options.logger === false ? silentLogger : (options.logger ?? jsonLogger(undefined, secrets));
  const storage = typeof options.db === 'string' ? await openStorage(options.db) : options.db;
  const limits = options.rateLimit === false ? null : (options.rateLimit ?? { perMinute: 120, burst: 30 });
  const observed = observeStorage(storage, log);
  const context: CollectorContext = {
    storage: observed.storage,
    format,
    now,
    limiter: limits ? new RateLimiter(limits, now) : null,
    dashboardLimiter: limits ? new RateLimiter(limits, now) : null,
    authorizeDashboard: basicAuthorizer(options.apiKeys ?? []),
    filterLists: options.filterLists ?? { urls: FILTER_LIST_URLS },
    // The lifecycle runs the schedule; it is created below, before any request can arrive.
    uploadSchedule: () => lifecycle.uploadSchedule(),
    clientAddress: (req) => clientAddress(req, options.trustProxy === true),
    authorize: bearerAuthorizer(options.apiKeys ?? []),
    originAllowed: originMatcher(options.allowOrigins ?? []),
    hasOrigins: (options.allowOrigins ?? []).length > 0,
    webhookSecretAccepted: secretMatcher(webhookSecret ? [webhookSecret] : []),
    links,
    prefix,
    isHttps: (req) => isHttps(req, options.trustProxy === true),
    log,
    connectors: {
      ...(options.whatsappAppSecret ? { whatsappAppSecret: options.whatsappAppSecret } : {}),
      ...(options.greenApiToken ? { greenApiTokenAccepted: secretMatcher([options.greenApiToken]) } : {}),
    },
    warnOnce: onceLogger(log),
  };
  const dispatch = createDispatcher(context);
  const lifecycle = createLifecycle({
    storage,
    log,
    now,
    prefix,
    retentionDays: options.retentionDays,
    shutdownTimeoutMs: options.shutdownTimeoutMs,
    uploadSchedule: options.uploadSchedule,
  });

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
    await dispatch(req, res, url, path);
  }

  function logFailure(req: IncomingMessage, error: unknown, started: number): void {
    const path = mask(req.url ?? '', secrets);
    if (error instanceof HttpError) {
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
    log.error('request failed', {
      method: req.method,
      path,
      error: mask(error instanceof Error ? error.message : String(error), secrets),
      ms: Math.round(performance.now() - started),
    });
  }

  function handler(req: IncomingMessage, res: ServerResponse): void {
    lifecycle.track(res, () => {
      const started = performance.now();
      return route(req, res).catch((error: unknown) => {
        sendError(res, error);
        logFailure(req, error, started);
      });
    });
  }

  return {
    handler,
    storage,
    listen: (port = 0, host = '127.0.0.1') => lifecycle.listen(handler, port, host),
    close: () => {
      observed.activity.close();
      return lifecycle.close();
    },
  };
}
