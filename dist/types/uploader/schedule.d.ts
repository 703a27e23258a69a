import type { ConversionStore } from '../storage/contract.js';
import type { Storage } from '../storage/types.js';
import type { MetricaClient, WaitOptions } from './client.js';
/**
 * Uploads on a schedule, inside a long-running collector. Each tick takes the upload lock
 * (shared by every collector on the same database, so only one uploads at a time), uploads the
 * rows that are new or changed, and marks them in the same transaction as the receipt, so no row
 * is sent twice. A failed run leaves its rows pending for the next tick; a used-up daily quota
 * skips the ticks until it resets at 00:00 UTC, as `upload` stops until then.
 */
/** Releases the lock; resolves once released. */
export type ReleaseLock = () => Promise<void>;
/** Takes the upload lock if it is free: the release function, or null when another holder has it. */
export type TryLock = () => Promise<ReleaseLock | null>;
export type RunOutcome = 'uploaded' | 'nothing-to-upload' | 'invalid' | 'locked' | 'failed' | 'quota-exhausted';
export interface ScheduledRun {
    /** Unix milliseconds when the run started. */
    at: number;
    outcome: RunOutcome;
    /** In words, for the log and the dashboard; never the token. */
    message: string;
    /** Metrica's upload IDs of this run. */
    uploads: string[];
    rows: number;
}
export interface ScheduleState {
    /** The interval as given, e.g. `1h`. */
    every: string;
    counterId: string;
    lastRun?: ScheduledRun;
    /** Unix milliseconds of the next tick. */
    nextRunAt?: number;
    /** While the daily quota is used up: when ticks resume. */
    pausedUntil?: number;
}
interface ScheduleLogger {
    info(msg: string, fields?: Record<string, unknown>): void;
    warn(msg: string, fields?: Record<string, unknown>): void;
    error(msg: string, fields?: Record<string, unknown>): void;
}
export interface UploadScheduleOptions {
    store: ConversionStore;
    tryLock: TryLock;
    client: MetricaClient;
    counterId: string;
    everyMs: number;
    /** The interval as the user wrote it, for messages. */
    every: string;
    log: ScheduleLogger;
    comment?: string;
    /** How long a run waits for Metrica to process its upload (the lock is held meanwhile). Default 60 s. */
    wait?: WaitOptions;
    now?: () => number;
}
export interface UploadSchedule {
    /** Starts the ticks; the first one after `everyMs`, or right away with `immediately`. */
    start(options?: {
        immediately?: boolean;
    }): void;
    /** Runs one tick now (tests, and the first tick); resolves with its result. */
    runOnce(): Promise<ScheduledRun>;
    state(): ScheduleState;
    /** Stops the ticks and waits for a run in progress to finish. */
    stop(): Promise<void>;
}
/** The next 00:00 UTC after `ms`, when Metrica's daily quota resets. */
export declare function nextUtcMidnight(ms: number): number;
export declare function createUploadSchedule(o: UploadScheduleOptions): UploadSchedule;
/** A schedule for the collector: what to upload where, and how often. */
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
/**
 * The collector's scheduled upload (its `uploadSchedule` option): the rows and the lock are
 * those of the collector's own database, so collectors sharing it take turns.
 */
export declare function scheduledUpload(o: ScheduledUploadOptions): (storage: Storage, log: ScheduleLogger) => UploadSchedule;
export {};
