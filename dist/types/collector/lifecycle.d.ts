import { type IncomingMessage, type ServerResponse } from 'node:http';
import type { Storage } from '../storage/types.js';
import type { Logger } from './logger.js';
/**
 * The collector's life apart from its requests: listening, the hourly retention purge, and a
 * shutdown that lets requests in flight finish before the database closes.
 */
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
}
export interface Lifecycle {
    /** Runs one request's work, counted as in flight until it settles. */
    track(res: ServerResponse, work: () => Promise<void>): void;
    listen(handler: (req: IncomingMessage, res: ServerResponse) => void, port: number, host: string): Promise<{
        url: string;
    }>;
    /** Stops accepting, finishes requests in flight, then closes the database. Idempotent. */
    close(): Promise<void>;
}
/** Starts the retention purge (if asked for) and returns the lifecycle; throws on a bad retention. */
export declare function createLifecycle(options: LifecycleOptions): Lifecycle;
