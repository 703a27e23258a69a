import type { CheckReport } from '../check/run.js';
import type { ChatStats, UnattributedReason } from '../storage/types.js';
import { type DailyCount } from './chart.js';
/**
 * The dashboard as one HTML document: the yield figures (the same object `GET /v1/stats` and
 * `report` print), chats per day, recent chats with their match, the upload history, the
 * scheduled upload and the installation check. Pure: the collector fetches, this only renders.
 * No script and no inline style: the stylesheet is a same-origin file, so the page works under
 * `default-src 'none'; style-src 'self'`.
 */
export type { DailyCount } from './chart.js';
/** A chat as the dashboard lists it, with what it was matched to. */
export interface RecentChat {
    /** Unix seconds. */
    dateTime: number;
    platform: string;
    /** The partner as the chat names them: username, user ID or phone. */
    partner: string;
    chatId: string | null;
    clientId: string | null;
    yclid: string | null;
    userId: string | null;
    purchaseId: string | null;
    reason: UnattributedReason | null;
    uploaded: boolean;
}
/** One upload to Metrica and what Metrica made of it. */
export interface UploadEntry {
    uploadId: string;
    /** Unix milliseconds. */
    sentAt: number;
    status: string;
    /** Rows the file carried. */
    rowCount: number;
    /** Metrica's counts once processed: rows accepted, linked to a visit, user not found. */
    lineQuantity?: number;
    linkedQuantity?: number;
    userNotFoundQuantity?: number;
}
/** The collector's own upload schedule, when `serve --upload-every` runs one. */
export interface ScheduleView {
    every: string;
    counterId: string;
    lastRun?: {
        at: number;
        outcome: string;
        message: string;
    };
    /** Unix milliseconds. */
    nextRunAt?: number;
}
export interface DashboardView {
    /** The period shown, in days, ending today (UTC). */
    days: number;
    /** Unix milliseconds, for the footer. */
    now: number;
    stats: ChatStats;
    daily: DailyCount[];
    recent: RecentChat[];
    uploads: UploadEntry[];
    schedule: ScheduleView | null;
    /** The installation check for the URL typed in, when one was. */
    check?: {
        url: string;
        report?: CheckReport;
        error?: string;
    };
}
export declare const PERIODS: readonly [7, 30, 90];
/** The whole page. Everything from the database is escaped: partner names are what visitors typed. */
export declare function renderDashboard(v: DashboardView): string;
