import type { ScheduleView } from '../../report/dashboard.js';
import type { ChatStats } from '../../storage/types.js';
import type { CollectorContext, RouteHandler } from '../context.js';
/** `GET /v1/conversions.csv`: the CHATS CSV of the pending rows, streamed. */
export declare const conversionsCsv: RouteHandler;
/**
 * The figures `GET /v1/stats` returns and the dashboard shows, read once here so the two never
 * disagree: the chat counts, and the scheduled upload's state when the collector runs one.
 */
export declare function readStats(ctx: CollectorContext, since: number | undefined): Promise<ChatStats & {
    scheduledUpload?: ScheduleView;
}>;
/** `GET /v1/stats`: counts of chats by outcome, as JSON. */
export declare const stats: RouteHandler;
