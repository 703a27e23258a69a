import { loadFilterLists } from '../../check/filters.js';
import { checkInstallation } from '../../check/run.js';
import { dailySeries } from '../../report/chart.js';
import { type DashboardView, PERIODS, renderDashboard } from '../../report/dashboard.js';
import { DASHBOARD_CSS, DASHBOARD_ICON } from '../../report/dashboard-css.js';
import type { RouteHandler } from '../context.js';
import { HttpError } from '../errors.js';
import { BASE_HEADERS } from '../http.js';
import { readStats } from './conversions.js';

/** How many chats and uploads the dashboard lists. */
const RECENT_CHATS = 25;
const RECENT_UPLOADS = 20;

/**
 * The dashboard's policy: nothing but its own stylesheet and its own form. No script at all, so
 * a chat partner's name that slipped through escaping still could not run.
 */
export const DASHBOARD_CSP =
  "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

function periodParam(url: URL): number {
  const raw = url.searchParams.get('days');
  if (raw === null || raw === '') return 30;
  if (!/^\d{1,3}$/.test(raw) || Number(raw) < 1 || Number(raw) > 366) {
    throw new HttpError(
      400,
      `days must be a whole number of days from 1 to 366, e.g. ${PERIODS.join(', ')}; got ${JSON.stringify(raw.slice(0, 20))}`,
      'days',
    );
  }
  return Number(raw);
}

/** `GET /dashboard`: the figures, the chart, the lists, and the installation check when asked. */
export const dashboard: RouteHandler = async (ctx, { res, url }) => {
  const days = periodParam(url);
  const now = ctx.now();
  // The period is whole UTC days, today included, as the chart draws them.
  const since = (Math.floor(now / 86_400_000) - days + 1) * 86_400;
  const [stats, perDay, recent, uploads] = await Promise.all([
    readStats(ctx, since),
    ctx.storage.chatsPerDay({ since }),
    ctx.storage.recentChats({ since, limit: RECENT_CHATS }),
    ctx.storage.uploadHistory({ limit: RECENT_UPLOADS }),
  ]);
  const view: DashboardView = {
    days,
    now,
    stats,
    daily: dailySeries(perDay, days, now),
    recent: recent.map((c) => ({
      dateTime: c.dateTime,
      platform: c.platform,
      partner: c.chatUsername ?? c.chatUserId ?? c.phoneNumber ?? '–',
      chatId: c.chatId,
      clientId: c.clientId,
      yclid: c.yclid,
      userId: c.userId,
      purchaseId: c.purchaseId,
      reason: c.unattributedReason,
      uploaded: c.uploadedRevision === c.revision,
    })),
    uploads,
    schedule: stats.scheduledUpload ?? null,
  };
  const checkUrl = url.searchParams.get('check');
  if (checkUrl) {
    try {
      view.check = {
        url: checkUrl,
        report: await checkInstallation(checkUrl, { filters: () => loadFilterLists(ctx.filterLists) }),
      };
    } catch (error) {
      view.check = { url: checkUrl, error: (error as Error).message };
    }
  }
  const html = renderDashboard(view);
  res.writeHead(200, {
    ...BASE_HEADERS,
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(html)),
    'Content-Security-Policy': DASHBOARD_CSP,
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
  });
  res.end(html);
};

/** A static file of the dashboard; public, it holds no data. */
function asset(type: string, body: string): RouteHandler {
  return async (_ctx, { res }) => {
    res.writeHead(200, {
      ...BASE_HEADERS,
      'Content-Type': type,
      'Content-Length': String(Buffer.byteLength(body)),
      'Cache-Control': 'public, max-age=3600',
    });
    res.end(body);
  };
}

/** `GET /dashboard.css` and `GET /dashboard.svg` (its icon). */
export const dashboardCss = asset('text/css; charset=utf-8', DASHBOARD_CSS);
export const dashboardIcon = asset('image/svg+xml', DASHBOARD_ICON);
