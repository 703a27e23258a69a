import { type IncomingMessage, type ServerResponse } from 'node:http';
import type { ScheduleView } from '../report/dashboard.js';
import type { Storage } from '../storage/types.js';
import type { Logger } from './logger.js';
/**
 * The collector's life apart from its requests: listening, the hourly retention purge, the
 * scheduled upload, and a shutdown that lets requests in flight (and an upload run) finish
 * before the database closes.
 */
/**
 * A job the collector runs on a schedule for as long as it runs (the scheduled upload), and
 * reports in `/v1/stats` and on the dashboard. The command line builds it (uploader/schedule.ts),
 * so the collector never imports the uploader.
 */
export interface ScheduledJob {
    start(options?: {
        immediately?: boolean;
    }): void;
    /** Stops the ticks and waits for a run in progress. */
    stop(): Promise<void>;
    state(): ScheduleView;
}
/** Builds the scheduled job on the collector's own database and log. */
export type ScheduledJobFactory = (storage: Storage, log: Logger) => ScheduledJob;
export interface LifecycleOptions {
    storage: Storage;
    log: Logger;
    now: () => number;
    /** Mount point, part of the URL `listen` reports. */
    prefix: string;
    /** Delete pairings older than this many days, checked hourly. */
    retentionDays?: number | undefined;
    /** How long close() waits for requests in flight before cutting connections. */
    shutdownTimeoutMs?: number | undefined;
    uploadSchedule?: ScheduledJobFactory | undefined;
}
export interface Lifecycle {
    /** Runs one request's work, counted as in flight until it settles. */
    track(res: ServerResponse, work: () => Promise<void>): void;
    listen(handler: (req: IncomingMessage, res: ServerResponse) => void, port: number, host: string): Promise<{
        url: string;
    }>;
    /** Stops accepting, finishes requests in flight, then closes the database. Idempotent. */
    close(): Promise<void>;
    /** The scheduled upload's state; null when there is none. */
    uploadSchedule(): ScheduleView | null;
}
/** Starts the retention purge (if asked for) and returns the lifecycle; throws on a bad retention. */
export declare function createLifecycle(options: LifecycleOptions): Lifecycle;
