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
 * rotate through 2^64 of them. Any spelling counts alike: compressed or not, upper case, with a
 * zone index, brackets or a port (as some proxies write X-Forwarded-For), IPv4-mapped.
 * @example
 * clientKey('2001:db8:1:2:aaaa::1') // '2001:db8:1:2::/64'
 */
export function clientKey(address: string): string {
  let ip = address.trim();
  const bracketed = /^\[([^\]]*)\](?::\d+)?$/.exec(ip);
  if (bracketed) ip = bracketed[1] as string;
  ip = ip.replace(/%.*$/, ''); // a zone index (fe80::1%eth0) names an interface, not a client
  const v4 = /^(\d{1,3}(?:\.\d{1,3}){3})(?::\d+)?$/.exec(ip);
  if (v4) return v4[1] as string;
  if (!ip.includes(':')) return address;
  let canonical: string;
  try {
    // The URL parser writes every IPv6 spelling one way: lower case, hex only, zeros compressed.
    canonical = new URL(`http://[${ip}]`).hostname.slice(1, -1);
  } catch {
    return address;
  }
  const [head = '', tail] = canonical.split('::');
  const first = head ? head.split(':') : [];
  const last = tail ? tail.split(':') : [];
  const groups = tail === undefined ? first : [...first, ...Array(8 - first.length - last.length).fill('0'), ...last];
  // ::ffff:a.b.c.d is an IPv4 client
  if (groups.slice(0, 5).every((g) => g === '0') && groups[5] === 'ffff') {
    const [hi, lo] = [Number.parseInt(groups[6] as string, 16), Number.parseInt(groups[7] as string, 16)];
    return [hi >> 8, hi & 255, lo >> 8, lo & 255].join('.');
  }
  return `${groups.slice(0, 4).join(':')}::/64`;
}
