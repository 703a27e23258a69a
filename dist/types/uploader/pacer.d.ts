/**
 * Keeps requests inside Metrica's quotas: at most `maxPerSecond` started in any one-second
 * window (30 per IP) and at most `maxInFlight` at once (3 per user). Quota replies block the
 * whole user for a while, so staying under the limits is cheaper than retrying over them.
 */
export interface PacerOptions {
    maxPerSecond?: number;
    maxInFlight?: number;
}
export interface Pacer {
    /** Runs `task` when the limits allow it. */
    run<T>(task: () => Promise<T>): Promise<T>;
}
export declare function createPacer(options?: PacerOptions): Pacer;
