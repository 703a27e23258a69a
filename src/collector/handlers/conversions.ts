import { exportPending } from '../../export/pending.js';
import type { ScheduleView } from '../../report/dashboard.js';
import type { ChatStats } from '../../storage/types.js';
import type { CollectorContext, RouteHandler } from '../context.js';
import { HttpError } from '../errors.js';
import { BASE_HEADERS, send } from '../http.js';
import { checkDateTime } from '../validate.js';

/** The optional `?since=<Unix seconds>` of the read endpoints. */
function sinceParam(url: URL, nowMs: number): number | undefined {
  const raw = url.searchParams.get('since');
  if (raw === null || raw === '') return undefined;
  if (!/^\d+$/.test(raw))
    throw new HttpError(400, `since must be Unix seconds, got ${JSON.stringify(raw.slice(0, 40))}`, 'since');
  return checkDateTime(Number(raw), Math.floor(nowMs / 1000), 'since');
}

/** `GET /v1/conversions.csv`: the CHATS CSV of the pending rows, streamed. */
export const conversionsCsv: RouteHandler = async (ctx, { res, url }) => {
  const since = sinceParam(url, ctx.now());
  const chunks = exportPending(ctx.storage, since === undefined ? {} : { since });
  // The header line comes before any query: read on to the first row (or the end) before sending
  // the status, so a database that is down gets a 503 with a JSON error, not a 200 header-only file.
  const head: string[] = [];
  for (let next = await chunks.next(); ; next = await chunks.next()) {
    if (next.done) break;
    head.push(next.value);
    if (head.length >= 2) break;
  }
  res.writeHead(200, {
    ...BASE_HEADERS,
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': 'attachment; filename="conversions.csv"',
  });
  for (const chunk of head) res.write(chunk);
  for await (const chunk of { [Symbol.asyncIterator]: () => chunks }) {
    if (!res.write(chunk)) await new Promise((r) => res.once('drain', r));
  }
  res.end();
};

/**
 * The figures `GET /v1/stats` returns and the dashboard shows, read once here so the two never
 * disagree: the chat counts, and the scheduled upload's state when the collector runs one.
 */
export async function readStats(
  ctx: CollectorContext,
  since: number | undefined,
): Promise<ChatStats & { scheduledUpload?: ScheduleView }> {
  const counts = await ctx.storage.chatStats(since === undefined ? {} : { since });
  const schedule = ctx.uploadSchedule();
  return schedule ? { ...counts, scheduledUpload: schedule } : counts;
}

/** `GET /v1/stats`: counts of chats by outcome, as JSON. */
export const stats: RouteHandler = async (ctx, { res, url }) => {
  send(res, 200, await readStats(ctx, sinceParam(url, ctx.now())));
};
