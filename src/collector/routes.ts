import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CollectorContext, Route } from './context.js';
import { HttpError } from './errors.js';
import { bridge } from './handlers/bridge.js';
import { chats } from './handlers/chats.js';
import { conversionsCsv, stats } from './handlers/conversions.js';
import { dashboard, dashboardCss, dashboardIcon } from './handlers/dashboard.js';
import { health } from './handlers/health.js';
import { pairing } from './handlers/pairings.js';
import { greenApiHook, telegramWebhook, viberWebhook, wazzupHook, whatsappHook } from './handlers/webhooks.js';
import { send } from './http.js';
import { clientKey } from './rate-limit.js';

export type { Route, RouteHandler, RouteRequest } from './context.js';

/**
 * The collector's routes, in one table. Adding a route is one entry here and a handler in
 * `handlers/`. The dispatcher below does what entries declare, in this order: a wrong webhook
 * secret answers 404 (as a path that does not exist); a CORS route checks the Origin and answers
 * the preflight; a method not listed answers 405 with `Allow`; a bearer route checks the key;
 * then the handler runs.
 */

export const ROUTES: readonly Route[] = [
  { path: '/healthz', methods: ['GET', 'HEAD'], auth: 'public', handler: health },
  { path: '/v1/pairings', methods: ['POST'], auth: 'public', cors: true, handler: pairing },
  { path: '/v1/chats', methods: ['POST'], auth: 'bearer', handler: chats },
  { path: '/v1/webhooks/telegram/:secret', methods: ['POST'], auth: 'path-secret', handler: telegramWebhook },
  { path: '/v1/webhooks/viber/:secret', methods: ['POST'], auth: 'path-secret', handler: viberWebhook },
  { path: '/v1/webhooks/whatsapp/:secret', methods: ['GET', 'POST'], auth: 'path-secret', handler: whatsappHook },
  { path: '/v1/webhooks/green-api/:secret', methods: ['POST'], auth: 'path-secret', handler: greenApiHook },
  { path: '/v1/webhooks/wazzup/:secret', methods: ['POST'], auth: 'path-secret', handler: wazzupHook },
  { path: '/v1/conversions.csv', methods: ['GET'], auth: 'bearer', handler: conversionsCsv },
  { path: '/v1/stats', methods: ['GET'], auth: 'bearer', handler: stats },
  { path: '/dashboard', methods: ['GET'], auth: 'basic', handler: dashboard },
  { path: '/dashboard.css', methods: ['GET'], auth: 'public', handler: dashboardCss },
  { path: '/dashboard.svg', methods: ['GET'], auth: 'public', handler: dashboardIcon },
  { path: '/go/:name', methods: ['GET', 'HEAD'], auth: 'public', handler: bridge },
];

/** The route whose path matches, with its `:name` segments; null for none. */
export function matchRoute(
  routes: readonly Route[],
  path: string,
): { route: Route; params: Record<string, string> } | null {
  const segments = path.split('/');
  for (const route of routes) {
    const pattern = route.path.split('/');
    if (pattern.length !== segments.length) continue;
    const params: Record<string, string> = {};
    let matches = true;
    for (const [i, part] of pattern.entries()) {
      const segment = segments[i] as string;
      if (part.startsWith(':') && segment !== '') params[part.slice(1)] = segment;
      else if (part !== segment) {
        matches = false;
        break;
      }
    }
    if (matches) return { route, params };
  }
  return null;
}

/** Dispatches requests (path already without the mount prefix) to the routes of the table. */
export function createDispatcher(
  ctx: CollectorContext,
  routes: readonly Route[] = ROUTES,
): (req: IncomingMessage, res: ServerResponse, url: URL, path: string) => Promise<void> {
  return async (req, res, url, path) => {
    const found = matchRoute(routes, path);
    if (!found) throw new HttpError(404, 'not found');
    const { route, params } = found;
    const method = req.method ?? 'GET';
    // A wrong secret looks exactly like a path that does not exist.
    // The raw segment is compared: decoding could throw on malformed escapes, and secrets need none.
    if (route.auth === 'path-secret' && !ctx.webhookSecretAccepted(params.secret ?? '')) {
      throw new HttpError(404, 'not found');
    }
    let cors: Record<string, string> = {};
    if (route.cors) {
      const origin = req.headers.origin;
      if (origin !== undefined) {
        if (!ctx.originAllowed(origin)) {
          throw new HttpError(
            403,
            ctx.hasOrigins ? 'origin not allowed' : 'no origin is allowed yet: start the collector with --allow-origin',
            'Origin',
          );
        }
        cors = { 'Access-Control-Allow-Origin': origin, Vary: 'Origin' };
      }
      if (method === 'OPTIONS') {
        send(res, 204, undefined, {
          ...cors,
          'Access-Control-Allow-Methods': route.methods.join(', '),
          'Access-Control-Allow-Headers': 'Content-Type',
          'Access-Control-Max-Age': '86400',
        });
        return;
      }
    }
    const allowed = route.cors ? [...route.methods, 'OPTIONS'] : route.methods;
    if (!allowed.includes(method)) {
      const list = allowed.join(', ');
      throw new HttpError(405, `method ${method} is not allowed here; use ${list}`, undefined, { Allow: list });
    }
    if (route.auth === 'bearer') ctx.authorize(req);
    if (route.auth === 'basic') {
      // Before the password check, so guessing keys is limited too.
      const wait = ctx.dashboardLimiter?.take(clientKey(ctx.clientAddress(req))) ?? 0;
      if (wait > 0) throw new HttpError(429, 'too many requests', undefined, { 'Retry-After': String(wait) });
      ctx.authorizeDashboard(req);
    }
    try {
      await route.handler(ctx, { req, res, url, params, cors });
    } catch (error) {
      // The page may read the refusal only with the CORS header on it.
      if (route.cors && error instanceof HttpError) Object.assign(error.headers, cors);
      throw error;
    }
  };
}
