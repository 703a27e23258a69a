/**
 * Per-client token buckets: `burst` requests at once, refilled at `perMinute`. The table is
 * bounded so a flood of distinct addresses cannot grow memory without end; full buckets are
 * dropped first since forgetting them changes nothing.
 */
export interface RateLimitOptions {
    /** Sustained requests per minute per client. */
    perMinute: number;
    /** Requests allowed at once. Default: a quarter of a minute's worth, at least 10. */
    burst?: number;
    /** Most clients tracked at once. */
    maxClients?: number;
}
export declare class RateLimiter {
    private readonly now;
    private readonly buckets;
    private readonly rate;
    private readonly burst;
    private readonly maxClients;
    constructor(options: RateLimitOptions, now?: () => number);
    /** Takes one token; returns 0 when allowed, else the seconds to wait (for Retry-After). */
    take(client: string): number;
    private evict;
}
