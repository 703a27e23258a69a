import type { IncomingMessage, ServerResponse } from 'node:http';
import type { BridgeLink } from '../bridge/links.js';
import type { FilterListSource } from '../check/filters.js';
import type { ChatIdFormat } from '../match/index.js';
import type { ScheduleView } from '../report/dashboard.js';
import type { Storage } from '../storage/types.js';
import type { Logger } from './logger.js';
import type { RateLimiter } from './rate-limit.js';

/** What the channel connectors check besides the webhook secret. */
export interface ConnectorSettings {
  /** Meta's app secret, which signs WhatsApp Cloud API notifications; without it they are refused. */
  readonly whatsappAppSecret?: string;
  /** Whether a token is Green-API's Webhook URL Token; absent when none is configured (nothing checked). */
  readonly greenApiTokenAccepted?: (token: string) => boolean;
}

/** What every handler may use: built once from the options by createCollector. */
export interface CollectorContext {
  readonly storage: Storage;
  /** The chat-ID format the page script uses. */
  readonly format: ChatIdFormat;
  /** Clock, Unix ms. */
  now(): number;
  /** Beacons per client; null when the limit is off. */
  readonly limiter: RateLimiter | null;
  clientAddress(req: IncomingMessage): string;
  /** Throws 401/403 unless the request carries an accepted `Authorization: Bearer` key. */
  authorize(req: IncomingMessage): void;
  /** Whether a page of this origin may send beacons. */
  originAllowed(origin: string): boolean;
  /** Whether any origin is allowed at all (the refusal says how to allow one when none is). */
  readonly hasOrigins: boolean;
  /** Whether a webhook path's `<secret>` segment is the configured one (false when webhooks are off). */
  webhookSecretAccepted(segment: string): boolean;
  /** Throws 401 with a Basic challenge unless the password is an accepted API key (the dashboard). */
  authorizeDashboard(req: IncomingMessage): void;
  /** Dashboard requests per client, with the same limits as the API's; null when limits are off. */
  readonly dashboardLimiter: RateLimiter | null;
  /** Where the dashboard's installation check reads the content blockers' lists. */
  readonly filterLists: FilterListSource;
  /** The scheduled upload's state, or null when the collector runs none. */
  uploadSchedule(): ScheduleView | null;
  /** Bridge links by name, served at `/go/<name>`; empty when none are configured. */
  readonly links: ReadonlyMap<string, BridgeLink>;
  /** The mount point such as `/px`, or ''. */
  readonly prefix: string;
  /** Whether the client reached us over HTTPS: directly, or through a trusted proxy that says so. */
  isHttps(req: IncomingMessage): boolean;
  readonly log: Logger;
  readonly connectors: ConnectorSettings;
  /** Logs a warning the first time its key is seen in this process, so a repeated oddity is one line. */
  warnOnce(key: string, msg: string, fields: Record<string, unknown>): void;
}

/** The shapes of the route table (routes.ts); here so that handlers need not import the table. */

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
