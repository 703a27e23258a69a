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
/**
 * The bucket a client address counts against: an IPv4 address as it is, an IPv6 address by its
 * /64. Providers give each subscriber a whole /64, so per-address buckets would let one client
 * rotate through 2^64 of them. Any spelling counts alike: compressed or not, upper case, with a
 * zone index, brackets or a port (as some proxies write X-Forwarded-For), IPv4-mapped.
 * @example
 * clientKey('2001:db8:1:2:aaaa::1') // '2001:db8:1:2::/64'
 */
export declare function clientKey(address: string): string;
