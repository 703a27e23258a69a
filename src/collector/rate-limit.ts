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

export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private readonly rate: number;
  private readonly burst: number;
  private readonly maxClients: number;

  constructor(
    options: RateLimitOptions,
    private readonly now: () => number = Date.now,
  ) {
    if (!(options.perMinute > 0))
      throw new Error(`rate limit must be a positive number per minute, got ${options.perMinute}`);
    this.rate = options.perMinute / 60_000;
    this.burst = options.burst ?? Math.max(10, Math.ceil(options.perMinute / 4));
    this.maxClients = options.maxClients ?? 100_000;
  }

  /** Takes one token; returns 0 when allowed, else the seconds to wait (for Retry-After). */
  take(client: string): number {
    const t = this.now();
    let b = this.buckets.get(client);
    if (b) {
      b.tokens = Math.min(this.burst, b.tokens + (t - b.at) * this.rate);
      b.at = t;
    } else {
      if (this.buckets.size >= this.maxClients) this.evict(t);
      b = { tokens: this.burst, at: t };
      this.buckets.set(client, b);
    }
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - b.tokens) / this.rate / 1000));
  }

  private evict(t: number): void {
    for (const [k, b] of this.buckets) {
      if (b.tokens + (t - b.at) * this.rate >= this.burst) this.buckets.delete(k);
    }
    // Still full of active clients: forget the oldest entries (Map keeps insertion order).
    for (const k of this.buckets.keys()) {
      if (this.buckets.size < this.maxClients) break;
      this.buckets.delete(k);
    }
  }
}

/**
 * The bucket a client address counts against: an IPv4 address as it is, an IPv6 address by its
 * /64. Providers give each subscriber a whole /64, so per-address buckets would let one client
 * rotate through 2^64 of them.
 * @example
 * clientKey('2001:db8:1:2:aaaa::1') // '2001:db8:1:2::/64'
 */
export function clientKey(address: string): string {
  const v4 = /^(?:::ffff:)?(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  if (v4) return v4[1] as string;
  const ip = address.replace(/%.*$/, ''); // a zone index (fe80::1%eth0) names an interface, not a client
  if (!/^[\da-f:.]+$/i.test(ip) || !ip.includes(':')) return address;
  const [head = '', tail] = ip.split('::');
  const first = head ? head.split(':') : [];
  const last = tail ? tail.split(':') : [];
  const groups =
    tail === undefined ? first : [...first, ...Array(Math.max(0, 8 - first.length - last.length)).fill('0'), ...last];
  return `${groups
    .slice(0, 4)
    .map((g) => g.toLowerCase().replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}
