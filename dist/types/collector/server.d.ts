import type { IncomingMessage, ServerResponse } from 'node:http';
import { type FilterListSource } from '../check/filters.js';
import { type ChatIdFormat } from '../match/index.js';
import type { Storage } from '../storage/types.js';
import { type ScheduledJobFactory } from './lifecycle.js';
import { type Logger } from './logger.js';
import { type RateLimitOptions } from './rate-limit.js';
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
    listen(port?: number, host?: string): Promise<{
        url: string;
    }>;
    /** Stops accepting, finishes requests in flight, then closes the database. */
    close(): Promise<void>;
    readonly storage: Storage;
}
/** Creates the collector: opens (and migrates) the database, then serves the HTTP API v1. */
export declare function createCollector(options: CollectorOptions): Promise<Collector>;
