import { type IncomingMessage, type ServerResponse } from 'node:http';
import type { Storage } from '../storage/types.js';
import type { MetricaClient, WaitOptions } from '../uploader/client.js';
import { type ScheduleState } from '../uploader/schedule.js';
import type { Logger } from './logger.js';
/**
 * The collector's life apart from its requests: listening, the hourly retention purge, the
 * scheduled upload, and a shutdown that lets requests in flight (and an upload run) finish
 * before the database closes.
 */
/** Uploads the pending chats to Metrica on a schedule, one collector at a time per database. */
export interface ScheduledUploadOptions {
    /** The Metrica API client, with its token and API URL. */
    client: MetricaClient;
    counterId: string;
    everyMs: number;
    /** The interval as the user wrote it (`30m`), for the log and the dashboard. */
    every: string;
    comment?: string;
    /** How long a run waits for Metrica to process its file. Default 60 s. */
    wait?: WaitOptions;
}
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
    uploadSchedule?: ScheduledUploadOptions | undefined;
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
    uploadSchedule(): ScheduleState | null;
}
/** Starts the retention purge (if asked for) and returns the lifecycle; throws on a bad retention. */
export declare function createLifecycle(options: LifecycleOptions): Lifecycle;
