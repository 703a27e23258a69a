import type { Storage } from '../storage/types.js';
import type { Logger } from './logger.js';
/**
 * What the collector tells its operator about what arrives, not only about what it refuses: a line
 * for each chat stored or changed, and the pairings counted once a minute (a busy site sends many
 * a second; a line each would drown everything else).
 */
export interface Activity {
    /** Stops the minute timer, logging the count so far. */
    close(): void;
}
/**
 * The storage the request handlers use, reporting each chat written and counting the pairings.
 * Every route that stores a chat goes through it, so a new connector logs with no code of its own.
 */
export declare function observeStorage(storage: Storage, log: Logger, intervalMs?: number): {
    storage: Storage;
    activity: Activity;
};
